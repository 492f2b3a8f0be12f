"""The main window: the model toolbar on top, the transport at the bottom, the sequence
editor on the left, and every view panel (``shell/panel_registry.py``) in the centre
or a dock — right: cell internals and equations; bottom: heatmaps and gradients.

Until a view claims the centre, the step table is the central widget.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QWidget,
)

from ..common.figure_menu import FigureMenus
from ..common.number_format import overflow_word
from ..common.panels import CENTRAL, PanelSpec
from ..common.plot_helpers import format_number
from ..common.refresh import staged_installs
from .busy_indicator import BusyIndicator
from .dock_layout import hide_stale_tab_bars, scrollable, size_docks
from .exception_hook import log_path
from .file_menu import FileMenu
from .help_menu import HelpMenu
from .lesson_files import LessonFiles
from .model_toolbar import ModelToolbar
from .notice_bar import NoticeBar
from .panel_registry import all_panels, panels_by_feature
from .presenter import Presenter
from .sequence_editor import SequenceEditor
from .status_summary import StatusSummary, position_text
from .transport_bar import TransportBar
from .turns import HeldTurns
from .view_menu import ViewMenu

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
LOSS_PLACES = {
    "all": QT_TRANSLATE_NOOP("MainWindow", "loss at every step"),
    "last": QT_TRANSLATE_NOOP("MainWindow", "loss only at the last step"),
}
#: What a lesson's note is about: it is hidden while any of these differs from the lesson.
NOTE_FIELDS = ("cell", "input_mode", "input_text", "loss", "loss_at")
#: The session's error sources, shown through ``self.tr`` (listed here for lupdate).
ERROR_SOURCES = (
    QT_TRANSLATE_NOOP("MainWindow", "input"),
    QT_TRANSLATE_NOOP("MainWindow", "targets"),
    QT_TRANSLATE_NOOP("MainWindow", "config"),
)


class MainWindow(QMainWindow):
    """One lesson's window.

    Parameters
    ----------
    session : LessonSession
    presets : mapping name → Preset (for the toolbar's lesson menu).
    """

    def __init__(self, session, presets: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.presets = presets or {}
        self.setObjectName("main_window")
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.presenter = Presenter(self)
        self._language_rebuild = QTimer(self, singleShot=True, interval=0)
        self._language_rebuild.timeout.connect(self.rebuild_in_turns)
        self._rebuild = HeldTurns(self)
        #: The app's Preferences (remembered window, recent lessons); None: nothing kept.
        self.preferences = None
        self.lessons = LessonFiles(session, self.presets, self)
        self.lessons.changed.connect(self._update_title)
        self.lessons.reported.connect(self._on_file_reported)
        self.lessons.opened.connect(self._on_lesson_opened)
        self.figures = FigureMenus(session, self)
        self.figures.reported.connect(self._on_file_reported)
        self._build()
        self._connect_session()
        self._size_docks()

    def _build(self) -> None:
        """Toolbars, docks with every panel, menus and the status bar."""
        self._make_toolbars()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.model_toolbar)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.notice_bar)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.transport)
        self.docks: dict[str, QDockWidget] = {}
        # the left column runs the full height (set before any dock is added)
        self.setCorner(Qt.Corner.BottomLeftCorner, LEFT)
        self.setCorner(Qt.Corner.TopLeftCorner, LEFT)
        self.sequence_editor = SequenceEditor(self.session, self)
        self._add_dock("sequence", self.tr("Input sequence"), self.sequence_editor, LEFT)
        self.panels = all_panels(self.session)
        self.step_table = self.panel_widget("step_table")
        self._place_panels(self.panels)
        self._finish_build()

    def _make_toolbars(self) -> None:
        self.notice_bar = NoticeBar(self)
        self.model_toolbar = ModelToolbar(self.session, self.presets, self)
        self.model_toolbar.preset_chosen.connect(self._on_preset_chosen)
        self.model_toolbar.preset_requested.connect(self.select_preset)
        self.transport = TransportBar(self.session, self)
        self.addActions(self.transport.actions_with_shortcuts)

    def _finish_build(self) -> None:
        self.figures.set_panels([(p.widget, p.title, p.key) for p in self.panels])
        self.lessons.watch_docks(self.docks)
        self._build_menus()
        self._build_status_bar()
        self._update_summary()
        self._on_error_changed("", "")
        self._update_title()

    def rebuild(self) -> None:
        """Build the window's contents again in the current language (after View →
        Language): the docks stay where they are and only their contents are made anew, so
        the lesson, the step, the chosen lesson and the whole layout stay as they were."""
        self.rebuild_in_turns()
        self.finish_rebuild()

    def rebuild_in_turns(self) -> None:
        """:meth:`rebuild`, one feature's panels per event-loop turn (all at once blocked
        the window for 1.2 s), the window's picture held until the last turn
        (:class:`~.turns.HeldTurns`); the menus (which name the panels) come back last."""
        self._rebuild.start(self._rebuild_stages)

    def finish_rebuild(self) -> None:
        """Run the turns of a rebuild that are still waiting (or asked for), now."""
        if self._language_rebuild.isActive():
            self._language_rebuild.stop()
            self.rebuild_in_turns()
        self._rebuild.finish()

    def _rebuild_stages(self):
        """The turns of a rebuild: the bars and the input first, then each feature's
        panels, then the menus and the status bar."""
        self.presenter.leave()
        self._remake_toolbars()
        bar = self.menuBar()
        bar.setMinimumHeight(bar.height())  # emptied for a moment, the window never jumps
        bar.clear()  # its figure and dock menus name the old panels
        self.sequence_editor = SequenceEditor(self.session, self)
        self._refill_dock("sequence", self.tr("Input sequence"), self.sequence_editor)
        yield
        for panels in panels_by_feature(self.session):
            for panel in panels:
                self._refill_dock(panel.key, panel.title, panel.widget)
                keys = [p.key for p in self.panels]
                self.panels[keys.index(panel.key)] = panel
            self.figures.set_panels([(p.widget, p.title, p.key) for p in self.panels])
            yield
        self.step_table = self.panel_widget("step_table")
        self.setStatusBar(QStatusBar(self))
        self._finish_build()
        self.menuBar().setMinimumHeight(0)

    def _remake_toolbars(self) -> None:
        preset = self.model_toolbar.current_preset()
        old = [self.model_toolbar, self.transport, self.notice_bar]
        for action in self.actions():
            self.removeAction(action)
        self._make_toolbars()
        self.insertToolBar(old[0], self.model_toolbar)
        self.insertToolBar(old[1], self.transport)
        self.insertToolBar(old[2], self.notice_bar)
        for bar in old:
            self.removeToolBar(bar)
        self.model_toolbar.show_preset(preset)
        self._show_notice(preset)
        for bar in old:
            bar.deleteLater()

    def _refill_dock(self, key: str, title: str, widget: QWidget) -> None:
        """Put the new ``widget`` in the scroll area of its dock (or the centre), which
        deletes the old one; the areas themselves stay, and with them the layout."""
        if key in self.docks:
            self.docks[key].setWindowTitle(title)
            area = self.docks[key].widget()
        else:  # the central panel
            self.central_panel, area = widget, self.centralWidget()
        area.setWidget(widget)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "panels"):
            self._language_rebuild.start()  # one rebuild for the several events of a switch

    # ---------------------------------------------------------------- layout
    def _place_panels(self, panels: list[PanelSpec]) -> None:
        """The network in the centre; left: input and lab as tabs over the full height;
        right: the cell (with the step table behind it); bottom, under centre and right:
        equations, heatmaps and gradients as full-width tabs."""
        central = next((p for p in panels if p.area == CENTRAL), None)
        central = central or next(p for p in panels if p.key == "step_table")
        self.central_panel = central.widget
        self.setCentralWidget(scrollable(self.central_panel))
        first_in_area: dict = {LEFT: self.docks["sequence"]}
        for panel in panels:
            if panel is central:
                continue
            area = RIGHT if panel.area == CENTRAL else panel.area
            dock = self._add_dock(panel.key, panel.title, panel.widget, area)
            first = first_in_area.setdefault(area, dock)
            if first is not dock:
                self.tabifyDockWidget(first, dock)
        for dock in first_in_area.values():
            dock.raise_()

    def panel_widget(self, key: str) -> QWidget | None:
        """The view of panel ``key`` (e.g. ``"step_table"``), or None."""
        return next((p.widget for p in self.panels if p.key == key), None)

    def raise_panel(self, key: str) -> None:
        """Bring the panel ``key`` (e.g. ``"gradients"``) to the front of its tabs."""
        dock = self.docks.get(key)
        if dock is not None:
            dock.show()
            dock.raise_()

    def _add_dock(self, key: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(scrollable(widget))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _size_docks(self) -> None:
        """Initial dock sizes for this window's size (see :func:`.dock_layout.size_docks`)."""
        size_docks(self, self.docks)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not self.isVisible():
            self._size_docks()
        QTimer.singleShot(0, self, self._hide_stale_tab_bars)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        QTimer.singleShot(0, self, self._hide_stale_tab_bars)

    def _hide_stale_tab_bars(self) -> None:
        hide_stale_tab_bars(self, self.docks)

    def _build_menus(self) -> None:
        self.file_menu = FileMenu(self.session, self, self.lessons, self.figures)
        self.file_menu.reported.connect(self._on_file_reported)
        self.menuBar().addMenu(self.file_menu)
        lesson_menu = self.menuBar().addMenu(self.tr("&Lesson"))
        for name, preset in self.presets.items():
            action = QAction(QCoreApplication.translate("presets", preset.title), self)
            action.setStatusTip(QCoreApplication.translate("presets", preset.description))
            action.setData(name)
            action.triggered.connect(self._on_preset_action)
            lesson_menu.addAction(action)
        self.view_menu = ViewMenu(self)
        self.menuBar().addMenu(self.view_menu)
        self.view_menu.add_dock_toggles(list(self.docks.values()))
        self.view_menu.add_dock_toggles([self.model_toolbar, self.transport])
        self.help_menu = HelpMenu(self)
        self.menuBar().addMenu(self.help_menu)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.summary_label = StatusSummary(self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #CC0000;")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # file text is never HTML
        self.busy_indicator = BusyIndicator(self.session, self)
        self.details_button = QPushButton(self.tr("Details…"), self)
        self.details_button.clicked.connect(self._on_details_clicked)
        self.details_button.hide()
        bar.addWidget(self.summary_label, 1)
        # a passing message ("Text size 160 %") takes the line instead of printing over it
        bar.messageChanged.connect(self._on_status_message)
        bar.addPermanentWidget(self.busy_indicator)
        bar.addPermanentWidget(self.error_label)
        bar.addPermanentWidget(self.details_button)
        self._exception_details = ""

    def _connect_session(self) -> None:
        self.session.trace_changed.connect(self._on_trace_changed)
        self.session.cursor_changed.connect(self._on_cursor_changed)
        self.session.error_changed.connect(self._on_error_changed)

    # ---------------------------------------------------------------- public
    def select_preset(self, name: str) -> bool:
        """Load the preset ``name`` (as if chosen in the toolbar), after asking about
        unsaved changes."""
        if not self.lessons.may_discard():
            return False
        return self.model_toolbar.select_preset(name)

    def show_exception(self, summary: str, details: str) -> None:
        """Report an unexpected error in the status bar, with its traceback under Details…"""
        self._exception_details = details
        self.error_label.setText(self.tr("Internal error: {0} (playback paused)").format(summary))
        self.details_button.show()

    def finish_animations(self) -> None:
        """Jump every running animation to its end and draw every panel still waiting for
        a large result (before a screenshot)."""
        self.finish_rebuild()
        staged_installs().finish()
        for panel in self.panels:
            finish = getattr(panel.widget, "finish_animations", None)
            if finish is not None:
                finish()

    def status_text(self) -> str:
        return self.summary_label.text()

    # ---------------------------------------------------------------- handlers
    def _show_notice(self, preset_name: str | None) -> None:
        """The preset's "what to notice" line, translated (none for other lessons)."""
        preset = self.presets.get(preset_name)
        notice = preset.notice if preset is not None else ""
        self.notice_bar.show_notice(QCoreApplication.translate("presets", notice) if notice else "")

    def _on_preset_action(self) -> None:
        self.select_preset(self.sender().data())

    def _on_preset_chosen(self, name: str) -> None:
        self.lessons.preset_chosen(name)
        self._update_title()
        self._show_notice(name)
        preset = self.presets.get(name)
        if preset is not None and preset.panel:
            self.raise_panel(preset.panel)

    def _on_trace_changed(self) -> None:
        self._update_summary()
        # on the next turn: showing or hiding a toolbar lays the window out at once, which
        # would scroll views that are not yet told of the new trace (an IndexError, then a
        # crash, in the chaos run)
        QTimer.singleShot(0, self, self._update_notice)
        if self._exception_details:  # a lesson computed since: the internal error is past
            self._on_error_changed("", "")

    def _update_notice(self) -> None:
        """The lesson's note shows only while it describes what is on screen: the lesson's
        cell, sequence and loss (its numbers, "over 100 steps", "f ≈ 0.98", belong to
        them; the training lab's task replaces the sequence)."""
        preset = self.presets.get(self.model_toolbar.current_preset())
        config = self.session.config
        applies = preset is None or all(
            getattr(preset.config, name) == getattr(config, name) for name in NOTE_FIELDS
        )
        self.notice_bar.set_applies(applies)

    def _on_cursor_changed(self, cursor: int) -> None:
        self._update_summary()

    def _update_summary(self) -> None:
        session, trace = self.session, self.session.trace
        loss_at = self.tr(LOSS_PLACES.get(trace.loss_at, trace.loss_at))
        parts = [trace.cell.upper(), f"H = {trace.H}", f"T = {trace.T}", loss_at]
        loss = format_number(trace.loss)  # "(whole sequence)" beside "only at the last step"
        if not math.isfinite(trace.loss):  # the word the table and the equations use
            loss = overflow_word()
        if trace.loss_at == "last":  # read as a contradiction: L is that step's loss here
            parts.append(self.tr("L = {0}").format(loss))
        else:
            parts.append(self.tr("L = {0} (whole sequence)").format(loss))
        parts.append(position_text(session.cursor, session.T))
        if not trace.finite:
            parts.append(self.tr("overflow: some values are inf / NaN"))
        self.summary_label.setText("  ·  ".join(parts))

    def _on_error_changed(self, source: str, message: str) -> None:
        errors = self.session.errors
        if errors:
            first = next(iter(errors.items()))
            self.error_label.setText(self.tr("{0}: {1}").format(self.tr(first[0]), first[1]))
        else:
            self.error_label.setText("")
        self.details_button.hide()
        self._exception_details = ""

    def _on_status_message(self, message: str) -> None:
        self.summary_label.setVisible(not message)

    def _on_file_reported(self, message: str, is_error: bool) -> None:
        if is_error:
            self.error_label.setText(message)
            self.details_button.hide()
        else:
            self.error_label.setText("")
            self.statusBar().showMessage(message, 8000)

    def _on_details_clicked(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Internal error"))
        box.setText(self.error_label.text())
        box.setInformativeText(self.tr("Logged to {0}").format(log_path()))
        box.setDetailedText(self._exception_details)
        box.open()
        self._details_box = box

    def _update_title(self) -> None:
        """The lesson's name and, after unsaved changes, Qt's modified mark."""
        self.setWindowTitle(self.lessons.window_title())
        self.setWindowModified(self.lessons.modified)

    def _on_lesson_opened(self, state) -> None:
        self.model_toolbar.show_preset(self.lessons.preset)
        if state.panel:
            self.raise_panel(state.panel)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Ctrl+Q and the window's close button: ask about unsaved changes (Save /
        Discard / Cancel), then remember the window (geometry, docks, text size, speed)."""
        if not self.lessons.may_discard():
            event.ignore()
            return
        self.lessons.confirm_unsaved = False  # asked once; the window goes
        if self.preferences is not None:
            self.preferences.remember_window(self)
        super().closeEvent(event)
