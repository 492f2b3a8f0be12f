"""The grey "not reached yet" veil over the steps after the cursor, in a plot."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem


class Veil(QGraphicsItem):
    """A filled rectangle whose left edge follows the cursor.

    A step moves the edge by one step: only the strip between the old and the new edge is
    repainted. (A QGraphicsRectItem repaints its whole old and new rectangle — most of the
    plot, with the image or the curves under it, on every step.)
    """

    def __init__(self, color: QColor):
        super().__init__()
        self._brush = QBrush(color)
        self._rect = QRectF()
        self._extent = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def rect(self) -> QRectF:
        """The veiled rectangle, in the plot's data coordinates."""
        return QRectF(self._rect)

    def set_rect(self, rect: QRectF, start: float) -> None:
        """Veil ``rect``; ``start`` is as far left as its edge can go (the first step): the
        item covers [start, rect.right()], so that moving the left edge is a strip."""
        extent = QRectF(QPointF(min(start, rect.left()), rect.top()), rect.bottomRight())
        if extent != self._extent:
            self.prepareGeometryChange()
            self._extent, self._rect = extent, QRectF(rect)
            self.update()
        elif rect != self._rect:
            lo, hi = sorted((self._rect.left(), rect.left()))
            self._rect = QRectF(rect)
            self.update(QRectF(lo, extent.top(), hi - lo, extent.height()))

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(self._extent)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(self._rect, self._brush)
