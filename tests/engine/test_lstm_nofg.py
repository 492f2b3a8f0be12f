"""The 1997 LSTM without a forget gate (Hochreiter & Schmidhuber): c_t = c_{t−1} + i ⊙ z.

Its gradient check against finite differences runs with every cell in test_gradients.py.
"""

import numpy as np
import pytest

from visualrnn.engine import Stepper, init_model, run, sigmoid
from visualrnn.engine.export import trace_arrays
from visualrnn.engine.weights import load_weights, save_weights

SUFFIXES = [".safetensors", ".npz"]


def _model(**kw):
    return init_model("lstm_nofg", 2, 3, 2, seed=6, **kw)


def test_forward_follows_a_hand_written_step_loop():
    model = _model()
    x = np.random.default_rng(1).normal(size=(6, 2))
    tr = run(model, x).trace
    p, H = model.params, 3
    b = p["bias_ih_l0"] + p["bias_hh_l0"]
    h, c = np.zeros(H), np.zeros(H)
    for t in range(6):
        pre = p["weight_hh_l0"] @ h + p["weight_ih_l0"] @ x[t] + b
        i, z, o = sigmoid(pre[:H]), np.tanh(pre[H : 2 * H]), sigmoid(pre[2 * H :])
        c = c + i * z
        h = o * np.tanh(c)
        for k, v in (("i", i), ("z", z), ("o", o)):
            np.testing.assert_allclose(tr.gates[k][t], v, rtol=0, atol=1e-14)
        np.testing.assert_allclose(tr.c[t], c, rtol=0, atol=1e-14)
        np.testing.assert_allclose(tr.h[t], h, rtol=0, atol=1e-14)
    y = tr.h @ p["head.weight"].T + p["head.bias"]
    np.testing.assert_allclose(tr.y, y, rtol=0, atol=1e-14)
    assert set(tr.gates) == {"i", "z", "o"}


def test_stepper_carries_the_cell_state():
    model = _model()
    x = np.random.default_rng(2).normal(size=(4, 2))
    tr, stepper = run(model, x).trace, Stepper(model)
    for t in range(4):
        rec = stepper.step(x[t])
        np.testing.assert_allclose(rec["c"], tr.c[t], atol=1e-14)
        np.testing.assert_allclose(rec["c_prev"], tr.c_prev(t), atol=1e-14)
        assert set(rec) >= {"i", "z", "o", "c", "h"}


def test_c_only_accumulates_without_a_forget_gate():
    """With z ≥ 0 forced everywhere c never decreases: nothing can forget."""
    model = _model()
    H = 3
    b = model.params["bias_ih_l0"].copy()
    b[H : 2 * H] = 50.0  # z = tanh(large) = 1
    tr = run(model.with_params(bias_ih_l0=b), np.ones((8, 2))).trace
    assert np.all(np.diff(tr.c, axis=0) > 0)


def test_without_loss_on_c_the_gradient_along_c_is_carried_with_factor_one():
    """No head and a loss at the last step only: dc_t = dc_{t+1} + (path through h_t)."""
    model = init_model("lstm_nofg", 1, 2, None, seed=1)
    x = np.random.default_rng(0).normal(size=(12, 1))
    g = run(model, x, loss_at="last").grads
    tr = run(model, x, loss_at="last").trace
    o, tc = tr.gates["o"], np.tanh(tr.c)
    through_h = g.dh * o * (1 - tc * tc)
    np.testing.assert_allclose(g.dc[:-1], g.dc[1:] + through_h[:-1], rtol=1e-12, atol=1e-15)


def test_truncation_stops_dc_and_dh_at_chunk_starts():
    model = _model()
    x = np.random.default_rng(3).normal(size=(9, 2))
    g = run(model, x, loss_at="last", truncate=4).grads
    assert np.all(g.dc[:8] == 0) and np.all(g.dh[:8] == 0)
    assert np.all(g.dc[8] != 0)
    full = run(model, x, loss_at="last").grads
    assert np.all(full.dc_norm[:8] > 0)


def test_memory_bias_has_nothing_to_act_on():
    a, b = _model(), _model(forget_bias=3.0)
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])


def test_trace_export_names_its_keys():
    arrays = trace_arrays(run(_model(), np.ones((3, 2))))
    assert str(arrays["cell"]) == "lstm_nofg"
    assert {"i", "z", "o", "c", "dc", "dc_norm"} <= set(arrays)
    assert "f" not in arrays and "a" not in arrays and "r" not in arrays


# --- weight files ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_weight_file_round_trip_names_the_cell(tmp_path, suffix):
    model = _model()
    path = tmp_path / f"m{suffix}"
    save_weights(model, path)
    loaded = load_weights(path)
    assert loaded.cell == "lstm_nofg"
    assert loaded.params["weight_ih_l0"].shape == (9, 2)
    for k, v in model.params.items():
        np.testing.assert_array_equal(loaded.params[k], v)


def _strip_metadata(path):
    """Rewrite ``path`` as a plain PyTorch state dict: the same arrays, no VisualRNN keys."""
    if path.suffix == ".npz":
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files if not k.startswith("__")}
        path.unlink()
        np.savez(path, **arrays)
    else:
        from safetensors.numpy import load_file, save_file

        arrays = load_file(str(path))
        save_file(arrays, str(path))
    return arrays


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_3h_file_without_metadata_stays_a_gru(tmp_path, suffix):
    path = tmp_path / f"m{suffix}"
    save_weights(_model(), path)
    arrays = _strip_metadata(path)
    assert set(arrays) >= {"lstm_nofg.weight_ih_l0", "lstm_nofg.weight_hh_l0"}
    assert load_weights(path).cell == "gru"


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_metadata_naming_a_cell_of_another_size_is_refused(tmp_path, suffix):
    from visualrnn.engine.weights import WeightFileError

    path = tmp_path / f"m{suffix}"
    save_weights(init_model("lstm", 1, 2, 1), path)
    arrays = _strip_metadata(path)
    if suffix == ".npz":
        path.unlink()
        np.savez(path, **arrays, __visualrnn_cell__=np.array("lstm_nofg"))
    else:
        from safetensors.numpy import save_file

        save_file(arrays, str(path), metadata={"visualrnn.cell": "lstm_nofg"})
    with pytest.raises(WeightFileError, match="'lstm_nofg'.*lstm's"):
        load_weights(path)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_trace_command_writes_its_keys(tmp_path, suffix):
    from visualrnn.cli import main

    weights, out = tmp_path / f"m{suffix}", tmp_path / "t.npz"
    save_weights(_model(), weights)
    args = ["trace", "--weights", str(weights), "--input", "1 0; 0 1; 1 1", "--out", str(out)]
    assert main(args) == 0
    with np.load(out, allow_pickle=False) as z:
        assert str(z["cell"]) == "lstm_nofg"
        for k in ("i", "z", "o", "c", "dc", "h", "dh"):
            assert z[k].shape == (3, 3), k
        assert z["grad.weight_hh_l0"].shape == (9, 3) and "f" not in z.files
