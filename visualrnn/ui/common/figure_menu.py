"""The "Figure" menu of a panel: right-click anywhere on it (where no child widget has a
menu of its own), or the main window's menu for the panel in front.

Copy image · Export PNG ▸ 1× / 2× / 4× · Export SVG… · Export data (CSV)… (panels with a
``figure_data()``, see :mod:`.figure_export`) · Record animation (GIF)…

:class:`FigureMenus` holds the panels it was installed on; the dialogs are thin fronts for
methods that tests call directly (``export_png(widget, path, scale)`` …). Results and
failures are reported as one line through ``reported(message, is_error)``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMenu,
    QProgressDialog,
    QSpinBox,
    QWidget,
)

from ...session import LessonSession
from . import figure_export as fx
from .gif_recorder import DEFAULT_FPS, MAX_FRAMES, GifRecorder


class FigureMenus(QObject):
    """Figure actions for the panels of one window.

    Signals
    -------
    reported(str, bool) : a one-line message, and whether it is an error.
    """

    reported = Signal(str, bool)

    def __init__(self, session: LessonSession, parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.titles: dict[QWidget, str] = {}
        self.keys: dict[QWidget, str] = {}
        self.last_menu: QMenu | None = None
        self.recorder: GifRecorder | None = None
        self._last_used: QWidget | None = None
        self._folder = ""

    def set_panels(self, panels) -> None:
        """Offer the figure menu on right-click anywhere on each panel: ``panels`` is a
        list of (widget, title, key); replaces the panels of an earlier call (a window
        rebuilt in another language)."""
        self.titles.clear()
        self.keys.clear()
        for widget, title, key in panels:
            self.install(widget, title, key)

    def install(self, widget: QWidget, title: str, key: str = "") -> None:
        """Offer the figure menu on right-click anywhere on ``widget``."""
        self.titles[widget] = title
        self.keys[widget] = key or widget.objectName() or "figure"
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ContextMenu and watched in self.titles:
            self._last_used = watched
            self.last_menu = self.menu(watched)
            self.last_menu.popup(event.globalPos())
            return True
        return False

    def current_panel(self) -> QWidget | None:
        """The panel that has the keyboard focus, else the one last right-clicked, else the
        first one installed that can be seen."""
        focus = QApplication.focusWidget()
        while focus is not None:
            if focus in self.titles:
                return focus
            focus = focus.parentWidget()
        if self._last_used in self.titles and self._last_used.isVisible():
            return self._last_used
        visible = [w for w in self.titles if w.isVisible() and not w.visibleRegion().isEmpty()]
        return visible[0] if visible else next(iter(self.titles), None)

    # ---------------------------------------------------------------- the menu
    def menu(self, widget: QWidget, parent: QWidget | None = None) -> QMenu:
        """A fresh menu of figure actions for ``widget``."""
        menu = QMenu(parent or widget)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fill(menu, widget)
        return menu

    def fill(self, menu: QMenu, widget: QWidget) -> None:
        """Add the figure actions for ``widget`` to ``menu``."""
        self._add(menu, self.tr("Copy image"), lambda: self.copy_image(widget))
        png = menu.addMenu(self.tr("Export PNG"))
        for scale in fx.SCALES:
            size = fx.image_size(widget, scale)
            text = self.tr("{0}× ({1} × {2} pixels)…").format(scale, size.width(), size.height())
            self._add(png, text, lambda s=scale: self._on_export_png(widget, s))
        self._add(menu, self.tr("Export SVG…"), lambda: self._on_export_svg(widget))
        data = self._add(menu, self.tr("Export data (CSV)…"), lambda: self._on_export_csv(widget))
        data.setEnabled(fx.data_source(widget) is not None)
        menu.addSeparator()
        self._add(menu, self.tr("Record animation (GIF)…"), lambda: self._on_record(widget))

    def _add(self, menu: QMenu, text: str, slot) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # ---------------------------------------------------------------- the work (tests)
    def copy_image(self, widget: QWidget) -> bool:
        fx.prepare(widget)
        try:
            image = fx.copy_image(widget)
        except (ValueError, MemoryError) as exc:
            self.reported.emit(self.tr("Could not copy the image: {0}").format(exc), True)
            return False
        message = self.tr("Copied {0} ({1} × {2} pixels)")
        self.reported.emit(
            message.format(self._title(widget), image.width(), image.height()), False
        )
        return True

    def export_png(self, widget: QWidget, path, scale: float = 1) -> bool:
        return self._export(lambda: fx.export_png(widget, path, scale), path)

    def export_svg(self, widget: QWidget, path) -> bool:
        return self._export(lambda: fx.export_svg(widget, path, self._title(widget)), path)

    def export_csv(self, widget: QWidget, path) -> bool:
        return self._export(lambda: fx.export_csv(widget, path), path)

    def _export(self, work, path) -> bool:
        try:
            work()
        except fx.FigureExportError as exc:
            self.reported.emit(self.tr("Could not export {0}").format(exc), True)
            return False
        self.reported.emit(self.tr("Exported {0}").format(Path(path).name), False)
        return True

    def record(self, widget, path, first: int, last: int, fps: float = DEFAULT_FPS):
        """Start recording ``widget`` from step ``first`` to ``last`` into ``path``, with a
        progress dialog; returns the :class:`GifRecorder` (None when refused)."""
        try:
            recorder = GifRecorder(self.session, widget, path, first, last, fps, parent=self)
        except ValueError as exc:
            self.reported.emit(self.tr("Cannot record: {0}").format(exc), True)
            return None
        progress = QProgressDialog(
            self.tr("Recording {0}…").format(self._title(widget)),
            self.tr("Cancel"),
            0,
            len(recorder.steps),
            self.parent(),
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        recorder.progress.connect(progress.setValue)
        progress.canceled.connect(recorder.cancel)
        recorder.finished.connect(self._on_recorded)
        recorder.failed.connect(self._on_record_failed)
        for signal in (recorder.finished, recorder.failed):
            signal.connect(progress.close)
            signal.connect(progress.deleteLater)
        self.recorder, self.progress_dialog = recorder, progress
        recorder.start()
        return recorder

    def _on_recorded(self, path: str) -> None:
        self.reported.emit(self.tr("Recorded {0}").format(Path(path).name), False)

    def _on_record_failed(self, message: str) -> None:
        self.reported.emit(message, True)

    # ---------------------------------------------------------------- the dialogs
    def _title(self, widget: QWidget) -> str:
        return self.titles.get(widget, "")

    def _ask_path(self, widget: QWidget, caption: str, suffix: str, file_filter: str) -> str:
        name = os.path.join(self._folder, f"{self.keys.get(widget, 'figure')}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self.parent(), caption, name, file_filter)
        if path:
            self._folder = os.path.dirname(path)
        return path

    def _on_export_png(self, widget: QWidget, scale: float) -> None:
        caption = self.tr("Export PNG ({0}×)").format(scale)
        path = self._ask_path(widget, caption, f"@{scale}x.png", self.tr("PNG image (*.png)"))
        if path:
            self.export_png(widget, path, scale)

    def _on_export_svg(self, widget: QWidget) -> None:
        path = self._ask_path(
            widget, self.tr("Export SVG"), ".svg", self.tr("SVG vector image (*.svg)")
        )
        if path:
            self.export_svg(widget, path)

    def _on_export_csv(self, widget: QWidget) -> None:
        path = self._ask_path(
            widget, self.tr("Export data"), ".csv", self.tr("Comma-separated values (*.csv)")
        )
        if path:
            self.export_csv(widget, path)

    def _on_record(self, widget: QWidget) -> None:
        dialog = RecordDialog(self.session, self.parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last, fps = dialog.values()
        path = self._ask_path(widget, self.tr("Record animation"), ".gif", self.tr("GIF (*.gif)"))
        if path:
            self.record(widget, path, first, last, fps)


class RecordDialog(QDialog):
    """From step, to step, frames per second."""

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record animation"))
        T = session.T
        self.first_spin = _spin(QSpinBox(self), 0, T, 0)
        self.last_spin = _spin(QSpinBox(self), 0, T, min(T, MAX_FRAMES - 1))
        self.fps_spin = _spin(QDoubleSpinBox(self), 0.5, 25.0, DEFAULT_FPS)
        self.fps_spin.setSingleStep(0.5)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("From step"), self.first_spin)
        form.addRow(self.tr("To step"), self.last_spin)
        form.addRow(self.tr("Frames per second"), self.fps_spin)
        note = self.tr("One frame per step, at most {0} frames.").format(MAX_FRAMES)
        form.addRow(QLabel(note, self))
        form.addRow(buttons)

    def values(self) -> tuple[int, int, float]:
        return self.first_spin.value(), self.last_spin.value(), self.fps_spin.value()


def _spin(spin, low, high, value):
    spin.setRange(low, high)
    spin.setValue(value)
    return spin
