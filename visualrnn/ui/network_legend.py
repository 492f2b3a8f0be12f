"""The colour legend of the network views: value → colour, plus "not reached" and "overflow"."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import theme
from .network_items import _short_number


@lru_cache(maxsize=8)
def _stops(name: str) -> tuple[QColor, ...]:
    """Eleven evenly spaced colours of the colour map ``name`` (looked up once)."""
    cmap = theme.colormap(name)
    return tuple(cmap.map(k / 10, mode="qcolor") for k in range(11))


class ColorLegend(QWidget):
    """A horizontal colour bar with its end labels, and swatches for the special colours.

    ``set_diverging(vmax)``: values −vmax … +vmax on the diverging map (forward mode).
    ``set_log(lo, hi)``: ‖∂L/∂h_t‖ from 10^lo to 10^hi on the sequential map (backward).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._title, self._labels, self._map = "", ("", "", ""), theme.DIVERGING_MAP
        self._swatches: list[tuple[str, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        theme.font_scale().scale_changed.connect(self._on_scale_changed)
        self._on_scale_changed(theme.font_scale().scale)
        self.set_diverging(1.0)

    def set_diverging(self, vmax: float) -> None:
        v = _short_number(vmax, 3, 6)
        self._title = self.tr("value of x, h, c, y")
        self._labels = (f"−{v}", "0", f"+{v}")
        self._map = theme.DIVERGING_MAP
        self._swatches = [
            (theme.FUTURE_GREY, self.tr("not reached yet")),
            (theme.OVERFLOW_COLOR, self.tr("overflow")),
        ]
        self._changed()

    def set_log(self, lo: float, hi: float) -> None:
        self._title = self.tr("gradient ‖∂L/∂h_t‖ (thicker = larger)")
        self._labels = (f"1e{lo:.0f}", f"1e{(lo + hi) / 2:.0f}", f"1e{hi:.0f}")
        self._map = theme.SEQUENTIAL_MAP
        self._swatches = [
            (theme.FUTURE_GREY, self.tr("zero (cut)")),
            (theme.OVERFLOW_COLOR, self.tr("overflow")),
        ]
        self._changed()

    def labels(self) -> tuple[str, str, str]:
        return self._labels

    def title(self) -> str:
        return self._title

    def _changed(self) -> None:
        self.updateGeometry()
        self.update()

    def _on_scale_changed(self, _scale: float) -> None:
        self.setFont(theme.scaled_font(12.0))
        self._changed()

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        width = 240
        width += sum(fm.horizontalAdvance(t) + 40 for _, t in self._swatches)
        return QSize(int(width), int(fm.height() * 2.2 + 6))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        line = fm.height()
        painter.setPen(QColor("#202020"))
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft, self._title)
        bar = QRectF(4, line + 2, 220, line * 1.1)
        grad = QLinearGradient(bar.topLeft(), bar.topRight())
        for k, color in enumerate(_stops(self._map)):
            grad.setColorAt(k / 10, color)
        painter.setPen(QPen(QColor("#404040"), 1))
        painter.setBrush(grad)
        painter.drawRect(bar)
        self._paint_bar_labels(painter, bar, fm)
        x = bar.right() + 16
        for color, text in self._swatches:
            painter.setPen(QPen(QColor("#404040"), 1))
            painter.setBrush(QColor(color))
            painter.drawRect(QRectF(x, bar.top(), bar.height(), bar.height()))
            painter.setPen(QColor("#202020"))
            x += bar.height() + 6
            painter.drawText(QRectF(x, bar.top() - 2, 400, bar.height() + 4), text)
            x += fm.horizontalAdvance(text) + 16
        painter.end()

    def _paint_bar_labels(self, painter: QPainter, bar: QRectF, fm: QFontMetricsF) -> None:
        """Labels drawn inside the bar's ends and middle, on a light backing."""
        painter.setPen(QColor("#202020"))
        spots = (
            (bar.left() + 2, Qt.AlignmentFlag.AlignLeft),
            (bar.center().x() - 45, Qt.AlignmentFlag.AlignHCenter),
            (bar.right() - 92, Qt.AlignmentFlag.AlignRight),
        )
        for (x, align), text in zip(spots, self._labels, strict=True):
            rect = QRectF(x, bar.top(), 90, bar.height())
            back = QRectF(fm.boundingRect(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text))
            painter.fillRect(back.adjusted(-2, 0, 2, 0), QColor(255, 255, 255, 190))
            painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)
