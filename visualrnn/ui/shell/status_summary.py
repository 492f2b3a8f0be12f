"""The status bar's one-line summary of the lesson, drawn without re-laying out the window,
and the position part of it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget


class StatusSummary(QWidget):
    """Like a QLabel showing plain text, but a new text only repaints this widget.

    A QLabel asks its parents to lay out again on every ``setText``; in the status bar that
    re-laid out and repainted the whole main window on every step and slider move.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming, like QLabel)
        if text != self._text:
            self._text = text
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(400, self.fontMetrics().height() + 4)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        rect = self.rect().adjusted(2, 0, -2, 0)
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().height() + 4)


_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def position_text(cursor: int, T: int) -> str:
    """ "step 2 / 2 · cell A₁ (t = 1)": steps taken, and the cell shown with its time index."""
    translate = QCoreApplication.translate
    text = translate("MainWindow", "step {0} / {1}").format(cursor, T)
    if cursor == 0:
        return text + translate("MainWindow", " · no step taken yet")
    cell = str(cursor - 1).translate(_SUBSCRIPT)
    return text + translate("MainWindow", " · cell A{0} (t = {1})").format(cell, cursor - 1)
