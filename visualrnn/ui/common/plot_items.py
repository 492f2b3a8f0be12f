"""Plot items shared by the curve plots: the cursor line at the current step."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from .plot_helpers import log_axis_ticks
from .theme import CURSOR_COLOR, scaled_font


class VerticalLine(pg.GraphicsObject):
    """A vertical line at x across the whole visible height of its plot, stroked with each
    of ``pens`` (cosmetic, widest first: an outline under a colour).

    Moved with ``setPos(x)``; its shape is recomputed only when the view's range or size
    changes. (pyqtgraph's InfiniteLine, at any angle, recomputes its shape in Python on
    every move — ~2 ms a step for the sixteen cursor lines of the panels.)
    """

    def __init__(self, *pens: QPen):
        super().__init__()
        self.pens = pens
        self.pen = pens[-1]
        self._rect = QRectF()

    def setPos(self, x) -> None:  # noqa: N802 (Qt override: a number, like InfiniteLine's)
        super().setPos(float(x), 0.0)

    def value(self) -> float:
        return float(self.pos().x())

    def viewRangeChanged(self) -> None:  # noqa: N802 (pyqtgraph hook)
        self._cachedView = None  # pyqtgraph leaves viewRect() stale here
        self._fit_to_view()

    def viewTransformChanged(self) -> None:  # noqa: N802 (pyqtgraph hook)
        super().viewTransformChanged()
        self._fit_to_view()

    def _fit_to_view(self) -> None:
        view = self.viewRect()
        if view is None:
            return
        pixel = self.pixelWidth() or 0.0
        half = pixel * (max(pen.widthF() for pen in self.pens) / 2 + 1)
        rect = QRectF(-half, view.top(), 2 * half, view.height())
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(self._rect)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        top, bottom = QPointF(0.0, self._rect.top()), QPointF(0.0, self._rect.bottom())
        for pen in self.pens:
            painter.setPen(pen)
            painter.drawLine(top, bottom)


class StepLine:
    """The cursor of a curve plot: a thin translucent vertical line at the current step,
    drawn under the curves so it never hides a data point. Created once, moved with setPos.
    """

    def __init__(self, plot: pg.PlotItem, width: float = 2.0, alpha: int = 150):
        color = QColor(CURSOR_COLOR)
        color.setAlpha(alpha)
        self.line = VerticalLine(pg.mkPen(color, width=width))
        self.line.setZValue(-5)
        plot.addItem(self.line, ignoreBounds=True)

    def set_step(self, step: int | None) -> None:
        """Put the line at x = step, or hide it (None: no step taken yet)."""
        self.line.setVisible(step is not None)
        if step is not None:
            self.line.setPos(step)

    def value(self) -> float:
        return self.line.value()

    def isVisible(self) -> bool:  # noqa: N802 (Qt-style, like the item it wraps)
        return self.line.isVisible()


class DecadeTicks:
    """A log axis labelled at whole decades only ("10⁻³", "10⁻²", "1"), as many as the
    plot's height holds — pyqtgraph's own log ticks label 2 … 9 inside a decade, which
    pile up unreadably on a short or narrow-range plot. Follows the view's range; when the
    plot leaves log mode the axis goes back to automatic ticks."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        #: The ticks of the axis out of log mode ([(value, label)]), or None: pyqtgraph's.
        self.linear: list[tuple[float, str]] | None = None
        plot.vb.sigYRangeChanged.connect(self._on_range_changed)
        plot.vb.sigResized.connect(self._on_range_changed)

    def set_linear(self, ticks: list[tuple[float, str]] | None) -> None:
        """Fixed ticks for the axis while it is not logarithmic (None: automatic)."""
        self.linear = ticks
        self._on_range_changed()

    def _on_range_changed(self, *_args) -> None:
        axis = self.plot.getAxis("left")
        if not self.plot.ctrl.logYCheck.isChecked():
            axis.setTicks(None if self.linear is None else [self.linear, []])
            return
        lo, hi = self.plot.vb.viewRange()[1]
        ticks = log_axis_ticks(lo, hi, self.plot.vb.height(), scaled_font().pointSizeF())
        axis.setTicks([ticks, []])
