"""Plot items shared by the curve plots: the cursor line at the current step."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from .plot_helpers import decade_ticks, tick_count
from .theme import CURSOR_COLOR, scaled_font


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


class DecadeTicks:
    """A log axis labelled at whole decades only ("10⁻³", "10⁻²", "1"), as many as the
    plot's height holds — pyqtgraph's own log ticks label 2 … 9 inside a decade, which
    pile up unreadably on a short or narrow-range plot. Follows the view's range; when the
    plot leaves log mode the axis goes back to automatic ticks."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        plot.vb.sigYRangeChanged.connect(self._on_range_changed)
        plot.vb.sigResized.connect(self._on_range_changed)

    def _on_range_changed(self, *_args) -> None:
        axis = self.plot.getAxis("left")
        if not self.plot.ctrl.logYCheck.isChecked():
            axis.setTicks(None)
            return
        lo, hi = self.plot.vb.viewRange()[1]
        spacing = 3.0 * scaled_font().pointSizeF()
        count = tick_count(self.plot.vb.height(), spacing=spacing)
        ticks = decade_ticks(lo, hi, count=count)
        if hi - lo < 1:  # less than a decade in view: its ends, at two significant digits
            ticks = [(v, f"{10**v:.2g}") for v in (lo, hi)]
        axis.setTicks([ticks, []])
