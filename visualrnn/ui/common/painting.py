"""Painting helpers shared by the scene views: arrows, the loss marker, numbers that fit a box."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
)

from . import theme
from .number_format import OVERFLOW, format_number

SUBSCRIPT = str.maketrans("0123456789-", "₀₁₂₃₄₅₆₇₈₉₋")


INK = QColor("#202020")


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnrolledNetworkView", text)


def sub(index: int) -> str:
    """``3`` → ``₃`` (subscript digits)."""
    return str(index).translate(SUBSCRIPT)


def vector_norm(v: np.ndarray) -> float:
    """‖v‖₂ for display, scaled so that huge values do not overflow (inf if any is)."""
    if not np.isfinite(v).all():
        return math.inf
    m = float(np.abs(v).max()) if v.size else 0.0
    return m * float(np.linalg.norm(v / m)) if m > 0 else 0.0


def number_width(digits: int) -> int:
    """How many characters a number in a node's box may take at ``digits`` digits."""
    return digits + 3


def overflow_short() -> str:
    """ "overflow" as a node's box writes it: "ovf" (Chinese: 溢出)."""
    return QCoreApplication.translate("UnrolledNetworkView", "ovf")


def short_number(x: float, digits: int, width: int | None = None) -> str:
    """A number that fits a node's box: at most ``width`` characters (Unicode minus)."""
    width = number_width(digits) if width is None else width
    text = format_number(x, digits)
    if text == OVERFLOW:
        return overflow_short()
    while len(text) > width and digits > 1:
        digits -= 1
        text = format_number(x, digits)
    if len(text) > width:
        text = f"{x:.0e}".replace("e-0", "e-").replace("e+0", "e").replace("e+", "e")
    return text.replace("-", "\u2212")


def draw_arrow(painter: QPainter, a: QPointF, b: QPointF, head: float = 12.0) -> None:
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


def text_color(fill: QColor) -> QColor:
    return INK if fill.lightnessF() > 0.5 else QColor("white")


def vector_text(values, limit: int = 8, digits: int = 4) -> str:
    """``[0.5370, 0.4621]`` — at most ``limit`` units, then how many more."""
    v = np.ravel(values)
    body = ", ".join(format_number(x, digits) for x in v[:limit])
    more = (
        QCoreApplication.translate("UnrolledNetworkView", ", … ({n} units)").format(n=v.size)
        if v.size > limit
        else ""
    )
    return f"[{body}{more}]"


_FITTED: dict[tuple, QFont] = {}


def fitting_font(font: QFont, text: str, width: float, height: float | None = None) -> QFont:
    """``font``, or a smaller copy of it if ``text`` would be wider than ``width`` (or
    taller than ``height``): a larger text size never clips a label inside a box.

    Remembered per (font, text, box): every box's title is fitted on every repaint."""
    key = (font.key(), text, width, height)
    fitted = _FITTED.get(key)
    if fitted is None:
        if len(_FITTED) > 2048:  # values change every step: keep the memory bounded
            _FITTED.clear()
        fitted = _FITTED[key] = _fit(font, text, width, height)
    return fitted


def _fit(font: QFont, text: str, width: float, height: float | None) -> QFont:
    metrics = QFontMetricsF(font)
    ratio = min(width / max(metrics.horizontalAdvance(text), 1e-9), 1.0)
    if height is not None:
        ratio = min(ratio, height / metrics.height())
    if ratio >= 1.0:
        return QFont(font)
    smaller = QFont(font)
    smaller.setPointSizeF(max(6.0, font.pointSizeF() * ratio))
    return smaller
