"""While a text box has the keyboard, ← and → move its text cursor, not the lesson's step.

The text boxes of the sequence editor say so when they get the focus (a status-bar hint),
and Esc hands the keyboard back to the window, so ← / → step again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QWidget


class EscapeToStep(QObject):
    """Event filter for the text boxes of ``window``: a hint on focus, Esc to step again."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window

    def watch(self, *boxes: QWidget) -> None:
        hint = QCoreApplication.translate(
            "SequenceEditor", "Typing: ← → move in the text. Esc: back to stepping with ← →."
        )
        for box in boxes:
            box.installEventFilter(self)
            box.setToolTip(f"{box.toolTip()}\n{hint}".strip())

    def eventFilter(self, box, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.FocusIn:
            self._show_hint()
        elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            box.clearFocus()
            main = self._window.window()
            if isinstance(main, QMainWindow) and main.centralWidget() is not None:
                main.centralWidget().setFocus()
            return True
        return False

    def _show_hint(self) -> None:
        main = self._window.window()
        if isinstance(main, QMainWindow):
            text = QCoreApplication.translate(
                "SequenceEditor", "Typing in the sequence: Esc, then ← / → to step."
            )
            main.statusBar().showMessage(text, 4000)
