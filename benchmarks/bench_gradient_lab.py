"""Benchmark: drag the ρ slider of the gradient lab → recompute → every view redrawn.

Run offscreen:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gradient_lab.py

For each case the ρ slider is moved through a series of positions exactly as a drag does
(``QSlider.setValue`` → ``valueChanged``); each step is timed until the heatmaps, the
gradient plot, the readout and the lab panel have been repainted (the paint events the
update scheduled, delivered by ``processEvents``). Small linear algebra (QR, SVD, eig at
H = 128) is many times slower with OpenBLAS's default threading on a busy 2-core machine;
compare with ``OPENBLAS_NUM_THREADS=1``.
Budgets: 33 ms at T = 200, H = 32 and 150 ms at T = 2000, H = 128.
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
from visualrnn.ui.gradients._panels_gradients import create_panels  # noqa: E402

from visualrnn.session.config import LessonConfig, build_lesson, generate_text  # noqa: E402
from visualrnn.session.lesson import LessonSession  # noqa: E402

CASES = [(cell, 200, 32, 33.0) for cell in ("rnn", "lstm", "gru")] + [
    (cell, 2000, 128, 150.0) for cell in ("rnn", "lstm", "gru")
]
RHOS = [0.5 + 0.05 * k for k in range(12)]


def lesson(cell: str, T: int, H: int) -> LessonConfig:
    generator = {"kind": "noise", "T": T, "low": -1.0, "high": 1.0, "seed": 1}
    return LessonConfig(
        cell=cell,
        hidden_size=H,
        model_source="init",
        init_scheme="orthogonal",
        spectral_radius=0.5,
        seed=3,
        input_text=generate_text(generator),
        generator=generator,
        loss_at="last",
    )


def show_panels(session) -> list:
    widgets = []
    for spec in create_panels(session):
        size = (380, 560) if spec.key == "lab" else (1600, 400)
        spec.widget.resize(*size)
        spec.widget.show()
        widgets.append(spec.widget)
    QApplication.processEvents()
    return widgets


def drag(widgets, lab) -> tuple[list[float], list[float]]:
    """Per slider step: total ms (compute + redraw) and the redraw part alone."""
    total, redraw = [], []
    for rho in RHOS:
        t0 = time.perf_counter()
        lab.rho.slider.setValue(lab.rho.to_position(rho))
        lab.session.flush_pending()  # the recompute a drag coalesces to the next loop pass
        t1 = time.perf_counter()
        QApplication.processEvents()  # delivers the paint events the update scheduled
        t2 = time.perf_counter()
        total.append(1e3 * (t2 - t0))
        redraw.append(1e3 * (t2 - t1))
    return total, redraw


def engine_ms(config: LessonConfig) -> float:
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        build_lesson(config)
        times.append(1e3 * (time.perf_counter() - t0))
    return min(times)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    print(
        f"{'cell':5} {'T':>5} {'H':>4} | {'engine':>7} {'redraw':>7} {'total med':>9} "
        f"{'total max':>9} | budget"
    )
    for cell, T, H, budget in CASES:
        config = lesson(cell, T, H)
        session = LessonSession(config)
        widgets = show_panels(session)
        lab = next(w for w in widgets if w.__class__.__name__ == "GradientLabControls")
        drag(widgets, lab)  # warm-up
        total, redraw = drag(widgets, lab)
        med = statistics.median(total)
        verdict = "ok" if med <= budget else "OVER"
        print(
            f"{cell:5} {T:5d} {H:4d} | {engine_ms(session.config):6.1f}  "
            f"{statistics.median(redraw):6.1f}  {med:8.1f}  {max(total):8.1f} "
            f"| {budget:.0f} ms {verdict}"
        )
        for widget in widgets:
            widget.close()
            widget.deleteLater()
        app.processEvents()
    print("(ms; engine = build_lesson alone, redraw = repaint of every panel after the update)")
    print()
    in_main_window(app)


def in_main_window(app) -> None:
    """The same drag in the real window (1600×1000, "Gradient flow" tab in front, the
    network, cell and lab visible; hidden tabs skip their work as they do for a user)."""
    from visualrnn.session.presets import load_presets
    from visualrnn.ui.shell.main_window import MainWindow

    print("in the main window (gradient tab in front)")
    print(f"{'cell':5} {'T':>5} {'H':>4} | {'total med':>9} {'total max':>9} | budget")
    for cell, T, H, budget in CASES:
        session = LessonSession(lesson(cell, T, H))
        window = MainWindow(session, load_presets()[0])
        window.resize(1600, 1000)
        window.show()
        window.raise_panel("gradients")
        window.raise_panel("lab")
        app.processEvents()
        lab = window.docks["lab"].widget().widget()
        drag(None, lab)  # warm-up
        total, _ = drag(None, lab)
        med = statistics.median(total)
        verdict = "ok" if med <= budget else "OVER"
        print(f"{cell:5} {T:5d} {H:4d} | {med:8.1f}  {max(total):8.1f} | {budget:.0f} ms {verdict}")
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
