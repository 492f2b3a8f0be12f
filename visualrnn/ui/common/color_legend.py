"""The colour legend of the network views: one colour bar per value scale, plus swatches.

Forward mode shows one diverging bar per scale in use (x, h, c and y each have their own;
quantities that share a range share a bar), the cell view adds the gates' 0 … 1 bar;
backward mode shows ‖∂L/∂h_t‖ on a log scale. Entries wrap onto more rows when narrow.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import theme
from .color_scales import as_scale
from .painting import paint_loss_marker, short_number
from .theme import CUT_COLOR

#: Swatch shapes: a filled square, a dashed vertical line (a cut), a loss marker.
RECT, DASH, LOSS = "rect", "dash", "loss"
BAR_W, COMPACT_BAR_W = 120.0, 96.0


@lru_cache(maxsize=8)
def _stops(name: str) -> tuple[QColor, ...]:
    """Eleven evenly spaced colours of the colour map ``name`` (looked up once)."""
    cmap = theme.colormap(name)
    return tuple(cmap.map(k / 10, mode="qcolor") for k in range(11))


@dataclass(frozen=True)
class Bar:
    """One colour bar: its name (left of it), colour map and three labels (ends, middle)."""

    name: str
    cmap: str
    labels: tuple[str, str, str]


def merge_scales(scales: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """``[("x", 1), ("h", 1), ("c", 5)]`` → ``[("x, h", 1), ("c", 5)]`` (order kept); the
    ranges are plain vmax values or :class:`~.network_items.Scale` (equal scales merge)."""
    merged: dict = {}
    for name, vmax in scales:
        key = as_scale(vmax)
        merged.setdefault(key, (vmax, []))[1].append(name)
    return [(", ".join(names), vmax) for vmax, names in merged.values()]


def log_labels(lo: float, hi: float) -> tuple[str, str, str]:
    """The values 10^lo, 10^mid, 10^hi written out (two significant digits), so a range
    inside one decade reads 4.2 … 5.1 … 6.1 rather than 1e1 … 1e1 … 1e1."""
    return tuple(short_number(10.0**v, 2, 7) for v in (lo, (lo + hi) / 2, hi))


class ColorLegend(QWidget):
    """Colour bars with their labels, and swatches for the special colours and marks.

    ``set_scales([(name, vmax), …])``: one diverging bar per distinct range (forward mode);
    ``set_log(lo, hi)``: ‖∂L/∂h_t‖ from 10^lo to 10^hi on the sequential map (backward).
    ``compact``: no title line and shorter bars (the cell panel's key).
    """

    def __init__(self, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.compact = compact
        self._bar_w = COMPACT_BAR_W if compact else BAR_W
        self._title = ""
        self._bars: list[Bar] = []
        self._swatches: list[tuple[str, str, str]] = []
        self._truncate: int | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        theme.font_scale().scale_changed.connect(self._on_scale_changed)
        self._on_scale_changed(theme.font_scale().scale)
        self.set_diverging(1.0)

    # ---------------------------------------------------------------- setting
    def set_diverging(self, vmax: float) -> None:
        """One shared scale ±vmax for x, h, c and y."""
        self.set_scales([(self.tr("x, h, c, y"), vmax)])

    def set_scales(
        self, scales: list[tuple[str, float]], gates: bool = False, future: bool = True
    ) -> None:
        """One diverging bar per distinct range ±vmax (names sharing a range share a bar);
        ``gates``: also the gates' 0 … 1 bar on the sequential map; ``future``: the "not
        reached yet" swatch."""
        self._title = self.tr("colour = value:")
        self._bars = []
        for name, vmax in merge_scales(scales):
            scale = as_scale(vmax)
            v = short_number(scale.vmax, 3, 6)
            if scale.log:
                name = self.tr("{names} (log scale)").format(names=name)
            self._bars.append(Bar(name, theme.DIVERGING_MAP, (f"−{v}", "0", f"+{v}")))
        if gates:
            self._bars.append(Bar(self.tr("gates σ"), theme.SEQUENTIAL_MAP, ("0", "0.5", "1")))
        self._swatches = [(RECT, theme.OVERFLOW_COLOR, self.tr("overflow"))]
        if future:
            self._swatches.insert(0, (RECT, theme.FUTURE_GREY, self.tr("not reached yet")))
        self._add_cut_swatch()
        self._changed()

    def set_log(self, lo: float, hi: float, loss_last: bool = False) -> None:
        """Backward mode: ‖∂L/∂hₜ‖ from 10^lo to 10^hi; the loss marker's text says where
        the loss enters (``loss_last``: only at the last step's output)."""
        self._title = self.tr("gradient ‖∂L/∂hₜ‖ flowing back (thicker = larger):")
        self._bars = [Bar(self.tr("log scale"), theme.GRADIENT_MAP, log_labels(lo, hi))]
        if loss_last:
            loss = self.tr("loss ℓ at the last output y: the gradient enters there")
        else:
            loss = self.tr("loss ℓₜ at every output yₜ: the gradient enters there")
        self._swatches = [
            (LOSS, theme.CURSOR_COLOR, loss),
            (RECT, theme.FUTURE_GREY, self.tr("zero")),
            (RECT, theme.OVERFLOW_COLOR, self.tr("overflow")),
        ]
        self._add_cut_swatch()
        self._changed()

    def set_truncation(self, k: int | None) -> None:
        """Truncated BPTT every ``k`` steps: a swatch for the dashed cut lines (None: off)."""
        self._truncate = k
        self._swatches = [s for s in self._swatches if s[0] != DASH]
        self._add_cut_swatch()
        self._changed()

    def _add_cut_swatch(self) -> None:
        if self._truncate:
            text = self.tr("gradient cut (k = {k})").format(k=self._truncate)
            self._swatches.append((DASH, CUT_COLOR, text))

    # ---------------------------------------------------------------- reading (tests)
    def labels(self) -> tuple[str, str, str]:
        """The labels of the first bar."""
        return self._bars[0].labels if self._bars else ("", "", "")

    def bar_names(self) -> list[str]:
        return [bar.name for bar in self._bars]

    def bar_labels(self) -> list[tuple[str, str, str]]:
        return [bar.labels for bar in self._bars]

    def swatch_texts(self) -> list[str]:
        return [text for _, _, text in self._swatches]

    def title(self) -> str:
        return self._title

    # ---------------------------------------------------------------- layout
    def _changed(self) -> None:
        self.updateGeometry()
        self.update()

    def _on_scale_changed(self, _scale: float) -> None:
        self.setFont(theme.scaled_font(12.0))
        self._changed()

    def _entries(self, fm: QFontMetricsF) -> list[tuple[float, object]]:
        """(width, entry) of every bar and swatch, in reading order."""
        out = [] if self.compact else [(fm.horizontalAdvance(self._title) + 10, self._title)]
        for bar in self._bars:
            name = fm.horizontalAdvance(bar.name) + 6 if bar.name else 0.0
            out.append((name + self._bar_width(bar, fm) + 14, bar))
        h = fm.height() * 1.1
        for swatch in self._swatches:
            out.append((h + 6 + fm.horizontalAdvance(swatch[2]) + 18, swatch))
        return out

    def _rows(self, width: float, fm: QFontMetricsF) -> list[list[tuple[float, object]]]:
        rows: list[list] = [[]]
        used = 0.0
        for w, entry in self._entries(fm):
            if rows[-1] and used + w > width:
                rows.append([])
                used = 0.0
            rows[-1].append((w, entry))
            used += w
        return rows

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        fm = QFontMetricsF(self.font())
        rows = len(self._rows(max(200.0, width), fm))
        return int(fm.height() * 1.35 * rows + 8)

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self.font())
        width = sum(w for w, _ in self._entries(fm))
        return QSize(int(min(width, 900)), self.heightForWidth(int(min(width, 900))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    # ---------------------------------------------------------------- painting
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        line = fm.height()
        painter.setPen(QColor("#202020"))
        y = 4.0
        for row in self._rows(max(200.0, self.width()), fm):
            x = 4.0
            for w, entry in row:
                if isinstance(entry, str):
                    rect = QRectF(x, y - 2, w, line * 1.1 + 4)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, entry)
                elif isinstance(entry, Bar):
                    self._paint_bar(painter, entry, x, y, fm)
                else:
                    self._paint_swatch(painter, entry, x, y, fm)
                x += w
            y += line * 1.35
        painter.end()

    def _paint_bar(self, painter: QPainter, bar: Bar, x: float, y: float, fm) -> None:
        h = fm.height() * 1.1
        if bar.name:
            painter.setPen(QColor("#202020"))
            painter.drawText(QRectF(x, y - 2, 400, h + 4), Qt.AlignmentFlag.AlignVCenter, bar.name)
            x += fm.horizontalAdvance(bar.name) + 6
        rect = QRectF(x, y, self._bar_width(bar, fm), h)
        grad = QLinearGradient(rect.topLeft(), rect.topRight())
        for k, color in enumerate(_stops(bar.cmap)):
            grad.setColorAt(k / 10, color)
        painter.setPen(QPen(QColor("#404040"), 1))
        painter.setBrush(grad)
        painter.drawRect(rect)
        self._paint_bar_labels(painter, rect, bar.labels, fm)

    def _bar_width(self, bar: Bar, fm: QFontMetricsF) -> float:
        """The bar's width: the default, or wider so that its three labels do not touch."""
        widest = max(fm.horizontalAdvance(text) for text in bar.labels)
        return max(self._bar_w, 3 * (widest + 10))

    def _paint_bar_labels(self, painter: QPainter, bar: QRectF, labels, fm) -> None:
        """Labels drawn inside the bar's ends and middle, on a light backing."""
        painter.setPen(QColor("#202020"))
        third = bar.width() / 3
        spots = (
            (bar.left() + 2, Qt.AlignmentFlag.AlignLeft),
            (bar.left() + third, Qt.AlignmentFlag.AlignHCenter),
            (bar.right() - third - 2, Qt.AlignmentFlag.AlignRight),
        )
        for (x, align), text in zip(spots, labels, strict=True):
            rect = QRectF(x, bar.top(), third, bar.height())
            back = QRectF(fm.boundingRect(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text))
            painter.fillRect(back.adjusted(-2, 0, 2, 0), QColor(255, 255, 255, 190))
            painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_swatch(self, painter: QPainter, swatch, x: float, y: float, fm) -> None:
        shape, color, text = swatch
        h = fm.height() * 1.1
        box = QRectF(x, y, h, h)
        if shape == DASH:
            pen = QPen(QColor(color), 2.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(box.center().x(), box.top()), box.center() + QPointF(0, h / 2))
        elif shape == LOSS:
            paint_loss_marker(painter, box.center(), h * 0.5, self.font())
            painter.setFont(self.font())
        else:
            painter.setPen(QPen(QColor("#404040"), 1))
            painter.setBrush(QColor(color))
            painter.drawRect(box)
        painter.setPen(QColor("#202020"))
        painter.drawText(QRectF(x + h + 6, y - 2, 600, h + 4), Qt.AlignmentFlag.AlignVCenter, text)
