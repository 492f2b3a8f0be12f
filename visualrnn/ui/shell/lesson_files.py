"""The lesson on screen as a document: its file (or read-only preset), its name for the
title bar, whether it changed since it was opened or saved, New / Open / Save / Save As,
the recent lessons, and asking before unsaved changes are dropped.

**What counts as a change**: any edit the session accepted (``config_changed``: input,
targets, cell, sizes, seed, loaded weights, gradient-lab settings …) that leaves the lesson
different from the one last opened or saved — an edit undone by hand is no change. Moving
the cursor, playing, switching panels or text size are not changes (the cursor and the front
panel are still saved with the lesson). A rejected edit (the session keeps the old lesson)
is no change either.

Presets are read-only lessons: Save on a preset asks for a new file (Save As). Asking
before dropping changes (:meth:`LessonFiles.may_discard`) is on in the app
(``confirm_unsaved``) and off by default, so that windows built by scripts and tests never
wait for a dialog.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...session.lesson_file import (
    LESSON_SUFFIX,
    LessonFileError,
    LessonState,
    open_lesson,
    save_lesson,
)
from ...session.presets import DEFAULT_PRESET
from .preferences import MAX_RECENT, Preferences


class LessonFiles(QObject):
    """The window's lesson document.

    Signals
    -------
    changed() : the name, the file, read-only or the modified mark changed (title bar).
    reported(str, bool) : a one-line message for the status bar, and whether it is an error.
    opened(object) : a lesson was put on screen; carries its LessonState (the window brings
        its panel to the front).
    """

    changed = Signal()
    reported = Signal(str, bool)
    opened = Signal(object)

    def __init__(self, session, presets: dict, window: QWidget):
        super().__init__(window)
        self.session, self.presets, self.window = session, presets, window
        self.path: str | None = None
        self.preset: str | None = next(
            (name for name, p in presets.items() if p.config == session.config), None
        )
        self.title = self.presets[self.preset].title if self.preset else ""
        self.description = ""
        self.modified = False
        #: A preset, or a bare lesson.json: Save asks for a new file (Save As).
        self.read_only = self.preset is not None
        self.confirm_unsaved = False
        self.preferences: Preferences | None = None
        self.front_panel = ""
        #: The weights file loaded into this lesson since it was opened ("" for none).
        self.weights_file = ""
        self._recent: list[str] = []
        self._watched: set[str] = set()
        self._mark_saved()
        session.config_changed.connect(self._on_config_changed)

    # ---------------------------------------------------------------- reading
    def display_name(self) -> str:
        """The file's name, the preset's (translated) title, or "Untitled"."""
        if self.path:
            name = Path(self.path).name
        elif self.preset:
            name = QCoreApplication.translate("presets", self.presets[self.preset].title)
        else:
            name = self.tr("Untitled")
        if self.weights_file:  # the lesson no longer shows the preset's own weights
            name = self.tr("{0} with the weights of {1}").format(name, self.weights_file)
        return name

    def weights_loaded(self, file_name: str) -> None:
        """The window loaded the weights of ``file_name`` into this lesson (title bar)."""
        self.weights_file = file_name
        self.changed.emit()

    def window_title(self) -> str:
        """ "lesson.vrnn[*] — VisualRNN" ("[*]" is where Qt shows the modified mark)."""
        name = self.display_name()
        if self.read_only:
            name = self.tr("{0} (read-only)").format(name)
        return f"{name}[*] — VisualRNN"

    def recent_lessons(self) -> list[str]:
        """Lesson files opened or saved lately (newest first, existing files only)."""
        if self.preferences is not None:
            return self.preferences.recent_lessons
        return [p for p in self._recent if os.path.isfile(p)]

    def snapshot(self) -> LessonState:
        """The lesson on screen as a LessonState (what Save writes)."""
        return self.session.snapshot(
            panel=self.front_panel, title=self.title, description=self.description
        )

    # ---------------------------------------------------------------- the front panel
    def watch_docks(self, docks: dict) -> None:
        """Follow which panel was brought to the front last (saved with the lesson)."""
        for key, dock in docks.items():
            if key not in self._watched and key != "sequence":
                self._watched.add(key)
                dock.visibilityChanged.connect(
                    lambda visible, key=key: self._on_dock_shown(key, visible)
                )

    def _on_dock_shown(self, key: str, visible: bool) -> None:
        if visible:
            self.front_panel = key

    # ---------------------------------------------------------------- opening
    def new(self) -> bool:
        """A new, untitled lesson (the default preset's settings)."""
        if not self.may_discard():
            return False
        preset = self.presets.get(DEFAULT_PRESET)
        state = LessonState(preset.config) if preset else LessonState(self.session.config)
        return self.show_state(state, panel=preset.panel if preset else "")

    def open(self, path, ask: bool = True) -> bool:
        """Open the lesson file ``path`` (``ask``: first about unsaved changes). A file
        that cannot be read or computed is reported and the lesson on screen stays."""
        if ask and not self.may_discard():
            return False
        try:
            state = open_lesson(path)
        except LessonFileError as exc:
            self.reported.emit(self.tr("Could not open {0}").format(exc), True)
            if not os.path.isfile(os.fspath(path)) and self.preferences is not None:
                self.preferences.forget_recent_lesson(path)
            return False
        return self.show_state(state, path=os.fspath(path))

    def open_preset(self, name: str) -> bool:
        """Show the preset ``name`` as a read-only lesson (asks first)."""
        preset = self.presets.get(name)
        if preset is None or not self.may_discard():
            return False
        state = preset.lesson or LessonState(preset.config, panel=preset.panel)
        return self.show_state(state, preset=name)

    def preset_chosen(self, name: str) -> None:
        """The toolbar applied the preset ``name``: it is now the (read-only) lesson."""
        self.path, self.preset, self.read_only = None, name, True
        self.weights_file = ""
        preset = self.presets.get(name)
        self.title, self.description = (preset.title, preset.description) if preset else ("", "")
        self.front_panel = preset.panel if preset else self.front_panel
        self._mark_saved()

    def show_state(self, state: LessonState, path=None, preset=None, panel=None) -> bool:
        """Put ``state`` on screen as the lesson of file ``path`` (or of ``preset``)."""
        try:
            self.session.restore(state)
        except ValueError as exc:
            where = path or QCoreApplication.translate("presets", state.title or "")
            message = self.tr("Could not open {0}: {1}").format(where, exc)
            self.reported.emit(message, True)
            return False
        self.path, self.preset = path, preset
        self.weights_file = ""
        self.read_only = preset is not None or (path is not None and not _is_zip(path))
        self.title, self.description = state.title, state.description
        self.front_panel = state.panel if panel is None else panel
        self._mark_saved()
        self.opened.emit(state)
        if path:
            self._remember(path)
            self.reported.emit(self.tr("Opened {0}").format(Path(path).name), False)
        return True

    # ---------------------------------------------------------------- saving
    def save(self) -> bool:
        """Save to the lesson's file; a new lesson or a preset asks for one (Save As)."""
        if self.path is None or self.read_only:
            path = self.ask_save_path()
            return bool(path) and self.save_as(path)
        return self.save_as(self.path)

    def save_as(self, path) -> bool:
        """Write the lesson to ``path`` (atomically) and make it the lesson's file."""
        path = os.fspath(path)
        try:
            save_lesson(path, self.snapshot())
        except LessonFileError as exc:
            self.reported.emit(self.tr("Could not save {0}").format(exc), True)
            return False
        self.path, self.preset, self.read_only = path, None, False
        self._mark_saved()
        self._remember(path)
        self.reported.emit(self.tr("Saved {0}").format(Path(path).name), False)
        return True

    def ask_save_path(self) -> str:
        """Ask where to save (adds the .vrnn suffix when none was typed); "" if cancelled."""
        stem = Path(self.path).stem if self.path else self.display_name() if self.preset else ""
        name = (stem or self.tr("lesson")) + LESSON_SUFFIX
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save lesson"), _safe_name(name), self.file_filter()
        )
        if path and not Path(path).suffix:
            path += LESSON_SUFFIX
        return path

    def file_filter(self) -> str:
        return self.tr("VisualRNN lessons (*.vrnn);;All files (*)")

    # ---------------------------------------------------------------- unsaved changes
    def may_discard(self) -> bool:
        """True when the lesson on screen may be replaced or closed: unchanged, or the user
        chose Save (and it was saved) or Discard; False for Cancel."""
        if not self.modified or not self.confirm_unsaved:
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(
            self.tr("The lesson “{0}” has changes that are not saved.").format(self.display_name())
        )
        box.setInformativeText(self.tr("Save them first?"))
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # ---------------------------------------------------------------- bookkeeping
    def _mark_saved(self) -> None:
        state = self.session.snapshot()  # the newest change, even while it is computed
        self._saved = (state.config, state.model)
        self._set_modified(False)
        self.changed.emit()

    def _on_config_changed(self, config) -> None:
        saved_config, saved_model = self._saved
        same = config == saved_config and (
            config.model_source != "file" or _same_weights(self.session.model, saved_model)
        )
        self._set_modified(not same)

    def _set_modified(self, modified: bool) -> None:
        if modified != self.modified:
            self.modified = modified
            self.changed.emit()

    def _remember(self, path: str) -> None:
        path = str(Path(path).resolve())
        if self.preferences is not None:
            self.preferences.add_recent_lesson(path)
        self._recent = [path, *(p for p in self._recent if p != path)][:MAX_RECENT]


def _same_weights(a, b) -> bool:
    if a is b:
        return True
    if a is None or b is None or a.cell != b.cell or a.params.keys() != b.params.keys():
        return False
    return all(np.array_equal(a.params[k], b.params[k]) for k in a.params)


def _is_zip(path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _safe_name(name: str) -> str:
    """A file name without the characters file systems refuse."""
    return "".join("_" if c in '<>:"/\\|?*' else c for c in name)
