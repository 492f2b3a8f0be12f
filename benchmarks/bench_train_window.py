"""The training lab under load: is the window smooth while a worker trains, and does the
worker train as fast as the ``train`` command?

1. Cursor steps while training: the main window (1600×1000, offscreen) on the adding
   preset (T = 50, LSTM H = 32) with the training curves in front, a worker training; the
   time from ``step_forward()`` until every visible view has repainted, p50 / p95 / max
   over N steps (the issue asks p95 ≤ 33 ms).
2. Throughput: updates per second of the window's worker and of
   ``python -m visualrnn train`` on the same task, recipe, seed and budget (≥ 80 %).

    python benchmarks/bench_train_window.py [--steps N] [--updates U]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def cursor_steps(window, app, n: int) -> list[float]:
    session, times = window.session, []
    for k in range(n):
        if session.cursor >= session.T:
            session.set_cursor(0)
            app.processEvents()
        t0 = time.perf_counter()
        session.step_forward()
        app.processEvents()
        window.repaint()
        times.append((time.perf_counter() - t0) * 1000)
        if k % 5 == 0:  # let the training poll run, as the event loop would
            for _ in range(3):
                app.processEvents()
                time.sleep(0.01)
    return times


def window_throughput(training, app, updates: int) -> float:
    training.set_settings(budget=updates, until_solved=False)
    training.train()
    start = None
    while training.state != "finished":
        app.processEvents()
        time.sleep(0.005)
        if start is None and training.log.n:
            start, first = time.perf_counter(), training.log.last_step
    return (training.log.last_step - first) / (time.perf_counter() - start)


def command_throughput(updates: int) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "visualrnn",
            "train",
            "--task",
            "adding",
            "--length",
            "50",
            "--steps",
            str(updates),
            "--out",
            "/tmp/_bench_train_window.npz",
        ],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - t0
    return updates / wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--updates", type=int, default=600)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from visualrnn.app import _create_window
    from visualrnn.session.presets import load_presets

    presets, errors = load_presets()
    app, window = _create_window(presets, "adding50", errors, "en")
    window.resize(1600, 1000)
    window.show()
    window.raise_panel("training")
    for _ in range(10):
        app.processEvents()
    training = window.panel_widget("training_lab").training
    idle = sorted(cursor_steps(window, app, args.steps))
    training.set_settings(budget=100_000, until_solved=False, eval_every=50)
    training.train()
    while training.log.n < 20:
        app.processEvents()
        time.sleep(0.01)
    times = sorted(cursor_steps(window, app, args.steps))
    rate_during = training.rate
    training.reset()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    print(f"cursor step while training ({len(times)} steps, every view visible repainted):")
    print(f"  p50 {p(0.5):6.1f} ms   p95 {p(0.95):6.1f} ms   max {times[-1]:6.1f} ms")
    print(f"  worker rate meanwhile: {rate_during:.0f} updates/s")
    q = lambda a, f: a[min(len(a) - 1, int(f * len(a)))]  # noqa: E731
    print(f"  without training: p50 {q(idle, 0.5):6.1f} ms   p95 {q(idle, 0.95):6.1f} ms")
    training.set_settings(eval_every=50)
    window_rate = window_throughput(training, app, args.updates)
    training.shutdown()
    command_rate = command_throughput(args.updates)
    print(f"throughput, adding T = 50, LSTM H = 32, B = 32, {args.updates} updates:")
    print(f"  window worker {window_rate:7.1f} updates/s")
    print(f"  train command {command_rate:7.1f} updates/s (wall time, start-up included)")
    print(f"  window / command = {window_rate / command_rate:.0%}")
    QApplication.instance().closeAllWindows()


if __name__ == "__main__":
    main()
