"""Weight files: PyTorch-layout state dicts in .safetensors and .npz."""

import numpy as np
import pytest
from safetensors.numpy import save_file

from visualrnn.engine import CELLS, init_model, run_forward, textbook_model
from visualrnn.engine.weights import WeightFileError, load_weights, save_weights

SUFFIXES = [".safetensors", ".npz"]
TORCH_CELLS = ["rnn", "lstm", "gru"]


def write(path, tensors, metadata=None):
    """Write a raw state dict the way another program would."""
    if path.suffix == ".npz":
        np.savez(path, **tensors)
    else:
        save_file(tensors, str(path), metadata=metadata)


def torch_style(cell="lstm", I=2, H=3, O=1, prefix="lstm.", head="fc.", dtype=np.float64):
    """A state dict as ``nn.LSTM(I, H)`` + ``nn.Linear(H, O)`` would name it."""
    G = {"rnn": 1, "gru": 3, "lstm": 4}[cell]
    rng = np.random.default_rng(0)
    d = {
        prefix + "weight_ih_l0": rng.standard_normal((G * H, I)),
        prefix + "weight_hh_l0": rng.standard_normal((G * H, H)),
        prefix + "bias_ih_l0": rng.standard_normal(G * H),
        prefix + "bias_hh_l0": rng.standard_normal(G * H),
    }
    if head is not None:
        d[head + "weight"] = rng.standard_normal((O, H))
        d[head + "bias"] = rng.standard_normal(O)
    return {k: v.astype(dtype) for k, v in d.items()}


def refused(path, *fragments):
    """Assert loading ``path`` fails with a one-line message naming it and ``fragments``."""
    with pytest.raises(WeightFileError) as info:
        load_weights(path)
    message = str(info.value)
    assert "\n" not in message
    assert path.name in message
    for fragment in fragments:
        assert fragment in message
    return message


# --- round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("output_size", [2, None])
def test_save_load_round_trip_is_exact(tmp_path, suffix, cell, output_size):
    model = init_model(cell, 3, 4, output_size, seed=7)
    path = tmp_path / f"model{suffix}"
    save_weights(model, path)
    loaded = load_weights(path)
    assert loaded.cell == cell and loaded.activation == "tanh"
    assert loaded.has_head == (output_size is not None)
    assert set(loaded.params) == set(model.params)
    for k, v in model.params.items():
        assert loaded.params[k].dtype == np.float64
        assert np.array_equal(loaded.params[k], v)


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("cell", CELLS)
def test_saved_keys_use_pytorch_names_and_float64(tmp_path, suffix, cell):
    path = tmp_path / f"m{suffix}"
    save_weights(init_model(cell, 2, 3, 1), path)
    if suffix == ".npz":
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files if not k.startswith("__")}
    else:
        from safetensors.numpy import load_file

        arrays = load_file(str(path))
    layer = {f"{cell}.{k}" for k in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")}
    assert set(arrays) == layer | {"head.weight", "head.bias"}
    assert all(a.dtype == np.float64 for a in arrays.values())


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("activation", ["relu", "identity", "tanh"])
def test_activation_is_kept_as_metadata(tmp_path, suffix, activation):
    path = tmp_path / f"m{suffix}"
    save_weights(init_model("rnn", 1, 2, 1, activation=activation), path)
    assert load_weights(path).activation == activation
    assert load_weights(path, activation="relu").activation == "relu"


def test_safetensors_metadata_names_activation_and_cell(tmp_path):
    from safetensors import safe_open

    path = tmp_path / "m.safetensors"
    save_weights(init_model("gru", 1, 2, 1), path)
    with safe_open(str(path), framework="np") as f:
        assert f.metadata() == {"visualrnn.activation": "tanh", "visualrnn.cell": "gru"}


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_activation_defaults_to_tanh_without_metadata(tmp_path, suffix):
    path = tmp_path / f"plain{suffix}"
    write(path, torch_style("rnn", prefix="rnn."))
    assert load_weights(path).activation == "tanh"
    assert load_weights(path, activation="relu").activation == "relu"
    with pytest.raises(ValueError, match="softsign"):
        load_weights(path, activation="softsign")


def test_save_overwrites_atomically_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "m.npz"
    save_weights(init_model("rnn", 1, 2, 1, seed=1), path)
    save_weights(init_model("lstm", 1, 2, 1, seed=2), path)
    assert load_weights(path).cell == "lstm"
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]


def test_save_into_a_missing_directory_fails_cleanly(tmp_path):
    with pytest.raises(OSError):
        save_weights(textbook_model(), tmp_path / "nowhere" / "m.npz")
    assert list(tmp_path.iterdir()) == []


# --- reading other programs' files --------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize(
    ("prefix", "head"),
    [("lstm.", "fc."), ("model.encoder.", "decoder.out."), ("", ""), ("rnn.", "head.")],
)
def test_any_prefix_is_accepted(tmp_path, suffix, prefix, head):
    d = torch_style("lstm", prefix=prefix, head=head)
    path = tmp_path / f"torch{suffix}"
    write(path, d)
    m = load_weights(path)
    assert m.cell == "lstm" and m.hidden_size == 3 and m.input_size == 2
    assert np.array_equal(m.params["weight_hh_l0"], d[prefix + "weight_hh_l0"])
    assert np.array_equal(m.params["head.weight"], d[head + "weight"])
    assert np.array_equal(m.params["head.bias"], d[head + "bias"])


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize(("cell", "rows"), [("rnn", 5), ("gru", 15), ("lstm", 20)])
def test_cell_follows_from_the_row_count(tmp_path, suffix, cell, rows):
    path = tmp_path / f"m{suffix}"
    write(path, torch_style(cell, H=5, prefix="x.", head=None))
    m = load_weights(path)
    assert (m.cell, m.hidden_size, m.params["weight_hh_l0"].shape[0]) == (cell, 5, rows)
    assert not m.has_head


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_float32_files_load_as_float64(tmp_path, suffix):
    d = torch_style("gru", prefix="gru.", dtype=np.float32)
    path = tmp_path / f"f32{suffix}"
    write(path, d)
    m = load_weights(path)
    assert all(v.dtype == np.float64 for v in m.params.values())
    assert np.array_equal(m.params["weight_ih_l0"], d["gru.weight_ih_l0"].astype(np.float64))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_bias_free_layers_get_zero_biases(tmp_path, suffix):
    d = torch_style("lstm")
    for k in ("lstm.bias_ih_l0", "lstm.bias_hh_l0", "fc.bias"):
        del d[k]
    path = tmp_path / f"nobias{suffix}"
    write(path, d)
    m = load_weights(path)
    assert np.array_equal(m.params["bias_ih_l0"], np.zeros(12))
    assert np.array_equal(m.params["bias_hh_l0"], np.zeros(12))
    assert np.array_equal(m.params["head.bias"], np.zeros(1))


def test_pytorch_layout_reproduces_the_textbook_example(tmp_path):
    """W_x, W_h written transposed, as nn.RNN stores them, give Fig. 8.5's numbers."""
    d = {
        "rnn.weight_ih_l0": np.array([[0.5], [0.6]]),
        "rnn.weight_hh_l0": np.array([[0.1, 0.3], [0.2, 0.4]]),
        "rnn.bias_ih_l0": np.array([0.1, -0.1]),
        "rnn.bias_hh_l0": np.zeros(2),
        "fc.weight": np.array([[1.0, 2.0]]),
        "fc.bias": np.array([0.1]),
    }
    path = tmp_path / "textbook.safetensors"
    write(path, d)
    trace, _, _ = run_forward(load_weights(path), [[1.0], [2.0]])
    np.testing.assert_allclose(
        trace.h, [[0.53704957, 0.46211716], [0.85973818, 0.88366641]], atol=5e-9
    )
    np.testing.assert_allclose(trace.y[:, 0], [1.56128388, 2.72707101], atol=5e-9)


# --- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_no_recurrent_layer_is_refused_listing_what_was_found(tmp_path, suffix):
    path = tmp_path / f"model.pt{suffix}"
    write(path, {"fc.weight": np.zeros((1, 4)), "fc.bias": np.zeros(1)})
    message = refused(path)
    head, found = message.split("; found: ")
    assert head == f'{path}: no key ending in "weight_ih_l0"'
    # npz keeps the order written; safetensors sorts the keys
    assert found in ("fc.weight (1, 4), fc.bias (1,)", "fc.bias (1,), fc.weight (1, 4)")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_ragged_row_count_is_refused(tmp_path, suffix):
    d = torch_style("rnn", H=3, prefix="rnn.", head=None)
    d["rnn.weight_hh_l0"] = np.zeros((6, 3))  # 2H rows: no such cell
    d["rnn.weight_ih_l0"] = np.zeros((6, 2))
    d["rnn.bias_ih_l0"] = d["rnn.bias_hh_l0"] = np.zeros(6)
    path = tmp_path / f"ragged{suffix}"
    write(path, d)
    refused(path, "rnn.weight_hh_l0", "(6, 3)", "H, 3H or 4H", "found:")


def test_input_weights_must_match_the_recurrent_rows(tmp_path):
    d = torch_style("gru", prefix="gru.")
    d["gru.weight_ih_l0"] = np.zeros((8, 2))
    path = tmp_path / "m.npz"
    write(path, d)
    refused(path, "gru.weight_ih_l0", "(8, 2)", "(9, I)")


def test_bias_of_the_wrong_length_is_refused(tmp_path):
    d = torch_style("gru", prefix="gru.")
    d["gru.bias_hh_l0"] = np.zeros(3)
    path = tmp_path / "m.npz"
    write(path, d)
    refused(path, "gru.bias_hh_l0", "(3,)", "(9,)")


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("shape", [(1, 4), (3,), (1, 3, 1)])
def test_head_of_the_wrong_shape_is_refused(tmp_path, suffix, shape):
    d = torch_style("lstm", H=3)
    d["fc.weight"] = np.zeros(shape)
    path = tmp_path / f"head{suffix}"
    write(path, d)
    refused(path, "fc.weight", str(shape), "(O, 3)")


def test_head_bias_of_the_wrong_shape_is_refused(tmp_path):
    d = torch_style("lstm", O=2)
    d["fc.bias"] = np.zeros(3)
    path = tmp_path / "m.npz"
    write(path, d)
    refused(path, "fc.bias", "(3,)", "(2,)")


def test_two_candidate_heads_are_refused_by_name(tmp_path):
    d = torch_style("lstm")
    d["out.weight"], d["out.bias"] = np.zeros((1, 3)), np.zeros(1)
    path = tmp_path / "two.safetensors"
    write(path, d)
    refused(path, "more than one", "fc.weight", "out.weight")


def test_unexpected_keys_are_refused(tmp_path):
    d = torch_style("lstm")
    d["scale"] = np.ones(3)
    path = tmp_path / "m.npz"
    write(path, d)
    refused(path, "unexpected", "scale")


@pytest.mark.parametrize(
    "extra", ["lstm.weight_ih_l1", "lstm.weight_hh_l0_reverse", "lstm.bias_hh_l2"]
)
def test_stacked_or_bidirectional_layers_are_refused(tmp_path, extra):
    d = torch_style("lstm")
    d[extra] = np.zeros((12, 3))
    path = tmp_path / "deep.safetensors"
    write(path, d)
    refused(path, extra, "single-layer unidirectional")


def test_two_recurrent_layers_are_refused(tmp_path):
    d = {**torch_style("lstm", prefix="enc.", head=None), **torch_style("gru", prefix="dec.")}
    path = tmp_path / "m.npz"
    write(path, d)
    refused(path, "more than one recurrent layer", "enc.weight_ih_l0", "dec.weight_ih_l0")


def test_lstm_projections_are_refused(tmp_path):
    d = torch_style("lstm")
    d["lstm.weight_hr_l0"] = np.zeros((2, 3))
    path = tmp_path / "m.npz"
    write(path, d)
    refused(path, "proj_size")


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_weights_are_refused(tmp_path, suffix, bad):
    d = torch_style("gru", prefix="gru.")
    d["gru.weight_hh_l0"][1, 2] = bad
    path = tmp_path / f"nan{suffix}"
    write(path, d)
    refused(path, "gru.weight_hh_l0", "NaN or inf")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_integer_weights_are_refused(tmp_path, suffix):
    d = torch_style("rnn", prefix="rnn.")
    d["rnn.weight_hh_l0"] = np.ones((3, 3), dtype=np.int64)
    path = tmp_path / f"int{suffix}"
    write(path, d)
    refused(path, "rnn.weight_hh_l0", "int64" if suffix == ".npz" else "I64", "float")


def test_one_dimensional_recurrent_weights_are_refused(tmp_path):
    d = torch_style("rnn", prefix="rnn.")
    d["rnn.weight_ih_l0"] = np.zeros(3)
    path = tmp_path / "m.npz"
    write(path, d)
    refused(path, "2-D")


def test_npz_needing_pickle_is_refused(tmp_path):
    path = tmp_path / "pickled.npz"
    d = torch_style("rnn", prefix="rnn.")
    np.savez(path, **d, names=np.array(["a", 1, None], dtype=object))
    refused(path, "names", "pickle")


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        (".safetensors", b"this is not a safetensors file"),
        (".safetensors", b""),
        (".npz", b"PK\x03\x04 truncated zip"),
        (".npz", b"\x93NUMPY not an archive"),
    ],
)
def test_corrupt_files_are_refused(tmp_path, suffix, data):
    path = tmp_path / f"corrupt{suffix}"
    path.write_bytes(data)
    message = refused(path)
    assert "cannot read" in message or "not an .npz archive" in message


def test_truncated_safetensors_is_refused(tmp_path):
    path = tmp_path / "m.safetensors"
    save_weights(textbook_model(), path)
    path.write_bytes(path.read_bytes()[:-7])
    refused(path, "cannot read")


def test_truncated_npz_is_refused(tmp_path):
    path = tmp_path / "m.npz"
    save_weights(textbook_model(), path)
    path.write_bytes(path.read_bytes()[:-30])
    refused(path)


def test_missing_file_is_refused(tmp_path):
    refused(tmp_path / "absent.safetensors", "no such file")


@pytest.mark.parametrize("name", ["model.pt", "model.pth", "model.npy", "model"])
def test_other_suffixes_are_refused(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    refused(path, "unsupported", ".safetensors or .npz")
    with pytest.raises(WeightFileError, match="unsupported"):
        save_weights(textbook_model(), tmp_path / (name + ".bin"))


def test_unknown_stored_activation_is_refused(tmp_path):
    path = tmp_path / "m.safetensors"
    write(path, torch_style("rnn", prefix="rnn."), metadata={"visualrnn.activation": "gelu"})
    refused(path, "gelu")


def test_stored_cell_must_match_the_shapes(tmp_path):
    path = tmp_path / "m.npz"
    np.savez(path, **torch_style("gru", prefix="gru."), __visualrnn_cell__=np.array("lstm"))
    refused(path, "'lstm'", "gru")


def test_npz_with_a_damaged_member_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "damaged.npz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("rnn.weight_ih_l0.npy", b"\x93NUMPY\x01\x00garbage header")
    refused(path, "cannot read")


# --- against PyTorch itself (skipped without torch) ---------------------------------------


@pytest.mark.parametrize("cell", TORCH_CELLS)
def test_matches_torch_forward(tmp_path, cell):
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    layer_cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
    layer = layer_cls(3, 5, batch_first=True).double()
    fc = torch.nn.Linear(5, 2).double()
    state = {f"{cell}.{k}": v for k, v in layer.state_dict().items()}
    state.update({f"fc.{k}": v for k, v in fc.state_dict().items()})
    path = tmp_path / f"torch_{cell}.safetensors"
    save_file({k: v.detach().numpy() for k, v in state.items()}, str(path))
    x = torch.randn(1, 7, 3, dtype=torch.float64)
    with torch.no_grad():
        h, _ = layer(x)
        y = fc(h)
    trace, _, _ = run_forward(load_weights(path), x[0].numpy())
    np.testing.assert_allclose(trace.h, h[0].numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(trace.y, y[0].numpy(), rtol=1e-12, atol=1e-12)
