"""The command line: ``python -m visualrnn trace …``."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from visualrnn.cli import main
from visualrnn.engine import init_model
from visualrnn.engine.weights import save_weights

ROOT = Path(__file__).resolve().parents[2]
TEXTBOOK_H = [[0.53704957, 0.46211716], [0.85973818, 0.88366641]]
TEXTBOOK_Y = [1.56128388, 2.72707101]


def run_module(*args, cwd):
    """``python -m visualrnn *args`` in a fresh interpreter, with the repo on the path."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, "-m", "visualrnn", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def trace(tmp_path, *args, name="trace.npz"):
    """Run ``trace`` in-process; return the written arrays as a dict."""
    out = tmp_path / name
    assert main(["trace", *args, "--out", str(out)]) == 0
    with np.load(out, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def grads_of(arrays):
    return {k: v for k, v in arrays.items() if k.startswith("grad.")}


def norm_of(grads):
    return np.sqrt(sum(np.sum(g**2) for g in grads.values()))


@pytest.fixture
def lstm_file(tmp_path):
    path = tmp_path / "lstm.safetensors"
    save_weights(init_model("lstm", 2, 3, 1, seed=1), path)
    return path


# --- end to end in a fresh interpreter ----------------------------------------------------


def test_textbook_preset_end_to_end(tmp_path):
    done = run_module("trace", "--preset", "textbook", "--out", "t.npz", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    with np.load(tmp_path / "t.npz", allow_pickle=False) as z:
        assert str(z["cell"]) == "rnn"
        np.testing.assert_array_equal(np.round(z["h"], 8), TEXTBOOK_H)
        np.testing.assert_array_equal(np.round(z["y"][:, 0], 8), TEXTBOOK_Y)
        np.testing.assert_array_equal(z["x"], [[1.0], [2.0]])
    assert [p.name for p in tmp_path.iterdir()] == ["t.npz"]  # no temporary file left over


def test_weights_and_csv_end_to_end(tmp_path, lstm_file):
    (tmp_path / "x.csv").write_text("1, 0\n0.5, -1\n\n0, 2\n")
    (tmp_path / "y.csv").write_text("0.1\n0.2\n0.3\n")
    done = run_module(
        "trace", "--weights", str(lstm_file), "--input-file", "x.csv",
        "--targets-file", "y.csv", "--loss-at", "last", "--out", "lstm.npz", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with np.load(tmp_path / "lstm.npz", allow_pickle=False) as z:
        np.testing.assert_array_equal(z["x"], [[1, 0], [0.5, -1], [0, 2]])
        assert z["loss_t"][0] == 0 and z["loss_t"][2] > 0
        assert str(z["loss_at"]) == "last"


def test_bad_argument_end_to_end_is_one_line_and_status_2(tmp_path):
    done = run_module("trace", "--preset", "textbook", "--truncate", "0", "--out", "t.npz",
                      cwd=tmp_path)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == "visualrnn trace: error: --truncate must be at least 1, not 0\n"
    assert not (tmp_path / "t.npz").exists()


def test_no_subcommand_prints_help_and_exits_2(tmp_path):
    done = run_module(cwd=tmp_path)
    assert done.returncode == 2
    assert "usage: visualrnn" in done.stderr and "trace" in done.stderr


def test_trace_does_not_import_qt(tmp_path):
    code = (
        "import sys\n"
        "from visualrnn.cli import main\n"
        "assert main(['trace', '--preset', 'textbook', '--out', 't.npz']) == 0\n"
        "qt = ('PySide6', 'pyqtgraph', 'shiboken6')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in qt]\n"
        "print(','.join(bad))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == ""


# --- what the file holds ------------------------------------------------------------------


def test_textbook_preset_in_process(tmp_path, capsys):
    z = trace(tmp_path, "--preset", "textbook")
    np.testing.assert_allclose(z["h"], TEXTBOOK_H, atol=5e-9)
    np.testing.assert_allclose(z["y"][:, 0], TEXTBOOK_Y, atol=5e-9)
    assert z["loss"].shape == () and z["loss"] == pytest.approx(z["loss_t"].sum())
    assert set(grads_of(z)) == {
        "grad.weight_ih_l0", "grad.weight_hh_l0", "grad.bias_ih_l0", "grad.bias_hh_l0",
        "grad.head.weight", "grad.head.bias",
    }  # fmt: skip
    assert "a" in z and "c" not in z
    assert "wrote" in capsys.readouterr().out


def test_lstm_weights_give_cell_state_and_gates(tmp_path, lstm_file):
    z = trace(tmp_path, "--weights", str(lstm_file), "--input", "1 0; 0 1; 1 1; 0 0")
    assert str(z["cell"]) == "lstm"
    T, H = 4, 3
    for k in ("h", "c", "dh", "dc", "i", "f", "o", "z"):
        assert z[k].shape == (T, H), k
    assert z["x"].shape == (T, 2) and z["y"].shape == (T, 1)
    assert z["loss_t"].shape == z["dh_norm"].shape == (T,)
    assert z["grad.weight_hh_l0"].shape == (4 * H, H)
    assert z["grad.weight_ih_l0"].shape == (4 * H, 2)
    assert z["grad.head.weight"].shape == (1, H)
    assert "r" not in z and "n" not in z


def test_gru_weights_give_its_gates(tmp_path):
    path = tmp_path / "gru.npz"
    save_weights(init_model("gru", 1, 4, None, seed=2), path)
    z = trace(tmp_path, "--weights", str(path), "--input", "0.5, -1, 2")
    assert str(z["cell"]) == "gru"
    for k in ("h", "dh", "r", "z", "n"):
        assert z[k].shape == (3, 4), k
    assert z["y"].shape == (3, 4)  # no head: y = h
    assert z["grad.weight_hh_l0"].shape == (12, 4)
    assert not any(k.startswith("grad.head") for k in z)
    assert "c" not in z and "i" not in z


def test_grad_norm_is_the_norm_of_the_written_gradients(tmp_path, lstm_file):
    z = trace(tmp_path, "--weights", str(lstm_file), "--input", "1 2; 3 4; -1 0")
    assert z["grad_norm"].shape == ()
    assert z["grad_norm"] == pytest.approx(norm_of(grads_of(z)), rel=1e-12)
    assert z["grad_norm_clipped"] == z["grad_norm"]


def test_clip_scales_the_gradients_to_norm_c(tmp_path):
    plain = trace(tmp_path, "--preset", "textbook", name="plain.npz")
    clipped = trace(tmp_path, "--preset", "textbook", "--clip", "1.5", name="clipped.npz")
    assert plain["grad_norm"] > 1.5
    assert norm_of(grads_of(clipped)) == pytest.approx(1.5, rel=1e-12)
    assert clipped["grad_norm"] == plain["grad_norm"]  # reported before clipping
    assert clipped["grad_norm_clipped"] == pytest.approx(1.5, rel=1e-12)


def test_truncate_changes_dh(tmp_path):
    args = ["--preset", "textbook", "--input", "1, 2, 3, 4, 5"]
    full = trace(tmp_path, *args, name="full.npz")
    cut = trace(tmp_path, *args, "--truncate", "2", name="cut.npz")
    assert not np.allclose(full["dh"], cut["dh"])
    np.testing.assert_array_equal(full["dh"][-1], cut["dh"][-1])  # the last step has no future
    np.testing.assert_array_equal(full["h"], cut["h"])  # the forward pass is unchanged


def test_input_replaces_the_preset_input(tmp_path):
    z = trace(tmp_path, "--preset", "textbook", "--input", "1, 2, 0.5")
    np.testing.assert_array_equal(z["x"], [[1], [2], [0.5]])
    np.testing.assert_allclose(z["h"][:2], TEXTBOOK_H, atol=5e-9)


def test_ce_targets_from_a_file(tmp_path):
    path = tmp_path / "gru.safetensors"
    save_weights(init_model("gru", 1, 3, 4, seed=0), path)
    (tmp_path / "k.csv").write_text("3\n0\n2\n")
    z = trace(tmp_path, "--weights", str(path), "--input", "1, 2, 3", "--loss", "ce",
              "--targets-file", str(tmp_path / "k.csv"))  # fmt: skip
    np.testing.assert_array_equal(z["targets"], [3, 0, 2])
    assert str(z["loss_kind"]) == "ce" and np.all(z["loss_t"] > 0)


def test_activation_override(tmp_path):
    z = trace(tmp_path, "--preset", "textbook", "--activation", "relu")
    assert str(z["activation"]) == "relu"
    np.testing.assert_allclose(z["h"][0], [0.6, 0.5])  # relu(a) = a where a > 0


def test_single_row_csv_is_one_step(tmp_path, lstm_file):
    (tmp_path / "x.csv").write_text("1,2\n")
    z = trace(tmp_path, "--weights", str(lstm_file), "--input-file", str(tmp_path / "x.csv"))
    assert z["x"].shape == (1, 2)


def test_help_lists_the_presets(capsys):
    assert main(["trace", "--help"]) == 0
    assert "textbook" in capsys.readouterr().out


# --- refusals: one line on stderr, exit status 2 ------------------------------------------


BAD = {
    "missing weights": (["--weights", "{tmp}/absent.safetensors", "--input", "1"], "no such file"),
    "corrupt weights": (["--weights", "{tmp}/corrupt.npz", "--input", "1"], "corrupt.npz"),
    "weights of no model": (["--weights", "{tmp}/fc.npz", "--input", "1"], "weight_ih_l0"),
    "wrong suffix": (["--weights", "{tmp}/model.pt", "--input", "1"], "unsupported"),
    "no input": (["--weights", "{tmp}/lstm.safetensors"], "needs an input"),
    "bad input text": (["--preset", "textbook", "--input", "1, x"], '"x" is not a number'),
    "empty input": (["--preset", "textbook", "--input", " "], "empty"),
    "input width": (["--preset", "textbook", "--input", "1 2; 3 4"], "input size I is 1"),
    "missing input file": (["--preset", "textbook", "--input-file", "{tmp}/no.csv"], "no.csv"),
    "bad input file": (["--preset", "textbook", "--input-file", "{tmp}/bad.csv"], "bad.csv"),
    "target steps": (["--preset", "textbook", "--targets", "1, 2, 3"], "3 steps"),
    "target width": (["--preset", "textbook", "--targets", "1 1; 2 2"], "output size O is 1"),
    "target class": (["--preset", "textbook", "--loss", "ce", "--targets", "0, 1"], "range"),
    "truncate 0": (["--preset", "textbook", "--truncate", "0"], "--truncate must be at least 1"),
    "clip -1": (["--preset", "textbook", "--clip", "-1"], "--clip must be a positive number"),
    "clip nan": (["--preset", "textbook", "--clip", "nan"], "--clip"),
    "unwritable out": (["--preset", "textbook", "--out", "{tmp}/no/dir/t.npz"], "cannot write"),
    "out is a directory": (["--preset", "textbook", "--out", "{tmp}"], "is a directory"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_arguments_exit_2_with_one_line(tmp_path, capsys, case, lstm_file):
    (tmp_path / "corrupt.npz").write_bytes(b"garbage")
    np.savez(tmp_path / "fc.npz", **{"fc.weight": np.zeros((1, 4))})
    (tmp_path / "model.pt").write_bytes(b"")
    (tmp_path / "bad.csv").write_text("1\nfoo\n")
    args, fragment = BAD[case]
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--out" not in args:
        args += ["--out", str(tmp_path / "t.npz")]
    assert main(["trace", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("visualrnn trace: error: ")
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert fragment in err
    assert not (tmp_path / "t.npz").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "args",
    [
        ["trace", "--out", "t.npz"],  # neither --weights nor --preset
        ["trace", "--preset", "textbook"],  # no --out
        ["trace", "--preset", "fancy", "--out", "t.npz"],
        ["trace", "--preset", "textbook", "--truncate", "two", "--out", "t.npz"],
        ["trace", "--preset", "textbook", "--input", "1", "--input-file", "x", "--out", "t"],
        ["frobnicate"],
    ],
)
def test_argparse_errors_exit_2(capsys, args):
    assert main(args) == 2
    assert "error:" in capsys.readouterr().err
