"""The ``task``, ``train`` and ``sweep`` commands of ``python -m visualrnn``."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from visualrnn.cli import main
from visualrnn.engine import init_model, load_weights, save_weights
from visualrnn.engine.training.data import read_task_file
from visualrnn.engine.training.objective import evaluate

ROOT = Path(__file__).resolve().parents[2]


def one_error_line(capsys, command):
    err = capsys.readouterr().err
    assert err.startswith(f"visualrnn {command}: error: "), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    return err


# --- task -----------------------------------------------------------------------------------


def test_task_writes_samples_with_mask_and_symbols(tmp_path, capsys):
    out = tmp_path / "d.npz"
    assert (
        main(["task", "temporal_order", "--length", "12", "--count", "9", "--out", str(out)]) == 0
    )
    assert "9 sequences of T = 12" in capsys.readouterr().out
    with np.load(out, allow_pickle=False) as z:
        assert z["x"].shape == (9, 12, 8) and z["targets"].shape == (9, 12)
        assert z["targets"].dtype.kind == "i" and z["mask"].dtype == bool
        assert str(z["loss_kind"]) == "ce" and str(z["task"]) == "temporal_order"
        assert list(z["symbols"]) == ["a", "b", "c", "d", "X", "Y", "B", "E"]
        assert list(z["classes"]) == ["XX", "XY", "YX", "YY"]
    batch, meta = read_task_file(out)
    assert len(batch) == 9 and meta["loss_kind"] == "ce"


def test_task_is_seeded(tmp_path):
    paths = [tmp_path / f"{k}.npz" for k in "abc"]
    for path, seed in zip(paths, ["1", "1", "2"], strict=True):
        assert main(["task", "adding", "--count", "4", "--seed", seed, "--out", str(path)]) == 0
    x = [np.load(p)["x"] for p in paths]
    assert np.array_equal(x[0], x[1]) and not np.array_equal(x[0], x[2])
    assert x[0].shape == (4, 50, 2) and np.load(paths[0])["targets"].dtype == np.float64


def test_sky_color_file_has_chinese_tokens_and_glosses(tmp_path):
    out = tmp_path / "s.npz"
    assert main(["task", "sky_color", "--length", "0", "--count", "3", "--out", str(out)]) == 0
    with np.load(out, allow_pickle=False) as z:
        glosses = dict(z["glosses"].tolist())
        assert list(z["classes"]) == ["灰色", "蓝色"] and glosses["天空"] == "sky"
        assert z["x"].shape == (3, 3, len(z["symbols"]))


def test_text_task_from_a_file(tmp_path):
    (tmp_path / "t.txt").write_text("天空是蓝色的。天空是灰色的。", encoding="utf-8")
    out = tmp_path / "t.npz"
    args = ["task", "text", "--text-file", str(tmp_path / "t.txt"), "--length", "5"]
    assert main([*args, "--count", "4", "--out", str(out)]) == 0
    with np.load(out, allow_pickle=False) as z:
        assert str(z["vocabulary"]) == "".join(sorted(set("天空是蓝色的。灰")))


TASK_BAD = {
    "count 0": (["adding", "--count", "0"], "--count must be at least 1"),
    "short temporal order": (["temporal_order", "--length", "5"], "at least 10"),
    "wrong suffix": (["adding", "--out", "{tmp}/d.csv"], "must end in .npz"),
    "out is a directory": (["adding", "--out", "{tmp}"], "is a directory"),
    "text file for adding": (["adding", "--text-file", "x.txt"], "belongs to the text task"),
    "bad series": (["next_step", "--series", "1, x"], "--series"),
    "unwritable": (["adding", "--out", "{tmp}/no/dir/d.npz"], "cannot write"),
}


@pytest.mark.parametrize("case", sorted(TASK_BAD))
def test_task_refusals_are_one_line_exit_2(tmp_path, capsys, case):
    args, fragment = TASK_BAD[case]
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--out" not in args:
        args += ["--out", str(tmp_path / "d.npz")]
    assert main(["task", *args]) == 2
    assert fragment in one_error_line(capsys, "task")


# --- train ----------------------------------------------------------------------------------


def test_train_until_solved_writes_weights_that_trace_reads(tmp_path, capsys):
    out, log = tmp_path / "w.safetensors", tmp_path / "log.csv"
    args = ["train", "--task", "sky_color", "--length", "0", "--until-solved"]
    assert main([*args, "--log", str(log), "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "solved after" in summary and "test accuracy = 1" in summary
    model = load_weights(out)
    assert model.cell == "lstm" and model.input_size == 24 and model.output_size == 2
    rows = list(csv.reader(log.open()))
    assert rows[0] == ["step", "loss", "metric", "grad_norm"]
    assert [int(r[0]) for r in rows[1:]] == list(range(1, len(rows)))
    x = "; ".join(" ".join("1" if k == j else "0" for k in range(24)) for j in (0, 22, 23))
    trace_out = tmp_path / "t.npz"
    assert main(["trace", "--weights", str(out), "--input", x, "--out", str(trace_out)]) == 0
    assert np.load(trace_out)["y"].shape == (3, 2)


def test_data_batches_are_file_rows_in_order(tmp_path):
    """Batch k holds rows (k·B … k·B + B − 1) mod N: replayed here with plain SGD."""
    data, out = tmp_path / "d.npz", tmp_path / "w.npz"
    assert main(["task", "adding", "--length", "6", "--count", "5", "--out", str(data)]) == 0
    start = init_model("gru", 2, 3, 1, seed=4)
    weights = tmp_path / "start.npz"
    save_weights(start, weights)
    args = ["train", "--weights", str(weights), "--data", str(data), "--optimizer", "sgd"]
    args += ["--lr", "0.5", "--batch", "2", "--steps", "3", "--clip", "1e9"]
    assert main([*args, "--out", str(out)]) == 0
    batch, _ = read_task_file(data)
    model = start
    for rows in ([0, 1], [2, 3], [4, 0]):
        grads = evaluate(model, batch.rows(np.array(rows)), "mse").grads
        model = model.with_params(
            **{k.replace(".", "_"): model.params[k] - 0.5 * g for k, g in grads.items()}
        )
    trained = load_weights(out)
    for k, v in model.params.items():
        np.testing.assert_allclose(trained.params[k], v, rtol=0, atol=1e-12, err_msg=k)


def test_weights_keep_their_names_and_gain_a_head(tmp_path):
    src = init_model("lstm", 2, 4, None, seed=0)
    stored = {f"encoder.{k}": np.asarray(v, np.float32) for k, v in src.params.items()}
    path, out = tmp_path / "enc.safetensors", tmp_path / "trained.safetensors"
    save_file(stored, str(path))
    args = ["train", "--weights", str(path), "--task", "adding", "--length", "5"]
    assert main([*args, "--steps", "3", "--out", str(out)]) == 0
    written = load_file(str(out))
    assert set(written) == set(stored) | {"head.weight", "head.bias"}
    for k, v in stored.items():
        assert written[k].shape == v.shape
    reloaded = load_weights(out)
    assert reloaded.has_head and reloaded.output_size == 1
    assert main(["train", "--weights", str(out), "--task", "adding", "--length", "5",
                 "--steps", "2", "--out", str(tmp_path / "again.npz")]) == 0  # fmt: skip


def test_divergence_exits_1_with_the_update_and_finite_weights(tmp_path, capsys):
    start = init_model("rnn", 1, 6, 1, seed=0, activation="identity", spectral_radius=1.5)
    weights, out = tmp_path / "lin.npz", tmp_path / "w.npz"
    save_weights(start, weights)
    args = ["train", "--weights", str(weights), "--task", "next_step", "--length", "30"]
    args += ["--optimizer", "sgd", "--lr", "1e6", "--steps", "50", "--out", str(out)]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "diverged at update" in captured.err and "learning rate" in captured.err
    assert "diverged" in captured.out
    model = load_weights(out)
    assert all(np.all(np.isfinite(v)) for v in model.params.values())


TRAIN_BAD = {
    "negative lr": (["--task", "adding", "--lr", "-1"], "--lr must be a positive number"),
    "batch 0": (["--task", "adding", "--batch", "0"], "--batch must be at least 1"),
    "momentum 1": (["--task", "adding", "--momentum", "1"], "--momentum"),
    "adam momentum": (["--task", "adding", "--momentum", "0.5"], "momentum belongs to sgd"),
    "clip 0": (["--task", "adding", "--clip", "0"], "--clip must be a positive number"),
    "truncate 0": (["--task", "adding", "--truncate", "0"], "--truncate must be at least 1"),
    "missing data": (["--data", "{tmp}/absent.npz"], "absent.npz"),
    "not a task file": (["--data", "{tmp}/garbage.npz"], "garbage.npz"),
    "weights and cell": (["--task", "adding", "--weights", "w.npz", "--cell", "rnn"], "either"),
    "missing weights": (["--task", "adding", "--weights", "{tmp}/none.npz"], "no such file"),
    "wrong input size": (["--task", "copy", "--weights", "{tmp}/w2.npz"], "I = 2"),
    "bad out suffix": (["--task", "adding", "--out", "{tmp}/w.pt"], "must end in"),
    "short text": (["--task", "text", "--length", "5000"], "at most"),
    "unwritable log": (["--task", "adding", "--log", "{tmp}/no/log.csv"], "cannot write"),
}


@pytest.mark.parametrize("case", sorted(TRAIN_BAD))
def test_train_refusals_are_one_line_exit_2(tmp_path, capsys, case):
    (tmp_path / "garbage.npz").write_bytes(b"garbage")
    save_weights(init_model("rnn", 2, 3, 1), tmp_path / "w2.npz")
    args, fragment = TRAIN_BAD[case]
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--out" not in args:
        args += ["--out", str(tmp_path / "w.npz")]
    assert main(["train", "--steps", "1", *args]) == 2
    assert fragment in one_error_line(capsys, "train")
    assert not (tmp_path / "w.npz").exists()


# --- sweep ----------------------------------------------------------------------------------


def test_sweep_writes_one_row_per_run(tmp_path, capsys):
    out = tmp_path / "s.csv"
    args = ["sweep", "--task", "sky_color", "--cells", "rnn,gru", "--lengths", "0,2"]
    args += ["--seeds", "2", "--steps", "10", "--workers", "1", "--out", str(out)]
    assert main(args) == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 2 * 2 * 2
    assert {(r["cell"], r["length"], r["seed"]) for r in rows} == {
        (c, n, s) for c in ("rnn", "gru") for n in ("0", "2") for s in ("0", "1")
    }
    assert all(int(r["updates"]) <= 10 for r in rows)
    printed = capsys.readouterr().out
    assert "success rate" in printed and "rnn (H = 16" in printed


def test_sweep_match_params_sizes_cells_to_the_lstm(tmp_path, capsys):
    out = tmp_path / "s.csv"
    args = ["sweep", "--task", "sky_color", "--cells", "rnn,lstm", "--lengths", "1", "--seeds"]
    assert main([*args, "1", "--steps", "2", "--match-params", "--out", str(out)]) == 0
    rows = {r["cell"]: r for r in csv.DictReader(out.open())}
    lstm, rnn = int(rows["lstm"]["parameters"]), int(rows["rnn"]["parameters"])
    assert int(rows["rnn"]["hidden"]) > int(rows["lstm"]["hidden"])
    assert abs(rnn - lstm) / lstm < 0.1


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--cells", "rnn,tcn"], "--cells"),
        (["--lengths", "5,x"], "--lengths"),
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--out", "s.txt"], "must end in .csv"),
    ],
)
def test_sweep_refusals(tmp_path, capsys, args, fragment):
    full = ["sweep", "--task", "adding", *args]
    if "--out" not in args:
        full += ["--out", str(tmp_path / "s.csv")]
    assert main(full) == 2
    assert fragment in one_error_line(capsys, "sweep")


def test_train_and_sweep_in_a_fresh_interpreter_without_qt(tmp_path):
    """The parallel sweep (spawned processes) and train, end to end, no Qt imported."""
    code = (
        "import sys\n"
        "from visualrnn.cli import main\n"
        "assert main(['sweep', '--task', 'sky_color', '--cells', 'rnn,lstm', '--lengths',"
        " '0', '--seeds', '1', '--steps', '5', '--workers', '2', '--out', 's.csv']) == 0\n"
        "assert main(['train', '--task', 'adding', '--length', '4', '--steps', '3',"
        " '--out', 'w.npz']) == 0\n"
        "qt = ('PySide6', 'pyqtgraph', 'shiboken6')\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] in qt))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == ""
    assert len((tmp_path / "s.csv").read_text().splitlines()) == 3


def test_text_training_prints_a_sample(tmp_path, capsys):
    (tmp_path / "t.txt").write_text("abcabcabcabc", encoding="utf-8")
    args = ["train", "--task", "text", "--text-file", str(tmp_path / "t.txt"), "--length", "6"]
    args += ["--hidden", "8", "--steps", "60", "--sample", "12", "--temperature", "0"]
    assert main([*args, "--prime", "ab", "--out", str(tmp_path / "w.npz")]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    assert line.startswith("sample (temperature 0): ab|") and len(line.split("|")[1]) == 12
    assert main([*args, "--prime", "xyz", "--out", str(tmp_path / "w.npz")]) == 2
    assert "--prime" in one_error_line(capsys, "train")
    assert (
        main(["train", "--task", "adding", "--sample", "5", "--out", str(tmp_path / "a.npz")]) == 2
    )
    assert "text task" in one_error_line(capsys, "train")
