"""Plot items shared by the curve plots: the cursor line at the current step."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from .theme import CURSOR_COLOR


class StepLine:
    """The cursor of a curve plot: a thin translucent vertical line at the current step,
    drawn under the curves so it never hides a data point. Created once, moved with setPos.
    """

    def __init__(self, plot: pg.PlotItem, width: float = 2.0, alpha: int = 150):
        color = QColor(CURSOR_COLOR)
        color.setAlpha(alpha)
        self.line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(color, width=width))
        self.line.setZValue(-5)
        plot.addItem(self.line, ignoreBounds=True)

    def set_step(self, step: int | None) -> None:
        """Put the line at x = step, or hide it (None: no step taken yet)."""
        self.line.setVisible(step is not None)
        if step is not None:
            self.line.setPos(step)

    def value(self) -> float:
        return float(self.line.value())

    def isVisible(self) -> bool:  # noqa: N802 (Qt-style, like the item it wraps)
        return self.line.isVisible()
