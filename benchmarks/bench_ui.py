"""UI benchmark (offscreen), run by hand:

    python benchmarks/bench_ui.py [--runs N]

1. Start-up: wall time from spawning ``python main.py --measure-startup`` to the first
   paint of the main window (the child prints the epoch time of its first paint event).
   Target ≤ 1.5 s.
2. Cursor step: the real MainWindow with every panel that exists, T = 200, H = 32, for
   RNN / LSTM / GRU; time of ``session.step_forward()`` + ``window.repaint()`` (a
   synchronous paint of the whole window, toolbars and dock title bars included) +
   ``processEvents()``. Target ≤ 16 ms.
3. The same step as the app really does it: ``session.step_forward()`` +
   ``processEvents()``, which paints exactly the regions that changed (the "changed only"
   rows; the whole-window repaint above also repaints everything that did not change).

Prints a table of medians and 95th percentiles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTUP_TARGET_S = 1.5
STEP_TARGET_MS = 16.0


def measure_startup(runs: int) -> list[float]:
    """Seconds from spawn to first paint, one per run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        start = time.time()
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--measure-startup"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        line = next((x for x in done.stdout.splitlines() if x.startswith("FIRST_PAINT")), None)
        if done.returncode != 0 or line is None:
            raise SystemExit(f"start-up run failed:\n{done.stdout}\n{done.stderr}")
        times.append(float(line.split()[1]) - start)
    return times


def measure_steps(cell: str, steps: int) -> tuple[list[float], list[float], dict[str, float]]:
    """Milliseconds per cursor step with the whole window repainted, per step with only the
    changed regions painted, and the median breakdown: the session's signal handlers
    ("handlers") and each panel's repaint."""
    from PySide6.QtWidgets import QApplication

    from visualrnn.session import LessonConfig, LessonSession
    from visualrnn.session.presets import load_presets
    from visualrnn.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    config = LessonConfig(cell=cell, hidden_size=32, model_source="init", seed=1)
    session = LessonSession(config)
    session.generate_input("sine", T=200, period=25.0)
    window = MainWindow(session, load_presets()[0])
    window.resize(1600, 1000)
    window.show()
    for _ in range(5):
        app.processEvents()
    times = _time_steps(app, session, steps, repaint=window.repaint)
    changed = _time_steps(app, session, steps)
    breakdown = _breakdown(app, window, session, min(steps, 40))
    window.close()
    window.deleteLater()
    app.processEvents()
    return times, changed, breakdown


def _time_steps(app, session, steps: int, repaint=None) -> list[float]:
    """Milliseconds per cursor step. Without ``repaint`` Qt paints only what changed (as in
    the running app); with ``repaint=window.repaint`` the whole window is painted."""
    times = []
    for _ in range(steps):
        if session.cursor >= session.T:
            session.set_cursor(0)
            app.processEvents()
        start = time.perf_counter()
        session.step_forward()
        if repaint is not None:
            repaint()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000.0)
    return times


def _breakdown(app, window, session, steps: int) -> dict[str, float]:
    """Median ms of the signal handlers alone and of each visible panel's repaint."""
    widgets = {"central": window.centralWidget()}
    widgets.update({k: d for k, d in window.docks.items() if d.isVisible()})
    parts: dict[str, list[float]] = {"handlers": []} | {k: [] for k in widgets}
    for _ in range(steps):
        if session.cursor >= session.T:
            session.set_cursor(0)
        start = time.perf_counter()
        session.step_forward()
        parts["handlers"].append((time.perf_counter() - start) * 1000.0)
        for key, widget in widgets.items():
            start = time.perf_counter()
            widget.repaint()
            parts[key].append((time.perf_counter() - start) * 1000.0)
        app.processEvents()
    return {k: statistics.median(v) for k, v in parts.items()}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (default 5)")
    parser.add_argument("--steps", type=int, default=200, help="cursor steps per cell")
    args = parser.parse_args()
    rows = []
    startup = measure_startup(args.runs)
    rows.append(("start-up to first paint", "s", startup, STARTUP_TARGET_S))
    breakdowns = {}
    for cell in ("rnn", "lstm", "gru"):
        steps, changed, breakdowns[cell] = measure_steps(cell, args.steps)
        rows.append((f"step T=200 H=32 {cell.upper()}", "ms", steps[5:], STEP_TARGET_MS))
        rows.append((f"  changed only {cell.upper()}", "ms", changed[5:], STEP_TARGET_MS))
    print(f"{'case':<28} {'median':>9} {'p95':>9} {'target':>8}  ok")
    for name, unit, values, target in rows:
        median = statistics.median(values)
        ok = "yes" if median <= target else "NO"
        print(
            f"{name:<28} {median:>7.3f}{unit:>2} {p95(values):>7.3f}{unit:>2} "
            f"{target:>6.3g}{unit:>2}  {ok}"
        )
    keys = list(next(iter(breakdowns.values())))
    print(f"\nper step, median ms {'':<6}" + "".join(f"{c.upper():>9}" for c in breakdowns))
    for key in keys:
        cells = "".join(f"{breakdowns[c].get(key, float('nan')):>9.2f}" for c in breakdowns)
        print(f"  {key:<26}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
