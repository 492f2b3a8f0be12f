"""Training benchmark, run by hand; prints a table.

    python benchmarks/bench_train.py [--skip-sweep] [--sweep-seeds N]

1. Time per update (forward + BPTT + clipping + Adam), B = 64, T = 50, H = 32, adding task
   batches, per cell; beside it PyTorch float64 autograd and float32 with the same model,
   optimizer and batch (where torch is importable; timed after NumPy in each of 5 rounds,
   so that all three meet the same drift of a shared host's speed).
   Targets (issue 9): NumPy ≤ 0.5 × PyTorch float64 and ≤ 3 × PyTorch float32. Medians,
   with the 10th–90th percentile in brackets (the machine is shared: run it twice).
2. Time to solve ``adding`` T = 50 with the LSTM recipe (until the test MSE ≤ 0.01, checked
   every eval_every updates), and PyTorch float32 with the same recipe on the same batches.
   Target: ≤ 60 s.
3. Wall time of the default classroom sweep: ``sweep --task adding`` (rnn, lstm, gru ×
   lengths 5, 10, 20, 50 × 3 seeds), both cores. Target: ≤ 10 min.
4. Peak memory (max RSS of a fresh process) of training T = 1,000, H = 128, B = 32.
   Target: < 1 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as in the app; set before NumPy loads

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from visualrnn.engine import init_model  # noqa: E402
from visualrnn.engine.training import FileSource, TaskSource, Trainer, make_task  # noqa: E402
from visualrnn.engine.training.recipes import recipe_for  # noqa: E402
from visualrnn.engine.training.sweep import plan, run_sweep, success_table  # noqa: E402

try:
    import torch

    torch.set_num_threads(1)  # like NumPy here (one BLAS thread): a fair race on a shared machine
except ImportError:  # torch is optional: NumPy figures only
    torch = None

B, T, H = 64, 50, 32
TORCH_CELLS = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}


def timings(fn, repeats: int) -> list[float]:
    """Wall times of ``repeats`` calls after one warm-up call."""
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def interleaved_timings(fns: list, repeats: int, rounds: int = 5) -> list[list[float]]:
    """Wall times of each of ``fns``, ``repeats`` calls in all, taken in ``rounds`` rounds:
    in each round every function in turn (after one warm-up call). The host's speed drifts
    by up to 2× within seconds; taken in turns, all of them meet the same drift."""
    times: list[list[float]] = [[] for _ in fns]
    per_round = max(1, repeats // rounds)
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            times[k] += timings(fn, per_round)
    return times


def spread(times: list[float]) -> str:
    """The 10th–90th percentile of ``times`` in ms: how noisy the machine was."""
    q = statistics.quantiles(times, n=10)
    return f"[{q[0] * 1e3:.2f}–{q[-1] * 1e3:.2f}]"


# --- 1. time per update ---------------------------------------------------------------------


def numpy_update(cell: str, batch):
    """One timed unit: an update of the NumPy trainer (no test evaluation while timed)."""
    model = init_model(cell, 2, H, 1, seed=0)
    source = FileSource(batch, "mse", 1)
    recipe = recipe_for("adding").with_changes(batch=B, eval_every=10**9)
    return Trainer(model, source, recipe.config()).step


class TorchModel:
    """nn.RNN/LSTM/GRU + nn.Linear with the NumPy model's weights, Adam, our clipping."""

    def __init__(self, model, dtype):
        kind = getattr(torch.nn, TORCH_CELLS[model.cell])
        self.rnn = kind(model.input_size, model.hidden_size, batch_first=True, dtype=dtype)
        self.head = torch.nn.Linear(model.hidden_size, model.output_size, dtype=dtype)
        with torch.no_grad():
            for k in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
                getattr(self.rnn, k).copy_(torch.from_numpy(np.array(model.params[k])))
            self.head.weight.copy_(torch.from_numpy(np.array(model.params["head.weight"])))
            self.head.bias.copy_(torch.from_numpy(np.array(model.params["head.bias"])))
        self.params = list(self.rnn.parameters()) + list(self.head.parameters())
        self.dtype = dtype

    def optimizer(self, recipe):
        return torch.optim.Adam(self.params, lr=recipe.lr, betas=(0.9, 0.999), eps=1e-8)

    def tensors(self, batch):
        x = torch.from_numpy(batch.x).to(self.dtype)
        tg = torch.from_numpy(batch.targets).to(self.dtype)
        mask = torch.from_numpy(batch.mask)[..., None].to(self.dtype)
        return x, tg, mask

    def step(self, opt, x, tg, mask, clip):
        opt.zero_grad()
        y = self.head(self.rnn(x)[0])
        loss = 0.5 * (((y - tg) * mask) ** 2).sum() / x.shape[0]
        loss.backward()
        norm = torch.sqrt(sum((p.grad**2).sum() for p in self.params))
        if clip is not None and norm > clip:
            for p in self.params:
                p.grad.mul_(clip / norm)
        opt.step()
        return loss

    def test_mse(self, batch):
        with torch.no_grad():
            x = torch.from_numpy(batch.x).to(self.dtype)
            y = self.head(self.rnn(x)[0])[:, -1, 0].double().numpy()
        return float(np.mean((y - batch.targets[:, -1, 0]) ** 2))


def torch_update(cell, batch, dtype):
    """One timed unit: the same update in PyTorch (autograd, Adam, our clipping)."""
    recipe = recipe_for("adding")
    tm = TorchModel(init_model(cell, 2, H, 1, seed=0), dtype)
    opt = tm.optimizer(recipe)
    x, tg, mask = tm.tensors(batch)
    return lambda: tm.step(opt, x, tg, mask, recipe.clip)


def update_rows(repeats: int) -> list[str]:
    batch = make_task("adding", T).sample(np.random.default_rng(0), B)
    rows = []
    for cell in ("rnn", "lstm", "gru", "lstm_nofg"):
        fns = [numpy_update(cell, batch)]
        if torch is not None and cell in TORCH_CELLS:  # timed after NumPy in every round
            fns += [torch_update(cell, batch, dtype) for dtype in (torch.float64, torch.float32)]
        times = interleaved_timings(fns, repeats)
        ours = statistics.median(times[0]) * 1e3
        line = f"update B={B} T={T} H={H} {cell:<9} numpy {ours:6.2f} ms {spread(times[0])}"
        if len(times) == 3:
            f64, f32 = (statistics.median(t) * 1e3 for t in times[1:])
            r64, r32 = ours / f64, ours / f32
            line += (
                f" | torch f64 {f64:6.2f} ms {spread(times[1])} (numpy/f64 {r64:4.2f}, ≤ 0.5)"
                f" | torch f32 {f32:6.2f} ms {spread(times[2])} (numpy/f32 {r32:4.2f}, ≤ 3)"
            )
        rows.append(line)
    return rows


# --- 2. time to solve adding T = 50 ----------------------------------------------------------


def solve_adding_numpy(seed: int = 0):
    task, recipe = make_task("adding", 50), recipe_for("adding")
    trainer = Trainer(
        recipe.model(task, seed), TaskSource(task, seed, recipe.test_size), recipe.config()
    )
    t0 = time.perf_counter()
    result = trainer.run(recipe.steps, until_solved=True)
    return result.reason, result.steps, time.perf_counter() - t0


def solve_adding_torch(seed: int = 0):
    """The same recipe, initial weights and batches, in PyTorch float32."""
    task, recipe = make_task("adding", 50), recipe_for("adding")
    source = TaskSource(task, seed, recipe.test_size)
    tm = TorchModel(recipe.model(task, seed), torch.float32)
    opt = tm.optimizer(recipe)
    t0 = time.perf_counter()
    for k in range(1, recipe.steps + 1):
        tm.step(opt, *tm.tensors(source.next_batch(k - 1, recipe.batch)), recipe.clip)
        if k % recipe.eval_every == 0 and task.solved(tm.test_mse(source.test)):
            return "solved", k, time.perf_counter() - t0
    return "budget", recipe.steps, time.perf_counter() - t0


# --- 3. the classroom sweep ------------------------------------------------------------------


def sweep_row(seeds: int) -> list[str]:
    jobs = plan("adding", ("rnn", "lstm", "gru"), (5, 10, 20, 50), seeds)
    t0 = time.perf_counter()
    rows = run_sweep(jobs)
    elapsed = time.perf_counter() - t0
    table = success_table(rows)
    lines = [
        f"sweep adding, 3 cells x 4 lengths x {seeds} seeds, {os.cpu_count()} workers: "
        f"{elapsed:.0f} s (target ≤ 600 s)"
    ]
    for cell in ("rnn", "lstm", "gru"):
        rates = "  ".join(
            f"T={n}: {s}/{t}" for (c, n), (s, t) in sorted(table.items()) if c == cell
        )
        lines.append(f"  {cell:<5} {rates}")
    return lines


# --- 4. peak memory --------------------------------------------------------------------------

MEMORY_CHILD = """
import sys, resource
sys.path.insert(0, {root!r})
from visualrnn.engine.training import TaskSource, Trainer, TrainConfig, make_task
from visualrnn.engine import init_model
task = make_task("adding", 1000)
model = init_model({cell!r}, 2, 128, 1, seed=0)
tr = Trainer(model, TaskSource(task, 0), TrainConfig(batch=32, eval_every=2))
for _ in range(2):
    tr.step()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def memory_rows() -> list[str]:
    rows = []
    for cell in ("rnn", "lstm", "gru"):
        code = MEMORY_CHILD.format(root=str(ROOT), cell=cell)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if done.returncode != 0:
            rows.append(f"memory {cell}: failed: {done.stderr.strip().splitlines()[-1]}")
            continue
        kib = int(done.stdout.split()[-1])
        rows.append(
            f"peak RSS training T=1000 H=128 B=32 {cell:<5}: {kib / 1024:6.0f} MB "
            f"(2 updates + 1 profile, 512 test sequences, {time.perf_counter() - t0:.1f} s; "
            "target < 1024 MB)"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-sweep", action="store_true", help="skip the classroom sweep")
    parser.add_argument("--skip-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--sweep-seeds", type=int, default=3, help="seeds in the sweep (3)")
    parser.add_argument("--repeats", type=int, default=30, help="timed updates per cell (30)")
    args = parser.parse_args()
    if torch is not None:
        print(
            f"torch {torch.__version__}, {torch.get_num_threads()} threads; NumPy {np.__version__}"
        )
    else:
        print("torch not importable: NumPy figures only")
    for line in update_rows(args.repeats):
        print(line, flush=True)
    reason, steps, secs = solve_adding_numpy()
    line = f"solve adding T=50, LSTM recipe: numpy {reason} in {steps} updates, {secs:.1f} s"
    if torch is not None:
        t_reason, t_steps, t_secs = solve_adding_torch()
        line += f" | torch f32 {t_reason} in {t_steps} updates, {t_secs:.1f} s"
    print(line + " (target ≤ 60 s)", flush=True)
    if not args.skip_sweep:
        for line in sweep_row(args.sweep_seeds):
            print(line, flush=True)
    for line in [] if args.skip_memory else memory_rows():
        print(line, flush=True)
    print(
        f"(this process: max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)"
    )


if __name__ == "__main__":
    main()
