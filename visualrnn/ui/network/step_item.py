"""One time step of the unrolled network as a scene item (textbook Fig. 8.2).

A :class:`StepItem` paints everything of step t: the input x_t below, the cell A_t with h_t
(and c_t when the cell has a memory state) inside, the output y_t above, the arrow h_t to the
next cell and the c_t conveyor line along the top. The view keeps a small pool of them and
re-binds them to whichever steps are visible, so T = 10,000 costs no more than T = 20.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ..common import theme
from ..common.painting import (
    INK,
    draw_arrow,
    fitting_font,
    paint_loss_marker,
    sub,
    text_color,
)
from .step_data import StepData
from .step_layout import LOSS_INK, LOSS_R, TEXT_LOD, StepLayout, VectorGlyph

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
        # No pixmap cache: with ~2.4 steps in view a cursor step restyles or rebinds nearly
        # every visible item, and re-rendering a cache (clear, paint, blend) cost 0.7–1.6 ms
        # more per step than painting directly; a frame of the pulses costs ~1 ms without it.

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
        return parts | {"c_line"} if self.layout.c_row is not None else parts

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
            future = QCoreApplication.translate("UnrolledNetworkView", "not reached yet")
            self.setToolTip(future if part else "")
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
        draw_arrow(painter, QPointF(0, L.x_node.top()), QPointF(0, L.box.bottom()))
        if self.backward and not self.rolled:
            self._paint_y_gradient(painter)
        else:
            draw_arrow(painter, QPointF(0, L.box.top()), QPointF(0, L.y_node.bottom()))
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
        draw_arrow(painter, top, bottom, head=14.0)
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
        if self.backward and self.last and not self.rolled:
            return  # nothing comes back from a step after the last one
        if self.backward and self.data.grad_pen is not None:
            pen = QPen(self.data.grad_pen)
            if self.sweep:
                pen.setColor(QColor(theme.CURSOR_COLOR))
            painter.setPen(pen)
            painter.setBrush(pen.color())
            scale = max(1e-6, painter.worldTransform().m11())
            head = min((7 + 0.5 * pen.widthF()) / scale, (x1 - x0) * 0.3)
            draw_arrow(painter, QPointF(x1, y), QPointF(x0, y), head=head)
            return
        painter.setPen(pen)
        painter.setBrush(pen.color())
        draw_arrow(painter, QPointF(x0, y), QPointF(x1, y))

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
            draw_arrow(painter, QPointF(L.box.left() - out, y), QPointF(L.box.left(), y))

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
            if text:  # a long label ("灰色 100%") shrinks to its box, never clipped
                painter.setPen(text_color(color))
                font = fitting_font(self.layout.number_font, glyph.texts[k], cell.width() - 4)
                painter.setFont(font)
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
        height = QFontMetricsF(L.caption_font).height() + 4  # any text size: never clipped
        cap = QRectF(L.box.left() + 8, L.box.top() + 4, L.box.width() - 16, height)
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
        if self.last:  # the last step's gradient enters from its loss, through y_t
            top = (L.y_node.bottom() + L.box.top()) / 2 - height / 2
            rect = QRectF(8, top, fm.horizontalAdvance(text) + 8, height)
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
