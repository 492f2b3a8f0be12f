"""Truncated BPTT on the unrolled network: the dashed cut lines between chunks."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from ..common.theme import CUT_COLOR
from .step_layout import TEXT_LOD, StepLayout


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
        text = QCoreApplication.translate("UnrolledNetworkView", "gradient cut (k = {k})")
        text = text.format(k=self.k)
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
