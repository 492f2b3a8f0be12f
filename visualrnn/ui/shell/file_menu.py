"""The File menu: lessons (New, Open…, Open Recent ▸, Save, Save As…), weights and the
trace, the figure of the panel in front, Quit.

Each action is a dialog in front of a plain method (``load_weights(path)``,
``lessons.open(path)`` …) that does the work and reports through ``reported(message,
is_error)``; tests call the methods directly or trigger the actions with the dialogs
patched.
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
LESSON_FILTER = QT_TRANSLATE_NOOP("FileMenu", "Lessons (*.vrnn *.json);;All files (*)")


class FileMenu(QMenu):
    """File → New, Open…, Open Recent ▸, Save, Save As…, Load weights…, Save weights…,
    Save trace…, Figure ▸, Quit.

    Parameters
    ----------
    session : LessonSession
    parent : the main window.
    lessons : the window's :class:`~.lesson_files.LessonFiles` (None: no lesson entries).
    figures : the window's :class:`~visualrnn.ui.common.figure_menu.FigureMenus` (None: no
        Figure submenu).

    Signals
    -------
    reported(str, bool) : a one-line message for the status bar, and whether it is an error.
    """

    reported = Signal(str, bool)

    def __init__(self, session, parent: QWidget, lessons=None, figures=None):
        super().__init__(QCoreApplication.translate("MainWindow", "&File"), parent)
        self._session = session
        self.lessons, self.figures = lessons, figures
        if lessons is not None:
            self._add_lesson_actions()
        self._add(self.tr("Load weights…"), self._on_load)
        self._add(self.tr("Save weights…"), self._on_save)
        self._add(self.tr("Save trace (npz)…"), self._on_save_trace)
        if figures is not None:
            self.addSeparator()
            self.figure_menu = self.addMenu(self.tr("Figure of the panel in front"))
            self.figure_menu.aboutToShow.connect(self._fill_figure_menu)
        self.addSeparator()
        self.quit_action = self._add(self.tr("Quit"), parent.close, QKeySequence.StandardKey.Quit)

    def _add_lesson_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._add(self.tr("New lesson"), self._on_new, keys.New)
        self.open_action = self._add(self.tr("Open lesson…"), self._on_open, keys.Open)
        self.recent_menu = self.addMenu(self.tr("Open recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.save_action = self._add(self.tr("Save lesson"), self.lessons.save, keys.Save)
        self.save_as_action = self._add(self.tr("Save lesson as…"), self._on_save_as, keys.SaveAs)
        self.save_as_action.setShortcuts([QKeySequence("Ctrl+Shift+S")])
        self.addSeparator()

    def _add(self, text: str, slot, key=None) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
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
        if self.lessons is not None:
            self.lessons.weights_loaded(Path(path).name)
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

    # ---------------------------------------------------------------- lessons
    def fill_recent_menu(self) -> None:
        """One entry per recent lesson (newest first), or a disabled "No recent lessons"."""
        self.recent_menu.clear()
        paths = self.lessons.recent_lessons()
        for k, path in enumerate(paths, 1):
            action = self.recent_menu.addAction(f"&{k % 10}  {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.lessons.open(p))
        if not paths:
            self.recent_menu.addAction(self.tr("No recent lessons")).setEnabled(False)

    def _on_new(self) -> None:
        self.lessons.new()

    def _on_open(self) -> None:
        if not self.lessons.may_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.parentWidget(), self.tr("Open lesson"), "", self.tr(LESSON_FILTER)
        )
        if path:
            self.lessons.open(path, ask=False)  # asked above, before the dialog

    def _on_save_as(self) -> None:
        path = self.lessons.ask_save_path()
        if path:
            self.lessons.save_as(path)

    def _fill_figure_menu(self) -> None:
        self.figure_menu.clear()
        panel = self.figures.current_panel()
        if panel is not None:
            title = self.tr("Panel: {0}").format(self.figures.titles.get(panel, ""))
            self.figure_menu.addAction(title).setEnabled(False)
            self.figure_menu.addSeparator()
            self.figures.fill(self.figure_menu, panel)

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
