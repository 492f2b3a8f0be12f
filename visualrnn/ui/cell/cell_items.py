"""Scene items of the cell diagram: value/gate boxes with bars per unit, operations, wires."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from ...engine.cell_diagrams import GATE_H, GATE_W, OP_R, VALUE_H, VALUE_W, Box
from ..common import theme
from ..common.color_scales import Palette, Scale, as_scale
from ..common.number_format import format_number, number_settings
from ..common.painting import (
    INK,
    draw_arrow,
    fitting_font,
    overflow_short,
    short_number,
    vector_norm,
)

_SUBS = str.maketrans("t−1+0123456789", "ₜ₋₁₊₀₁₂₃₄₅₆₇₈₉")
GATE_FILL = {"σ": QColor("#FDE7C2"), "tanh": QColor("#D9E8F5"), "out": QColor("#E4F1E0")}


def pretty(title: str) -> str:
    """``h_{t−1}`` → ``hₜ₋₁``, ``x_t`` → ``xₜ`` (Unicode subscripts)."""
    if "_{" in title:
        head, rest = title.split("_{", 1)
        return head + rest.rstrip("}").translate(_SUBS)
    if title.endswith("_t"):
        return title[:-2] + "ₜ"
    return title


def _tr(text: str) -> str:
    return QCoreApplication.translate("CellInternalsView", text)


@lru_cache(maxsize=32)
def _palette(scale: Scale) -> Palette:
    return Palette(scale)


class _Sequential:
    """The sequential map (gates, 0 … 1) as a 256-entry lookup table."""

    _colors: list | None = None

    @classmethod
    def table(cls) -> list:
        if cls._colors is None:
            cmap = theme.colormap(theme.SEQUENTIAL_MAP)
            cls._colors = [cmap.map(k / 255, mode="qcolor") for k in range(256)]
        return cls._colors

    @classmethod
    def color(cls, u: float) -> QColor:
        if not math.isfinite(u):
            return QColor(theme.OVERFLOW_COLOR)
        return cls.table()[int(min(1.0, max(0.0, u)) * 255)]

    @classmethod
    def colors_of(cls, values: np.ndarray) -> list:
        """The colours of a vector of gate values (overflow for non-finite ones)."""
        table = cls.table()
        u = np.clip(np.nan_to_num(values, nan=0.0), 0.0, 1.0)
        out = [table[k] for k in (u * 255).astype(np.intp).tolist()]
        for k in np.flatnonzero(~np.isfinite(values)).tolist():
            out[k] = QColor(theme.OVERFLOW_COLOR)
        return out


class BarsItem(QGraphicsItem):
    """A vector as one bar per unit; gates as a σ / tanh box showing their output.

    Hovering a bar highlights that unit here and in every other box of the same size
    (through ``on_hover(unit)``), and its value is in the tooltip.
    """

    TITLE = 34.0

    def __init__(self, spec: Box, on_hover=None):
        super().__init__()
        self.spec = spec
        self.values: np.ndarray | None = None
        self.vmax = 1.0
        self.scale = Scale(1.0)
        self._bars: list = []
        self.hover_unit: int | None = None
        self._on_hover = on_hover
        w, h = (GATE_W, GATE_H) if spec.act else (VALUE_W, VALUE_H)
        self.rect = QRectF(-w / 2, -h / 2, w, h)
        self.setPos(*spec.center)
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self._frame = _BoxFrame(self)
        self.set_fonts()

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-3, -3, 3, 3)

    def set_values(self, values, vmax=1.0) -> None:
        """Show ``values`` (H,) on the scale ``vmax`` (a ±vmax or a :class:`Scale`, maybe
        log-magnitude; gates 0 … 1); bars and colours are laid out here, once per step, so
        that painting only replays them."""
        values = None if values is None else np.ravel(np.asarray(values, dtype=float))
        scale = as_scale(vmax)
        old = self.values
        if scale == self.scale and _same(values, old):
            return
        self.values, self.vmax, self.scale = values, scale.vmax, scale
        self._bars = self._layout_bars() if values is not None and self.spec.act != "out" else []
        self.update()

    def _layout_bars(self) -> list:
        """(rect, colour) of every bar of the current values (a plain loop: for a few dozen
        units it is faster than NumPy's per-call overhead)."""
        r = self.bars_rect()
        values = self.values.tolist()
        w = r.width() / max(1, len(values))
        pad = 1.0 if w > 4 else 0.0
        width = max(1.0, w - 2 * pad)
        gate, scale, left = self.spec.gate, self.scale, r.left() + pad
        half, middle, bottom = r.height() / 2, r.center().y(), r.bottom()
        table = _Sequential.table() if gate else _palette(scale).colors
        overflow = QColor(theme.OVERFLOW_COLOR)
        bars = []
        for k, value in enumerate(values):
            x = left + k * w
            if not math.isfinite(value):
                bars.append((QRectF(x, r.top(), width, r.height()), overflow))
            elif gate:
                u = min(1.0, max(0.0, value))
                rect = QRectF(x, bottom - u * r.height(), width, u * r.height())
                bars.append((rect, table[int(u * 255)]))
            else:
                u = scale.unit_of(value)
                height = abs(u) * half
                top = middle - height if value > 0 else middle
                color = table[int(min(1.0, max(0.0, 0.5 + 0.5 * u)) * 255)]
                bars.append((QRectF(x, top, width, height), color))
        return bars

    def set_hover_unit(self, unit: int | None) -> None:
        if unit != self.hover_unit:
            self.hover_unit = unit
            self.update()

    def set_fonts(self) -> None:
        self.title_font = theme.scaled_font(20.0, True)
        self.number_font = theme.scaled_font(17.0)
        self._frame.update()
        self.update()

    # ---------------------------------------------------------------- geometry
    def bars_rect(self) -> QRectF:
        r = self.rect.adjusted(8, self.TITLE + 4, -8, -8)
        if self.values is not None and (self.values.size <= 2 or not self.spec.act):
            r.setBottom(r.bottom() - 30)
        return r

    def unit_at(self, pos: QPointF) -> int | None:
        if self.values is None or self.values.size == 0:
            return None
        r = self.rect.adjusted(8, self.TITLE, -8, 0)
        if not r.contains(pos):
            return None
        k = int((pos.x() - r.left()) / r.width() * self.values.size)
        return min(self.values.size - 1, max(0, k))

    def hoverMoveEvent(self, event) -> None:
        k = self.unit_at(event.pos())
        if k is None:
            self.setToolTip(self._box_tip())
        else:
            v = format_number(self.values[k], max(4, number_settings().digits))
            self.setToolTip(f"{pretty(self.spec.title)}[{k}] = {v}")
        if self._on_hover is not None:
            self._on_hover(k if self.values is not None and self.values.size else None, self)
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        if self._on_hover is not None:
            self._on_hover(None, self)
        super().hoverLeaveEvent(event)

    def _box_tip(self) -> str:
        if self.spec.act == "out":
            return QCoreApplication.translate(
                "CellInternalsView", "the output layer: y = h · Wᵧ + bᵧ"
            )
        return pretty(self.spec.title)

    # ---------------------------------------------------------------- painting
    def paint(self, painter: QPainter, option, widget=None) -> None:
        """The bars (the box and its title are the :class:`_BoxFrame` behind them)."""
        if self.spec.act == "out":
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.values is None:
            painter.setPen(QColor(theme.FUTURE_GREY))
            painter.setFont(self.number_font)
            painter.drawText(self.bars_rect(), Qt.AlignmentFlag.AlignCenter, "—")
            return
        self._paint_bars(painter)

    def paint_frame(self, painter: QPainter) -> None:
        """The rounded box, filled by its kind, and its title."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = GATE_FILL.get(self.spec.act, GATE_FILL["tanh"] if self.spec.act else QColor("white"))
        painter.setPen(QPen(QColor("#303030"), 2.5 if self.spec.act else 1.5))
        painter.setBrush(fill)
        radius = 14 if self.spec.act else 6
        painter.drawRoundedRect(self.rect, radius, radius)
        self._paint_title(painter)

    def _paint_title(self, painter: QPainter) -> None:
        painter.setFont(self.title_font)
        painter.setPen(INK)
        title = QRectF(self.rect.left(), self.rect.top() + 2, self.rect.width(), self.TITLE)
        text = pretty(self.spec.title)
        if self.spec.act and self.spec.act != "out":
            text = f"{self.spec.act} {text}"
        elif self.spec.act == "out":
            title = self.rect
            text = QCoreApplication.translate("CellInternalsView", "output")
        # a larger text size or a longer translation shrinks the title, never clips it
        painter.setFont(fitting_font(self.title_font, text, title.width() - 6, title.height()))
        painter.drawText(title, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_bars(self, painter: QPainter) -> None:
        v, r = self.values, self.bars_rect()
        n = max(1, v.size)
        w = r.width() / n
        base = r.bottom() if self.spec.gate else r.center().y()
        painter.setPen(QPen(QColor("#909090"), 1))
        painter.drawLine(QPointF(r.left(), base), QPointF(r.right(), base))
        painter.setPen(Qt.PenStyle.NoPen if n > 16 else QPen(QColor("#404040"), 1))
        for bar, color in self._bars:
            painter.setBrush(color)
            painter.drawRect(bar)
        if self.hover_unit is not None and self.hover_unit < v.size:
            painter.setPen(QPen(QColor(theme.CURSOR_COLOR), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(r.left() + self.hover_unit * w, r.top(), w, r.height()))
        if v.size <= 2:
            self._paint_numbers(painter, r, w)
        elif not self.spec.act:
            self._paint_norm(painter, r)

    def _paint_numbers(self, painter: QPainter, r: QRectF, w: float) -> None:
        """The values under their bars (the app's digits), the font shrunk to fit."""
        digits = number_settings().digits
        for k, value in enumerate(self.values):
            text = short_number(value, digits, digits + 4)
            cell = QRectF(r.left() + k * w, r.bottom() + 2, w, 30)
            painter.setFont(fitting_font(self.number_font, text, cell.width() - 4, 30))
            painter.setPen(QColor(theme.OVERFLOW_COLOR) if text == overflow_short() else INK)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_norm(self, painter: QPainter, r: QRectF) -> None:
        """A value box with many units: its norm ‖v‖ under the bars (always a number)."""
        norm = short_number(vector_norm(self.values), number_settings().digits)
        text = f"‖{pretty(self.spec.title)}‖ = {norm}"
        cell = QRectF(r.left(), r.bottom() + 2, r.width(), 30)
        painter.setFont(fitting_font(self.number_font, text, cell.width() - 4, 30))
        painter.setPen(QColor(theme.OVERFLOW_COLOR) if norm == overflow_short() else INK)
        painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)


class _BoxFrame(QGraphicsItem):
    """A :class:`BarsItem`'s box and title, behind its bars: they change only with the
    text size, so they are kept as a pixmap while the bars are redrawn every step."""

    def __init__(self, box: BarsItem):
        super().__init__(box)
        self._box = box
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._box.boundingRect()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._box.paint_frame(painter)


def _same(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Whether two value vectors are identical (NaN equal to NaN), None only to None."""
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and np.array_equal(a, b, equal_nan=True)


class OpItem(QGraphicsItem):
    """A pointwise operation: a circle with ×, +, tanh or 1−."""

    def __init__(self, text: str, center: tuple[float, float]):
        super().__init__()
        self.text = text
        self.setPos(*center)
        self.setZValue(2)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # never changes
        self.font = theme.scaled_font(18.0 if len(text) <= 2 else 15.0, True)
        #: Half the width: "tanh" gets a wider oval so that its text is readable.
        self.half_w = OP_R if len(text) <= 2 else OP_R + 16
        tips = {
            "×": QCoreApplication.translate("CellInternalsView", "pointwise product ⊙"),
            "+": QCoreApplication.translate("CellInternalsView", "sum"),
            "1−": QCoreApplication.translate("CellInternalsView", "1 − z"),
        }
        self.setToolTip(
            tips.get(text, QCoreApplication.translate("CellInternalsView", "pointwise tanh"))
        )

    def boundingRect(self) -> QRectF:
        return QRectF(-self.half_w - 2, -OP_R - 2, 2 * self.half_w + 4, 2 * OP_R + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#303030"), 2))
        painter.setBrush(QColor("#FFF6D6"))
        r = QRectF(-self.half_w, -OP_R, 2 * self.half_w, 2 * OP_R)
        painter.drawEllipse(r)
        painter.setFont(self.font)
        painter.setPen(INK)
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.text)


class WireItem(QGraphicsItem):
    """A polyline with an arrowhead at its end; ``main`` for the c / h conveyor."""

    def __init__(self, points, main: bool = False, arrow: bool = True):
        super().__init__()
        self.points = [QPointF(*p) for p in points]
        self.main, self.arrow = main, arrow
        path = QPainterPath(self.points[0])
        for p in self.points[1:]:
            path.lineTo(p)
        self._path = path
        self.setZValue(1)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # never changes

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-14, -14, 14, 14)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor("#6A3D9A") if self.main else QColor("#404040")
        painter.setPen(QPen(color, 6 if self.main else 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for a, b in zip(self.points[:-2], self.points[1:-1], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(color)
        if self.arrow:
            draw_arrow(painter, self.points[-2], self.points[-1], head=16 if self.main else 13)
        else:
            painter.drawLine(self.points[-2], self.points[-1])
