"""Benchmark the unrolled network view offscreen; prints a table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_network.py

Targets (issue 4): cursor step → repaint ≤ 16 ms at T = 200; building the scene for
T = 10,000 ≤ 300 ms; one animation frame ≤ 8 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from visualrnn.session.lesson import LessonSession  # noqa: E402
from visualrnn.ui.network.unrolled_network_view import UnrolledNetworkView  # noqa: E402


def _session(cell: str, T: int, H: int) -> LessonSession:
    s = LessonSession()
    s.update(cell=cell, model_source="init", hidden_size=H)
    s.generate_input("noise", T=T, low=-1.0, high=1.0, seed=1)
    return s


def _view(session) -> UnrolledNetworkView:
    view = UnrolledNetworkView(session)
    view.resize(1000, 550)
    view.show()
    QApplication.processEvents()
    return view


def bench_step(cell: str, H: int, T: int = 200, n: int = 60) -> float:
    """Median ms of: cursor + 1, then repaint the viewport."""
    s = _session(cell, T, H)
    view = _view(s)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        s.step_forward()
        view.network.viewport().repaint()
        times.append(time.perf_counter() - t0)
    view.network._stop_animations()
    view.close()
    return 1e3 * statistics.median(times)


def bench_build(cell: str, H: int, T: int = 10_000) -> float:
    """Median ms of building the view (scene, items for the visible steps) and painting it."""
    s = _session(cell, T, H)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        view = UnrolledNetworkView(s)
        view.resize(1000, 550)
        view.show()
        view.network.viewport().repaint()
        times.append(time.perf_counter() - t0)
        view.close()
        view.deleteLater()
        QApplication.processEvents()
    return 1e3 * statistics.median(times)


def bench_frame(cell: str, H: int, T: int = 200, n: int = 60) -> float:
    """Median ms of one animation frame (move the pulses, reveal) plus the repaint."""
    s = _session(cell, T, H)
    view = _view(s)
    s.set_cursor(50)
    net = view.network
    net._anim.stop()
    times = []
    for k in range(n):
        t0 = time.perf_counter()
        net._on_frame(k / n)
        net.viewport().repaint()
        times.append(time.perf_counter() - t0)
    view.close()
    return 1e3 * statistics.median(times)


def main() -> None:
    QApplication.instance() or QApplication(sys.argv)
    rows = []
    for cell, H in (("rnn", 2), ("lstm", 32), ("gru", 128)):
        rows.append(("step → repaint, T=200", cell, H, bench_step(cell, H), 16.0))
        rows.append(("build scene, T=10,000", cell, H, bench_build(cell, H), 300.0))
        rows.append(("animation frame, T=200", cell, H, bench_frame(cell, H), 8.0))
    print(f"{'measure':<26}{'cell':<6}{'H':>5}{'median ms':>12}{'target':>9}  ok")
    for name, cell, H, ms, target in rows:
        print(
            f"{name:<26}{cell:<6}{H:>5}{ms:>12.2f}{target:>9.0f}  {'yes' if ms <= target else 'NO'}"
        )


if __name__ == "__main__":
    main()
