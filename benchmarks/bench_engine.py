"""Engine benchmark: LSTM forward + full BPTT over one sequence (B = 1), run by hand.

    python benchmarks/bench_engine.py [--quick]

Prints a table of the median wall time per configuration. Where PyTorch is importable it
times the same work (nn.LSTM + nn.Linear head, MSE at every step, backward) in float64
autograd and float32 and prints the ratios. Also reports the size of the trace (the
forward arrays and the gradient diagnostics the session keeps) and the peak memory the
run allocated (tracemalloc, which sees NumPy's allocations).

Targets (issue 2): T = 200, H = 32 in ≤ 5 ms; T = 1000, H = 64 in ≤ 0.3 × PyTorch float64
autograd; T = 10,000, H = 256 in ≤ 3 s with the trace under 400 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

# As in the app (visualrnn/app.py): one BLAS thread; set before NumPy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from visualrnn.engine import init_model, run  # noqa: E402

CASES = [(200, 32, 50), (1000, 64, 10), (10_000, 256, 3)]


def median_time(fn, repeats: int) -> float:
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def trace_megabytes(result) -> float:
    """Bytes held by the Trace and Gradients arrays (what the session keeps per edit)."""
    arrays = [v for v in vars(result.trace).values() if isinstance(v, np.ndarray)]
    arrays += list(result.trace.gates.values())
    arrays += [v for v in vars(result.grads).values() if isinstance(v, np.ndarray)]
    arrays += list(result.grads.params.values())
    seen, total = set(), 0
    for a in arrays:
        base = a.base if a.base is not None else a
        if id(base) not in seen:
            seen.add(id(base))
            total += base.nbytes
    return total / 2**20


def peak_megabytes(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def torch_timer(T: int, H: int, dtype_name: str):
    """A closure running the same LSTM work in PyTorch, or None without torch."""
    try:
        import torch
    except ImportError:
        return None
    dtype = getattr(torch, dtype_name)
    lstm = torch.nn.LSTM(1, H, dtype=dtype)
    head = torch.nn.Linear(H, 1, dtype=dtype)
    x = torch.randn(T, 1, 1, dtype=dtype)

    def work():
        lstm.zero_grad()
        head.zero_grad()
        out, _ = lstm(x)
        loss = 0.5 * (head(out) ** 2).sum()
        loss.backward()

    return work


def numpy_row(T: int, H: int, repeats: int) -> list:
    """[T, H, seconds, trace MB, peak MB] of the engine's LSTM forward + BPTT."""
    model = init_model("lstm", 1, H, 1, seed=0)
    x = np.random.default_rng(0).normal(size=(T, 1))
    seconds = median_time(lambda: run(model, x), repeats)
    result = run(model, x)
    return [T, H, seconds, trace_megabytes(result), peak_megabytes(lambda: run(model, x))]


def torch_time(T: int, H: int, dtype_name: str, repeats: int) -> float:
    work = torch_timer(T, H, dtype_name)
    return median_time(work, repeats) if work else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip T = 10,000")
    args = parser.parse_args()
    cases = CASES[:2] if args.quick else CASES
    rows = [numpy_row(T, H, repeats) for T, H, repeats in cases]
    # PyTorch afterwards: its worker threads keep spinning for a while after each call
    # and would slow the NumPy timings taken right after them.
    for row, (T, H, repeats) in zip(rows, cases, strict=True):
        row.extend(torch_time(T, H, name, repeats) for name in ("float64", "float32"))
    print_table(rows)


def print_table(rows) -> None:
    head = (
        f"{'T':>6} {'H':>4} {'numpy ms':>10} {'torch f64 ms':>13} {'ratio':>6} "
        f"{'torch f32 ms':>13} {'ratio':>6} {'trace MB':>9} {'peak MB':>8}"
    )
    print("LSTM forward + full BPTT, B = 1, float64 (median wall time)")
    print(head)
    print("-" * len(head))
    for T, H, ours, mb, peak, pt64, pt32 in rows:
        print(
            f"{T:>6} {H:>4} {ours * 1e3:>10.2f} {pt64 * 1e3:>13.2f} {ours / pt64:>6.2f} "
            f"{pt32 * 1e3:>13.2f} {ours / pt32:>6.2f} {mb:>9.1f} {peak:>8.1f}"
        )


if __name__ == "__main__":
    main()
