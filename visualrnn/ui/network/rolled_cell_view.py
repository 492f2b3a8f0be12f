"""The rolled form of the network (textbook Fig. 8.1): one cell A whose h loops back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QSizePolicy, QWidget

from ..common import theme
from ..common.number_format import number_settings
from .step_data import StepDataBuilder, node_sizes, text_of
from .step_item import CURRENT, FUTURE, StepItem
from .step_layout import StepLayout


class RolledCellView(QGraphicsView):
    """One cell with a loop, showing the current step's x_t, h_t (c_t) and y_t."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("#FBFBF8"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.item: StepItem | None = None
        self._stale = False
        session.trace_changed.connect(self._on_trace_changed)
        session.cursor_changed.connect(self._on_cursor_changed)
        theme.font_scale().scale_changed.connect(self._on_scale_changed)
        number_settings().digits_changed.connect(self._on_scale_changed)  # the Digits setting
        self._on_trace_changed()

    def _on_trace_changed(self) -> None:
        tr = self._session.trace
        digits = number_settings().digits
        text = text_of(self._session)
        I, O = node_sizes(tr, text)  # noqa: E741
        layout = StepLayout.build(tr.cell, tr.H, I, O, digits)
        if self.item is None:
            self.item = StepItem(layout, rolled=True)
            self._scene.addItem(self.item)
        self.item.set_layout(layout)
        self._builder = StepDataBuilder(tr, self._session.grads, digits, text=text)
        self._scene.setSceneRect(self.item.boundingRect())
        self._fit_width()
        self._on_cursor_changed(self._session.cursor)

    def _fit_width(self) -> None:
        """As wide as the cell needs at the view's height (so it is drawn at the same
        scale as the unrolled network beside it), at most 40 % of the panel."""
        rect = self._scene.sceneRect()
        width = self.height() * rect.width() / max(1.0, rect.height())
        parent = self.parentWidget()
        if parent is not None:
            width = min(width, 0.4 * parent.width())
        width = int(max(160 * theme.font_scale().scale, width))
        if abs(width - self.width()) > 3:
            self.setFixedWidth(width)

    def _on_cursor_changed(self, cursor: int) -> None:
        if self.isHidden():  # hidden unless "Rolled" is on: catch up in setVisible
            self._stale = True
            return
        self._stale = False
        t = max(0, cursor - 1)
        self.item.bind(self._builder.data(t), last=True)
        self.item.setPos(0, 0)
        self.item.set_state(CURRENT if cursor > 0 else FUTURE)

    def _on_scale_changed(self, _scale: float) -> None:
        self._on_trace_changed()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().height() != event.size().height():
            self._fit_width()
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt override)
        super().setVisible(visible)
        if visible and self._stale:
            self._on_cursor_changed(self._session.cursor)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_width()
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
