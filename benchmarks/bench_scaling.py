"""How the window scales with T (offscreen), run by hand:

    python benchmarks/bench_scaling.py [--steps N] [--quick]

The real MainWindow on an LSTM with H = 16 (the lesson of issue 14), in two layouts:
"docked" (the default layout: tabbed docks, one panel of each group in front) and
"floating" (every panel undocked into its own window and visible at once).

1. Cursor step: ``session.step_forward()`` + ``processEvents()`` (Qt paints what changed, as
   in the running app), median and p95 over N steps from the middle of the sequence, at
   T = 100, 200, 1,000 and 10,000. Targets: ≤ 16 ms with every panel visible; T = 10,000
   at most 1.5× T = 200.
2. Playback at the fastest speed (64 steps/s) for 4 s of a real event loop at T = 10,000:
   frames rendered per second (cursor moves, each painted) and how far the cursor lags
   behind speed × time. Target ≥ 30 frames/s, never behind by more than a frame's steps.
3. The longest block of the interface's thread (the largest gap between the ticks of a
   5 ms timer in a real event loop) from an action until its result is on screen: cell
   switches LSTM → GRU → LSTM → RNN → LSTM at T = 10,000, a length change from 200 to
   10,000, and File → Load weights (an LSTM H = 64 file) at T = 10,000. Target ≤ 100 ms.

Prints one table; misses are marked NO.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VISUALRNN_SETTINGS", os.path.join(tempfile.mkdtemp(), "bench.ini"))

STEP_TARGET_MS = 16.0
RATIO_TARGET = 1.5
FPS_TARGET = 30.0
BLOCK_TARGET_MS = 100.0
HEARTBEAT_MS = 5


def make_window(layout: str):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from visualrnn.session import LessonConfig, LessonSession
    from visualrnn.session.presets import load_presets
    from visualrnn.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    session = LessonSession(LessonConfig(cell="lstm", hidden_size=16, model_source="init", seed=1))
    window = MainWindow(session, load_presets()[0])
    window.resize(1600, 1000)
    window.show()
    pump(app, 20)
    if layout == "floating":
        for k, dock in enumerate(window.docks.values()):
            dock.setFloating(True)
            dock.show()
            dock.setGeometry(QRect(40 + (k % 4) * 420, 40 + (k // 4) * 460, 820, 520))
        pump(app, 20)
    return app, session, window


def pump(app, n: int = 5) -> None:
    for _ in range(n):
        app.processEvents()


def set_length(app, session, T: int) -> None:
    session.generate_input("sine", T=T, period=25.0)
    session.wait_until_computed()
    pump(app, 10)


def step_times(app, session, steps: int) -> list[float]:
    times = []
    session.set_cursor(session.T // 2)
    pump(app, 5)
    for _ in range(steps):
        if session.cursor >= session.T:
            session.set_cursor(0)
            pump(app, 2)
        start = time.perf_counter()
        session.step_forward()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000.0)
    return times[3:]


def run_loop(app, seconds: float, until=None) -> None:
    """A real event loop for ``seconds`` (or until ``until()`` is true, checked often)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.perf_counter() + seconds

    def check():
        if time.perf_counter() >= deadline or (until is not None and until()):
            loop.quit()

    timer = QTimer(interval=10, timeout=check)
    timer.start()
    loop.exec()
    timer.stop()


def playback(app, session, seconds: float = 4.0) -> tuple[float, float]:
    """Frames per second and the largest lag (steps behind speed × time)."""
    frames, lag = [0], [0.0]
    session.set_cursor(0)
    session.set_speed(64.0)
    start = [0.0]

    def on_cursor(cursor: int) -> None:
        frames[0] += 1
        expected = (time.perf_counter() - start[0]) * session.speed
        lag[0] = max(lag[0], expected - cursor)

    session.cursor_changed.connect(on_cursor)
    start[0] = time.perf_counter()
    session.play()
    run_loop(app, seconds)
    session.pause()
    elapsed = time.perf_counter() - start[0]
    session.cursor_changed.disconnect(on_cursor)
    return frames[0] / elapsed, lag[0]


def longest_block(app, session, action) -> float:
    """Milliseconds of the longest gap between heartbeats from ``action`` (run inside the
    event loop) until the session is idle and 0.3 s more have passed."""
    from PySide6.QtCore import QTimer

    gaps, last = [], [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer(interval=HEARTBEAT_MS, timeout=beat)
    heart.start()
    run_loop(app, 0.2)
    gaps.clear()
    done = [None]

    def act():
        action()
        done[0] = time.perf_counter()

    QTimer.singleShot(0, act)
    run_loop(app, 60.0, until=lambda: done[0] is not None and not session.busy)
    run_loop(app, 0.3)
    heart.stop()
    return max(gaps) * 1000.0


def weight_file(folder: str) -> str:
    from visualrnn.engine import init_model
    from visualrnn.engine.weights import save_weights

    path = os.path.join(folder, "lstm_h64.safetensors")
    save_weights(init_model("lstm", 1, 64, 1, seed=3), path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60, help="cursor steps per case")
    parser.add_argument("--quick", action="store_true", help="T = 200 and 10,000 only")
    args = parser.parse_args()
    lengths = (200, 10_000) if args.quick else (100, 200, 1_000, 10_000)
    rows, medians = [], {}
    folder = tempfile.mkdtemp(prefix="bench-scaling-")
    path = weight_file(folder)
    for layout in ("docked", "floating"):
        app, session, window = make_window(layout)
        for T in lengths:
            set_length(app, session, T)
            times = step_times(app, session, args.steps)
            medians[layout, T] = statistics.median(times)
            rows.append((f"step T={T:,} {layout}", times, "ms", STEP_TARGET_MS))
        ratio = medians[layout, 10_000] / medians[layout, 200]
        rows.append((f"ratio T=10,000/T=200 {layout}", [ratio], "×", RATIO_TARGET))
        fps, lag = playback(app, session)
        rows.append((f"playback 64 steps/s {layout}", [fps], "fps", -FPS_TARGET))
        rows.append((f"  largest lag {layout}", [lag], "steps", 3.0))
        set_length(app, session, 10_000)
        session.set_cursor(5_000)
        switches = (("gru", "gru"), ("back", "lstm"), ("rnn", "rnn"), ("back", "lstm"))
        for name, cell in switches:
            block = longest_block(app, session, partial(session.set_cell, cell))
            rows.append((f"block: cell switch {name} {layout}", [block]))
        set_length(app, session, 200)
        spin = window.sequence_editor.length_spin
        block = longest_block(app, session, partial(spin.setValue, 10_000))
        rows.append((f"block: length 200→10,000 {layout}", [block]))
        block = longest_block(app, session, partial(window.file_menu.load_weights, path))
        rows.append((f"block: weight load {layout}", [block]))
        window.close()
        window.deleteLater()
        pump(app, 5)
    print(f"{'case':<36} {'median':>12} {'p95':>12} {'target':>12}  ok")
    for name, values, *rest in rows:
        unit, target = rest if rest else ("ms", BLOCK_TARGET_MS)
        median = statistics.median(values)
        p95 = sorted(values)[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        ok = median >= -target if target < 0 else median <= target
        shown = f"≥ {-target:g} {unit}" if target < 0 else f"≤ {target:g} {unit}"
        print(
            f"{name:<36} {median:>8.2f} {unit:<3} {p95:>8.2f} {unit:<3} {shown:>12}  "
            f"{'yes' if ok else 'NO'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
