"""The File menu: load and save PyTorch-layout weights, save the computed trace, quit.

Each action is a dialog in front of a plain method (``load_weights(path)`` …) that does the
work and reports through ``reported(message, is_error)``; tests call the methods directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from ...engine import WeightFileError, load_weights, save_weights
from ...engine.export import save_trace

WEIGHT_FILTER = QT_TRANSLATE_NOOP("FileMenu", "Weights (*.safetensors *.npz)")
TRACE_FILTER = QT_TRANSLATE_NOOP("FileMenu", "Trace (*.npz)")


class FileMenu(QMenu):
    """File → Load weights…, Save weights…, Save trace…, Quit.

    Signals
    -------
    reported(str, bool) : a one-line message for the status bar, and whether it is an error.
    """

    reported = Signal(str, bool)

    def __init__(self, session, parent: QWidget):
        super().__init__(QCoreApplication.translate("MainWindow", "&File"), parent)
        self._session = session
        self._add(self.tr("Load weights…"), self._on_load, QKeySequence.StandardKey.Open)
        self._add(self.tr("Save weights…"), self._on_save, QKeySequence.StandardKey.Save)
        self._add(self.tr("Save trace (npz)…"), self._on_save_trace)
        self.addSeparator()
        self._add(self.tr("Quit"), parent.close, QKeySequence.StandardKey.Quit)

    def _add(self, text: str, slot, key=None) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ---------------------------------------------------------------- the work
    def load_weights(self, path: str) -> bool:
        """Use the weights in ``path``; a refused file leaves the lesson as it was."""
        try:
            model = load_weights(path)
        except WeightFileError as exc:
            self.reported.emit(str(exc), True)
            return False
        if not self._session.load_model(model):
            return False  # the session reported why (e.g. input size mismatch)
        self.reported.emit(self.tr("Loaded {0}").format(Path(path).name), False)
        return True

    def save_weights(self, path: str) -> bool:
        return self._write(save_weights, self._session.model, path)

    def save_trace(self, path: str) -> bool:
        return self._write(save_trace, self._session.result, path)

    def _write(self, writer, what, path: str) -> bool:
        try:
            writer(what, path)
        except (OSError, ValueError) as exc:
            self.reported.emit(self.tr("Could not save {0}: {1}").format(path, exc), True)
            return False
        self.reported.emit(self.tr("Saved {0}").format(Path(path).name), False)
        return True

    # ---------------------------------------------------------------- the dialogs
    def _on_load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parentWidget(), self.tr("Load weights"), "", self.tr(WEIGHT_FILTER)
        )
        if path:
            self.load_weights(path)

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parentWidget(),
            self.tr("Save weights"),
            "weights.safetensors",
            self.tr(WEIGHT_FILTER),
        )
        if path:
            self.save_weights(path)

    def _on_save_trace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parentWidget(), self.tr("Save trace"), "trace.npz", self.tr(TRACE_FILTER)
        )
        if path:
            self.save_trace(path)
