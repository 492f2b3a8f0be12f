"""Scene items of the unrolled network: one light item per time step, and its geometry.

A :class:`StepItem` paints everything of step t (Fig. 8.2 of the textbook): the input x_t
below, the cell A_t with h_t (and c_t for the LSTM) inside, the output y_t above, the arrow
h_t to the next cell and, for the LSTM, the c_t conveyor line along the top. The view keeps
a small pool of them and re-binds them to whichever steps are visible, so T = 10,000 costs
no more than T = 20.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from . import theme
from .equation_text import format_number
from .theme import CUT_COLOR
from .value_scales import percentile_range

#: Vectors with more units than this are drawn as a colour strip instead of numbered boxes.
MAX_BOXES = 4
#: Below this level of detail (scene → screen scale) numbers and captions are hidden; above
#: it they scale with the zoom (at 0.25 a 13 pt number is still ~4 px: a visible hint).
TEXT_LOD = 0.25
#: Colour of the truncation cut lines (and their legend swatch).
#: The gradient entering from a loss ℓ_t (backward mode), and the loss marker's radius.
LOSS_INK = "#B36B00"
LOSS_R = 15.0
SUBSCRIPT = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")
INK = QColor("#202020")


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnrolledNetworkView", text)


def sub(index: int) -> str:
    """``3`` → ``₃`` (subscript digits)."""
    return str(index).translate(SUBSCRIPT)


#: A quantity whose colour range spans more than this many decades gets a log scale.
LOG_DECADES = 3.0


@dataclass(frozen=True)
class Scale:
    """A diverging colour scale ±vmax: linear, or (``lin`` > 0) sign-preserving
    log-magnitude ("symlog"): |v| ≤ lin is near the middle, each decade above it gets an
    equal share of the colours, so 1 and 10⁵ are both visible on one scale."""

    vmax: float
    lin: float = 0.0

    @property
    def log(self) -> bool:
        return self.lin > 0

    def unit(self, values) -> np.ndarray:
        """``values`` mapped to −1 … 1 (clipped; NaN stays NaN)."""
        v = np.asarray(values, dtype=float)
        with np.errstate(all="ignore"):
            if self.log:
                u = np.sign(v) * np.log1p(np.abs(v) / self.lin) / math.log1p(self.vmax / self.lin)
            else:
                u = v / self.vmax
        return np.clip(u, -1.0, 1.0)

    def unit_of(self, value: float) -> float:
        """One finite value mapped to −1 … 1 (pure Python, for painting loops)."""
        if self.log:
            u = math.copysign(math.log1p(abs(value) / self.lin), value)
            u /= math.log1p(self.vmax / self.lin)
        else:
            u = value / self.vmax
        return min(1.0, max(-1.0, u))


def as_scale(scale) -> Scale:
    """A :class:`Scale` from a Scale or a plain vmax (invalid → ±1)."""
    if isinstance(scale, Scale):
        return scale
    v = float(scale)
    return Scale(v if math.isfinite(v) and v > 0 else 1.0)


class Palette:
    """The theme's diverging map as a 256-entry lookup table for a scale ±vmax (linear or
    symlog, see :class:`Scale`)."""

    def __init__(self, vmax, lin: float = 0.0):
        scale = vmax if isinstance(vmax, Scale) else Scale(float(vmax), lin)
        if not (np.isfinite(scale.vmax) and scale.vmax > 0):
            scale = Scale(1.0)
        self.scale = scale
        self.vmax = scale.vmax
        cmap = theme.colormap(theme.DIVERGING_MAP)
        rgba = cmap.map(np.linspace(0.0, 1.0, 256), mode="byte").astype(np.uint32)
        self.argb = (0xFF << 24) | (rgba[:, 0] << 16) | (rgba[:, 1] << 8) | rgba[:, 2]
        self.colors = [QColor.fromRgb(int(c)) for c in self.argb]
        self.overflow = QColor(theme.OVERFLOW_COLOR)

    def index(self, values: np.ndarray) -> np.ndarray:
        """Lookup-table indices 0 … 255 of ``values`` (non-finite → the nearest end or 127)."""
        u = 0.5 + 0.5 * self.scale.unit(values)
        u = np.atleast_1d(u)
        u[np.isnan(u)] = 0.5
        return (np.clip(u, 0.0, 1.0) * 255).astype(np.intp)

    def color(self, value: float) -> QColor:
        """One value's colour (pure Python: no array round trip for a scalar)."""
        if not math.isfinite(value):
            return self.overflow
        u = 0.5 + 0.5 * self.scale.unit_of(value)
        return self.colors[int(min(1.0, max(0.0, u)) * 255)]

    def colors_of(self, values: np.ndarray) -> list[QColor]:
        """The colours of a vector, overflow for non-finite values: one table lookup."""
        v = np.asarray(values, dtype=float)
        colors, bad = self.colors, ~np.isfinite(v)
        out = [colors[k] for k in self.index(v).tolist()]
        for k in np.flatnonzero(bad).tolist():
            out[k] = self.overflow
        return out

    def strip(self, values: np.ndarray) -> QImage:
        """An n × 1 image of the values' colours (overflow in red)."""
        argb = self.argb[self.index(values)]
        argb[~np.isfinite(values)] = self.overflow.rgb()
        image = QImage(argb.tobytes(), values.size, 1, QImage.Format.Format_RGB32)
        return image.copy()


@lru_cache(maxsize=32)
def _cached_palette(scale) -> Palette:
    """One lookup table per scale (building one costs ~1 ms)."""
    return Palette(as_scale(scale))


def text_color(fill: QColor) -> QColor:
    return INK if fill.lightnessF() > 0.5 else QColor("white")


@dataclass
class VectorGlyph:
    """How one vector is drawn: numbered boxes (n ≤ MAX_BOXES) or a colour strip (with its
    norm written on it, so that a strip always shows a number)."""

    values: np.ndarray
    colors: list
    strip: QImage | None
    texts: list
    norm_text: str = ""

    @classmethod
    def of(cls, values, palette: Palette, digits: int = 3) -> VectorGlyph:
        v = np.asarray(values, dtype=float).ravel()
        if v.size > MAX_BOXES:
            return cls(v, [], palette.strip(v), [], _short_number(_norm(v), digits))
        texts = [_short_number(x, digits) for x in v]
        return cls(v, palette.colors_of(v), None, texts)


def _norm(v: np.ndarray) -> float:
    """‖v‖₂ for display, scaled so that huge values do not overflow (inf if any is)."""
    if not np.isfinite(v).all():
        return math.inf
    m = float(np.abs(v).max()) if v.size else 0.0
    return m * float(np.linalg.norm(v / m)) if m > 0 else 0.0


def number_width(digits: int) -> int:
    """How many characters a number in a node's box may take at ``digits`` digits."""
    return digits + 3


def _short_number(x: float, digits: int, width: int | None = None) -> str:
    """A number that fits a node's box: at most ``width`` characters (Unicode minus)."""
    width = number_width(digits) if width is None else width
    text = format_number(x, digits)
    if text == "overflow":
        return "ovf"
    while len(text) > width and digits > 1:
        digits -= 1
        text = format_number(x, digits)
    if len(text) > width:
        text = f"{x:.0e}".replace("e-0", "e-").replace("e+0", "e").replace("e+", "e")
    return text.replace("-", "\u2212")


@dataclass
class StepLayout:
    """Geometry of one step, relative to the cell's centre, from the fonts' metrics.

    Attributes
    ----------
    dx : distance between neighbouring cells.
    box : the cell A_t; h_row / c_row : where h_t and c_t sit inside it.
    x_node, y_node : the input and output nodes.
    """

    cell: str
    dx: float
    box: QRectF
    h_row: QRectF
    c_row: QRectF | None
    x_node: QRectF
    y_node: QRectF
    unit: float
    number_font: QFont
    caption_font: QFont

    @classmethod
    def build(cls, cell: str, H: int, I: int, O: int, digits: int = 3) -> StepLayout:  # noqa: E741
        number_font, caption_font = theme.scaled_font(13.0), theme.scaled_font(16.0, True)
        fm = QFontMetricsF(number_font)
        unit = max(48.0, fm.horizontalAdvance("−0." + "0" * digits) + 10)
        row_h = fm.height() + 12
        widths = [_vector_width(n, unit) for n in (H, I, O)]
        box_w = max(widths[0] + 48, 150.0)
        rows = 2 if cell == "lstm" else 1
        cap = QFontMetricsF(caption_font).height()
        box_h = cap + rows * (row_h + 10) + 14
        box = QRectF(-box_w / 2, -box_h / 2, box_w, box_h)
        gap = max(84.0, QFontMetricsF(caption_font).horizontalAdvance("h₁₀₀₀₀") + 20)
        h_row = QRectF(-widths[0] / 2, box.bottom() - row_h - 10, widths[0], row_h)
        c_row = None
        if cell == "lstm":
            c_row = QRectF(-widths[0] / 2, h_row.top() - row_h - 10, widths[0], row_h)
        x_node = QRectF(-widths[1] / 2, box.bottom() + 44, widths[1], row_h)
        y_node = QRectF(-widths[2] / 2, box.top() - 44 - row_h, widths[2], row_h)
        return cls(
            cell, box_w + gap, box, h_row, c_row, x_node, y_node, unit, number_font, caption_font
        )

    def bounds(self) -> QRectF:
        """Everything step t paints, including its arrow to the next cell."""
        top = self.y_node.top() - 16
        bottom = self.x_node.bottom() + 16
        return QRectF(-self.dx / 2, top, self.dx + 40, bottom - top)


def _vector_width(n: int, unit: float) -> float:
    return n * unit if n <= MAX_BOXES else MAX_BOXES * unit


@dataclass
class StepData:
    """What step t shows: its glyphs, its tooltips and (backward mode) its gradient."""

    t: int
    x: VectorGlyph
    h: VectorGlyph
    y: VectorGlyph
    c: VectorGlyph | None
    tips: Mapping
    grad_pen: QPen | None = None
    grad_text: str = ""
    overflow: bool = False
    loss: bool = False


class LazyTips(Mapping):
    """A step's tooltips (part → text), written only when first read (on hover): formatting
    them for every step the view binds would cost more than drawing the step."""

    def __init__(self, make, *args):
        self._make, self._args, self._tips = make, args, None

    def _all(self) -> dict:
        if self._tips is None:
            self._tips = self._make(*self._args)
        return self._tips

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


FUTURE, DONE, CURRENT = "future", "done", "current"


class StepItem(QGraphicsItem):
    """Step t of the unrolled network (or, with ``rolled``, the single cell of Fig. 8.1)."""

    def __init__(self, layout: StepLayout, rolled: bool = False):
        super().__init__()
        self.layout = layout
        self.rolled = rolled
        self.data: StepData | None = None
        self.state = FUTURE
        self.reveal = 2
        self.sweep = False
        self.last = False
        self.backward = False
        self.setAcceptHoverEvents(True)
        # A step looks the same until its data, state or flags change (each calls update()):
        # scrolling, the pulses passing over it and repaints of the view replay a pixmap.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # ---------------------------------------------------------------- binding
    def set_layout(self, layout: StepLayout) -> None:
        self.prepareGeometryChange()
        self.layout = layout
        self.update()

    def bind(self, data: StepData, last: bool) -> None:
        """Show step ``data.t`` (``last``: no arrow to a next cell)."""
        self.data, self.last = data, last
        self.setPos(data.t * self.layout.dx, 0.0)
        self.update()

    def set_state(self, state: str, reveal: int = 2) -> None:
        """FUTURE (greyed), DONE, or CURRENT (highlighted); ``reveal`` 0/1/2 during animation."""
        if (state, reveal) != (self.state, self.reveal):
            self.state, self.reveal = state, reveal
            self.update()

    def set_flags(self, backward: bool, sweep: bool) -> None:
        if (backward, sweep) != (self.backward, self.sweep):
            self.backward, self.sweep = backward, sweep
            self.update()

    def parts(self) -> set:
        """The parts this step draws: x, cell, y, h_arrow and (LSTM) c_line."""
        parts = {"x", "cell", "y", "h_arrow"}
        return parts | {"c_line"} if self.layout.cell == "lstm" else parts

    # ---------------------------------------------------------------- geometry
    def boundingRect(self) -> QRectF:
        r = self.layout.bounds()
        return r.adjusted(-60, -60, 0, 0) if self.rolled else r

    def part_at(self, pos: QPointF) -> str | None:
        L = self.layout
        for name, rect in (("x", L.x_node), ("y", L.y_node)):
            if rect.adjusted(-6, -6, 6, 6).contains(pos):
                return name
        if L.c_row is not None and L.c_row.adjusted(-6, -4, 6, 4).contains(pos):
            return "c_line"
        if L.box.contains(pos):
            return "cell"
        if pos.x() > L.box.right() and abs(pos.y() - self._arrow_y()) < 24:
            return "h_arrow"
        return None

    def _arrow_y(self) -> float:
        return self.layout.h_row.center().y()

    def hoverMoveEvent(self, event) -> None:
        part = self.part_at(event.pos())
        tips = self.data.tips if self.data is not None else {}
        if self.state == FUTURE and not self.backward:
            self.setToolTip(_tr("not reached yet") if part else "")
        else:
            self.setToolTip(tips.get(part, ""))
        super().hoverMoveEvent(event)

    # ---------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self.data is None:
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        text = lod >= TEXT_LOD
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod > 0.3)
        grey = self.state == FUTURE and not self.backward
        self._paint_wires(painter, grey)
        self._paint_box(painter, grey, text)
        show_h = not grey and self.reveal >= 1
        show_y = not grey and self.reveal >= 2
        L = self.layout
        self._paint_node(painter, L.x_node, self.data.x, not grey, text, "x")
        self._paint_node(painter, L.y_node, self.data.y, show_y, text, "y")
        self._paint_node(painter, L.h_row, self.data.h, show_h, text, "h")
        if L.c_row is not None:
            self._paint_node(painter, L.c_row, self.data.c, show_h, text, "c")
        if text:
            self._paint_captions(painter, grey)
        if self.backward and not self.rolled and lod >= 0.1:
            self._paint_grad_label(painter, lod)

    def _wire_pen(self, grey: bool, width: float = 3.0) -> QPen:
        pen = QPen(QColor(theme.FUTURE_GREY if grey else "#404040"), width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def _paint_wires(self, painter: QPainter, grey: bool) -> None:
        L = self.layout
        painter.setPen(self._wire_pen(grey))
        painter.setBrush(painter.pen().color())
        _arrow(painter, QPointF(0, L.x_node.top()), QPointF(0, L.box.bottom()))
        if self.backward and not self.rolled:
            self._paint_y_gradient(painter)
        else:
            _arrow(painter, QPointF(0, L.box.top()), QPointF(0, L.y_node.bottom()))
        if self.rolled:
            self._paint_loops(painter)
            return
        self._paint_h_arrow(painter, grey)
        if L.c_row is not None:
            self._paint_c_line(painter, grey)

    def _paint_y_gradient(self, painter: QPainter) -> None:
        """Backward mode: where y_t carries a loss ℓ_t, the gradient enters the cell from
        y_t (an arrow down, the "L" marker beside y_t); elsewhere a plain line."""
        L = self.layout
        top, bottom = QPointF(0, L.y_node.bottom()), QPointF(0, L.box.top())
        if not self.data.loss:
            painter.setPen(self._wire_pen(True, 2.0))
            painter.drawLine(top, bottom)
            return
        pen = QPen(QColor(LOSS_INK), 4.0)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(pen.color())
        _arrow(painter, top, bottom, head=14.0)
        r = LOSS_R
        center = QPointF(L.y_node.right() + r + 10, L.y_node.center().y())
        paint_loss_marker(painter, center, r, self.layout.caption_font)

    def _h_span(self) -> tuple[float, float]:
        L = self.layout
        end = L.box.right() + 60 if self.last else L.dx - L.box.width() / 2
        return L.box.right(), end

    def _paint_h_arrow(self, painter: QPainter, grey: bool) -> None:
        x0, x1 = self._h_span()
        y = self._arrow_y()
        pen = self._wire_pen(grey)
        if self.backward and self.data.grad_pen is not None:
            pen = QPen(self.data.grad_pen)
            if self.sweep:
                pen.setColor(QColor(theme.CURSOR_COLOR))
            painter.setPen(pen)
            painter.setBrush(pen.color())
            scale = max(1e-6, painter.worldTransform().m11())
            head = min((7 + 0.5 * pen.widthF()) / scale, (x1 - x0) * 0.3)
            _arrow(painter, QPointF(x1, y), QPointF(x0, y), head=head)
            return
        painter.setPen(pen)
        painter.setBrush(pen.color())
        _arrow(painter, QPointF(x0, y), QPointF(x1, y))

    def _paint_c_line(self, painter: QPainter, grey: bool) -> None:
        L = self.layout
        y = L.c_row.center().y()
        x0, x1 = L.box.left() - (L.dx - L.box.width()) / 2, L.box.right()
        x1 = x1 + (60 if self.last else (L.dx - L.box.width()) / 2)
        pen = QPen(QColor(theme.FUTURE_GREY if grey else "#6A3D9A"), 5.0)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y), QPointF(x1, y))

    def _paint_loops(self, painter: QPainter) -> None:
        """Fig. 8.1: h_t (and c_t) loop back into the same cell."""
        L = self.layout
        rows = [self._arrow_y()] + ([L.c_row.center().y()] if L.c_row is not None else [])
        for k, y in enumerate(rows):
            out = 40 + 22 * k
            path = QPainterPath(QPointF(L.box.right(), y))
            path.lineTo(L.box.right() + out, y)
            path.lineTo(L.box.right() + out, L.box.top() - 24 - 14 * k)
            path.lineTo(L.box.left() - out, L.box.top() - 24 - 14 * k)
            path.lineTo(L.box.left() - out, y)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(painter.pen().color())
            _arrow(painter, QPointF(L.box.left() - out, y), QPointF(L.box.left(), y))

    def _paint_box(self, painter: QPainter, grey: bool, text: bool) -> None:
        L = self.layout
        if self.state == CURRENT and not grey:
            glow = QColor(theme.CURSOR_COLOR)
            glow.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawRoundedRect(L.box.adjusted(-14, -14, 14, 14), 18, 18)
        border = QColor(theme.CURSOR_COLOR) if self.state == CURRENT else QColor("#303030")
        if self.sweep:
            border = QColor(theme.CURSOR_COLOR)
        width = 5.0 if self.state == CURRENT or self.sweep else 2.0
        painter.setPen(QPen(QColor(theme.FUTURE_GREY) if grey else border, width))
        fill = QColor("#F2F2F2") if grey else QColor("#FFFFFF")
        if self.data.overflow and not grey:
            fill = QColor("#FFE5E5")
        painter.setBrush(fill)
        painter.drawRoundedRect(L.box, 12, 12)

    def _paint_node(
        self, painter, rect: QRectF, glyph: VectorGlyph | None, show, text, name: str = ""
    ) -> None:
        if glyph is None:
            return
        painter.setPen(QPen(QColor("#505050"), 1.5))
        if not show:
            painter.setBrush(QColor("#E6E6E6"))
            painter.drawRect(rect)
            return
        if glyph.strip is not None:
            painter.drawImage(rect, glyph.strip)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if text and glyph.norm_text:
                self._paint_norm(painter, rect, f"‖{name}‖ = {glyph.norm_text}")
            return
        w = rect.width() / max(1, len(glyph.colors))
        painter.setFont(self.layout.number_font)
        for k, color in enumerate(glyph.colors):
            cell = QRectF(rect.left() + k * w, rect.top(), w, rect.height())
            painter.setPen(QPen(QColor("#505050"), 1.5))
            painter.setBrush(color)
            painter.drawRect(cell)
            if text:
                painter.setPen(text_color(color))
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, glyph.texts[k])

    def _paint_norm(self, painter: QPainter, rect: QRectF, text: str) -> None:
        """A strip's norm ‖h‖ = … on a light backing in its middle."""
        painter.setFont(self.layout.number_font)
        fm = QFontMetricsF(self.layout.number_font)
        w = fm.horizontalAdvance(text) + 10
        back = QRectF(rect.center().x() - w / 2, rect.top() + 3, w, rect.height() - 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(back, 4, 4)
        painter.setPen(INK)
        painter.drawText(back, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_captions(self, painter: QPainter, grey: bool) -> None:
        L, t = self.layout, self.data.t
        ink = QColor(theme.FUTURE_GREY) if grey else INK
        painter.setFont(L.caption_font)
        painter.setPen(ink)
        index = "\u209c" if self.rolled else sub(t)
        left = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        cap = QRectF(L.box.left() + 8, L.box.top() + 4, L.box.width() - 16, 30)
        painter.drawText(
            cap, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, "A" + index
        )
        for rect, name in ((L.x_node, "x"), (L.y_node, "y")):
            label = QRectF(rect.left() - 90, rect.top() - 10, 82, rect.height() + 20)
            painter.drawText(label, left, name + index)
        self._paint_row_labels(painter, index)
        if self.rolled or self.last:
            return
        x0, x1 = self._h_span()
        if L.c_row is not None:
            c_label = QRectF(x0, L.c_row.center().y() - 40, x1 - x0, 34)
            painter.drawText(c_label, Qt.AlignmentFlag.AlignCenter, "c" + index)
        label = QRectF(x0 - 20, self._arrow_y() - 44, x1 - x0 + 40, 36)
        if not self.backward:
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, "h" + index)

    def _paint_grad_label(self, painter: QPainter, lod: float) -> None:
        """Backward mode: ‖dh_t‖ right above its own leftward arrow (A_{t+1} → A_t), where
        forward mode writes h_t; larger when zoomed out, never wider than the gap."""
        L = self.layout
        x0, x1 = self._h_span()
        font = QFont(L.number_font)
        font.setBold(True)
        font.setPointSizeF(L.number_font.pointSizeF() * min(2.0, max(1.0, 0.6 / lod)))
        fm = QFontMetricsF(font)
        text = self.data.grad_text
        room = (L.dx - L.box.width()) + 10
        if fm.horizontalAdvance(text) > room:
            font.setPointSizeF(font.pointSizeF() * room / fm.horizontalAdvance(text))
            fm = QFontMetricsF(font)
        height = fm.height() + 4
        y = self._arrow_y() - 10 - height
        rect = QRectF((x0 + x1) / 2 - room / 2, y, room, height)
        painter.setFont(font)
        painter.setPen(INK)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_row_labels(self, painter: QPainter, index: str) -> None:
        L = self.layout
        painter.setFont(L.number_font)
        rows = [(L.h_row, "h")] + ([(L.c_row, "c")] if L.c_row is not None else [])
        for rect, name in rows:
            label = QRectF(
                L.box.left() + 2, rect.top(), rect.left() - L.box.left() - 4, rect.height()
            )
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, name)


def _arrow(painter: QPainter, a: QPointF, b: QPointF, head: float = 12.0) -> None:
    """A line from a to b with a filled arrowhead at b (brush = the head's colour)."""
    line_end = b
    length = math.hypot(b.x() - a.x(), b.y() - a.y())
    if length < 1e-6:
        return
    ux, uy = (b.x() - a.x()) / length, (b.y() - a.y()) / length
    line_end = QPointF(b.x() - ux * head * 0.8, b.y() - uy * head * 0.8)
    painter.drawLine(a, line_end)
    left = QPointF(b.x() - ux * head - uy * head * 0.5, b.y() - uy * head + ux * head * 0.5)
    right = QPointF(b.x() - ux * head + uy * head * 0.5, b.y() - uy * head - ux * head * 0.5)
    pen = painter.pen()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(QPolygonF([b, left, right]))
    painter.setPen(pen)


def paint_loss_marker(painter: QPainter, center: QPointF, r: float, font: QFont) -> None:
    """The loss L where the backward pass starts: a diamond with "L" in it (radius r)."""
    diamond = QPolygonF(
        [center + QPointF(dx * r, dy * r) for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0))]
    )
    painter.setPen(QPen(QColor("#5A3A00"), max(1.0, r / 8)))
    painter.setBrush(QColor(theme.CURSOR_COLOR))
    painter.drawPolygon(diamond)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(max(6, int(r * 0.95)))
    painter.setFont(bold)
    painter.setPen(INK)
    rect = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "L")


class TruncationCuts(QGraphicsItem):
    """Truncated BPTT: a dashed vertical line between A_{t−1} and A_t for t = k, 2k, …
    (no gradient crosses it), labelled "gradient cut (k = …)". One item for all cuts; it
    paints only the cuts in the exposed area, so T = 10,000 costs nothing extra."""

    def __init__(self):
        super().__init__()
        self.k: int | None = None
        self.T = 0
        self.layout: StepLayout | None = None
        self.setZValue(5)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_cuts(self, k: int | None, T: int, layout: StepLayout) -> None:
        self.prepareGeometryChange()
        self.k = k if k and 0 < k < T else None
        self.T, self.layout = T, layout
        self.setVisible(self.k is not None)
        self.update()

    def cut_steps(self) -> list[int]:
        """The steps t whose incoming gradient is cut: k, 2k, … < T."""
        return list(range(self.k, self.T, self.k)) if self.k else []

    def cut_x(self, t: int) -> float:
        """The scene x of the cut between A_{t−1} and A_t."""
        return (t - 0.5) * self.layout.dx

    def boundingRect(self) -> QRectF:
        if self.layout is None or not self.k:
            return QRectF()
        b = self.layout.bounds()
        return QRectF(-self.layout.dx, b.top(), (self.T + 1) * self.layout.dx, b.height())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if not self.k:
            return
        L, exposed = self.layout, option.exposedRect
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        pen = QPen(QColor(CUT_COLOR), 2.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        first = max(1, math.ceil((exposed.left() / L.dx + 0.5) / self.k))
        last = min((self.T - 1) // self.k, math.floor((exposed.right() / L.dx + 0.5) / self.k))
        top, bottom = L.bounds().top(), L.bounds().bottom()
        text = _tr("gradient cut (k = {k})").format(k=self.k)
        font = L.number_font
        width = QFontMetricsF(font).horizontalAdvance(text) + 12
        every = max(1, math.ceil(1.5 * width / (self.k * L.dx)))
        for m in range(first, last + 1):
            x = self.cut_x(m * self.k)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            if lod >= TEXT_LOD and m % every == 0:
                self._paint_label(painter, x, top, text, width, font)

    def _paint_label(self, painter, x: float, top: float, text: str, width: float, font):
        rect = QRectF(x - width / 2, top + 2, width, QFontMetricsF(font).height() + 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setFont(font)
        painter.setPen(QColor(CUT_COLOR))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def gradient_pen(norm: float, lo: float, hi: float) -> QPen:
    """Backward mode: the pen of an arrow carrying ‖dh_t‖ — thickness and colour by log10.

    ``lo``/``hi`` are the log10 range of the finite, positive norms. Zero norms (nothing
    flows back, e.g. cut by truncation) are thin and dashed; overflow is red and thick.
    """
    if not math.isfinite(norm):
        pen = QPen(QColor(theme.OVERFLOW_COLOR), 14.0)
        pen.setCosmetic(True)
        return pen
    if norm <= 0:
        pen = QPen(QColor(theme.FUTURE_GREY), 1.5)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        return pen
    u = 1.0 if hi <= lo else (math.log10(norm) - lo) / (hi - lo)
    u = min(1.0, max(0.0, u))
    color = theme.gradient_color(u)
    pen = QPen(QBrush(color), 1.5 + 12.0 * u)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setCosmetic(True)
    return pen


def _nice_scale(a, vmax: float) -> Scale:
    """±vmax, on a log-magnitude scale when the typical small magnitudes (10th percentile
    of the non-zero ones) lie more than LOG_DECADES decades below vmax."""
    if a is None:
        return Scale(vmax)
    a = np.abs(np.asarray(a, dtype=float))
    small = a[np.isfinite(a) & (a > 0)]
    if small.size == 0:
        return Scale(vmax)
    lo = float(np.percentile(small, 10))
    if lo <= 0 or math.log10(vmax / lo) <= LOG_DECADES:
        return Scale(vmax)
    return Scale(vmax, 10.0 ** math.floor(math.log10(lo)))


_SCALES_CACHE: list[tuple[object, dict]] = []


def value_scales(trace) -> dict[str, Scale]:
    """The colour scale of each quantity the views colour: x, h, c (LSTM) and y.

    Computed once per trace (several views ask after the same trace change; the
    percentiles cost milliseconds at T = 2000) and shared, read-only.

    h is bounded by tanh (LSTM, GRU, the tanh RNN): its scale is ±1, or the data's own
    smaller range when h stays small (a GRU that mostly keeps its state), so the strip is
    not washed out; for relu / identity it follows the data. c, x and y each have their
    own range (see :func:`_nice_range`). An unbounded quantity spanning many decades (the
    exploding demo: h from 1 to 10⁵) gets a log-magnitude scale (:class:`Scale`).
    """
    for cached, scales in _SCALES_CACHE:
        if cached is trace:
            return scales
    scales = _compute_scales(trace)
    _SCALES_CACHE[:] = [(trace, scales), *_SCALES_CACHE[:3]]
    return scales


def _compute_scales(trace) -> dict[str, Scale]:
    bounded = trace.cell != "rnn" or trace.activation == "tanh"
    h = percentile_range(trace.h)
    scales = {
        "x": _nice_scale(trace.x, percentile_range(trace.x)),
        "h": Scale(min(1.0, h)) if bounded else _nice_scale(trace.h, h),
        "y": _nice_scale(trace.y, percentile_range(trace.y)),
    }
    if trace.c is not None:
        scales["c"] = _nice_scale(trace.c, percentile_range(trace.c))
    return scales


def value_ranges(trace) -> dict[str, float]:
    """±vmax of each scale of :func:`value_scales`."""
    return {k: s.vmax for k, s in value_scales(trace).items()}


class StepDataBuilder:
    """Turns a trace (and its gradients) into the :class:`StepData` of any step t.

    Each quantity has its own diverging scale (:func:`value_ranges`): h ±1 for tanh, c, x
    and y their own, so a small h is not washed out by a large c; the legend shows them all.
    Backward mode: ‖dh_t‖ on a log10 scale between the smallest and largest finite norm.
    """

    def __init__(self, trace, grads, digits: int = 3, loss_steps=None):
        self.trace, self.grads, self.digits = trace, grads, digits
        self.scales = value_scales(trace)
        self.ranges = {k: s.vmax for k, s in self.scales.items()}
        self.palettes = {k: _cached_palette(v) for k, v in self.scales.items()}
        #: The steps whose output y_t carries a loss ℓ_t (all, or only the last).
        self.loss_steps = frozenset(range(trace.T) if loss_steps is None else loss_steps)
        self.grad_range = log_range(grads.dh_norm)
        self._bad = ~np.isfinite(trace.h).all(axis=1) | ~np.isfinite(trace.y).all(axis=1)

    def data(self, t: int) -> StepData:
        tr, pal, d = self.trace, self.palettes, self.digits
        c = VectorGlyph.of(tr.c[t], pal["c"], d) if tr.c is not None else None
        norm = float(self.grads.dh_norm[t])
        return StepData(
            t=t,
            x=VectorGlyph.of(tr.x[t], pal["x"], d),
            h=VectorGlyph.of(tr.h[t], pal["h"], d),
            y=VectorGlyph.of(tr.y[t], pal["y"], d),
            c=c,
            tips=LazyTips(self._tips, t, norm),
            grad_pen=gradient_pen(norm, *self.grad_range),
            grad_text=_short_number(norm, min(d, 3), 7),
            overflow=bool(self._bad[t]),
            loss=t in self.loss_steps,
        )

    def _tips(self, t: int, norm: float) -> dict:
        tr, s = self.trace, sub(t)
        grad = _tr("‖∂L/∂h{t}‖ = {v}").format(t=s, v=format_number(norm, self.digits))
        tips = {
            "x": f"x{s} = {vector_text(tr.x[t])}",
            "y": f"y{s} = {vector_text(tr.y[t])}",
            "cell": f"A{s}: h{s} = {vector_text(tr.h[t])}\n{grad}",
            "h_arrow": f"h{s} = {vector_text(tr.h[t])}\n{grad}",
        }
        if tr.c is not None:
            tips["c_line"] = f"c{s} = {vector_text(tr.c[t])}"
        return tips


def vector_text(values, limit: int = 8, digits: int = 4) -> str:
    """``[0.5370, 0.4621]`` — at most ``limit`` units, then how many more."""
    v = np.ravel(values)
    body = ", ".join(format_number(x, digits) for x in v[:limit])
    more = _tr(", … ({n} units)").format(n=v.size) if v.size > limit else ""
    return f"[{body}{more}]"


def log_range(norms) -> tuple[float, float]:
    """log10 of the smallest and largest finite positive norm (a span of at least 1)."""
    n = np.asarray(norms, dtype=float)
    good = n[np.isfinite(n) & (n > 0)]
    if good.size == 0:
        return -1.0, 0.0
    lo, hi = float(np.log10(good.min())), float(np.log10(good.max()))
    return (hi - 1.0, hi) if hi - lo < 1e-9 else (lo, hi)
