"""The Help menu: the glossary of every term and symbol on screen, and About VisualRNN."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox, QTextBrowser, QVBoxLayout

from ... import __version__
from ...resource_paths import icon_file
from ..common.glossary import ENTRIES, entry
from ..common.theme import scaled_font


class HelpMenu(QMenu):
    """Glossary (F1) and About."""

    def __init__(self, window: QMainWindow):
        super().__init__(QCoreApplication.translate("MainWindow", "&Help"), window)
        self._window = window
        self.glossary_action = QAction(self.tr("Glossary: the symbols and terms"), self)
        self.glossary_action.setShortcut(QKeySequence("F1"))
        self.glossary_action.triggered.connect(self.show_glossary)
        window.addAction(self.glossary_action)
        self.addAction(self.glossary_action)
        about = self.addAction(self.tr("About VisualRNN"))
        about.triggered.connect(self.show_about)
        self.glossary: QDialog | None = None

    def show_glossary(self) -> None:
        """Every term the screens use, with its definition, in the interface's language."""
        dialog = QDialog(self._window)
        dialog.setWindowTitle(self.tr("Glossary"))
        text = QTextBrowser(dialog)
        text.setFont(scaled_font(13))
        rows = (entry(key) for key in ENTRIES)
        text.setHtml("".join(f"<p><b>{term}</b><br>{body}</p>" for term, body in rows))
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        dialog.resize(640, 560)
        dialog.open()
        self.glossary = dialog  # keep a reference while it is open

    def show_about(self) -> None:
        box = QMessageBox(self._window)
        box.setWindowTitle(self.tr("About VisualRNN"))
        box.setIconPixmap(QIcon(str(icon_file())).pixmap(96, 96))
        box.setText(self.tr("<b>VisualRNN {0}</b>").format(__version__))
        box.setInformativeText(
            self.tr(
                "See a recurrent neural network think, one time step at a time: the "
                "unrolled network, the inside of the cell, the equations with this step's "
                "numbers, the gates and states, and the gradient flowing back in time."
            )
        )
        box.open()
        self._about = box
