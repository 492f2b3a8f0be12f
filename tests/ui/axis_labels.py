"""What a pyqtgraph axis really draws: the tick labels that survive its crowding rules."""

from __future__ import annotations


def left_tick_labels(plot) -> list[str]:
    """The tick labels pyqtgraph draws on ``plot``'s left axis, top to bottom as it lists them."""
    from PySide6.QtGui import QPainter, QPixmap

    pixmap = QPixmap(10, 10)
    painter = QPainter(pixmap)
    try:
        return [text for _, _, text in plot.getAxis("left").generateDrawSpecs(painter)[2]]
    finally:
        painter.end()
