"""Presenter mode (F5): one view fills the window at a large font, for the lecture hall.

The number keys pick the view (1 the network, 2 the cell, … in the panel registry's order),
the transport keys keep stepping (they are window shortcuts), a small indicator shows the
step, and Esc (or F5) returns to the normal window with its layout as it was.

The panel widget is lent, not copied: it leaves its dock's scroll area for the stage and
goes back on leaving, so it keeps its state (zoom, compare mode, selected unit).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from ...session import LessonSession
from ..common.panels import PanelSpec
from ..common.theme import font_scale, scaled_font

#: The text size while presenting (at least; a larger one the teacher chose stays).
PRESENTER_SCALE = 1.6


class PresenterStage(QWidget):
    """The lent panel with its title above and the step indicator below."""

    def __init__(self, session: LessonSession, title: str, panel: QWidget):
        super().__init__()
        self.session = session
        self.title = QLabel(title)
        self.step_label = QLabel()
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        hint = QCoreApplication.translate(
            "Presenter", "1–9: choose the view · ←/→: step · Esc: back"
        )
        self.hint = QLabel(hint)
        self.hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.title)
        layout.addWidget(panel, 1)
        footer = QWidget()
        row = QVBoxLayout(footer)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.step_label)
        layout.addWidget(footer)
        layout.addWidget(self.hint)
        self.apply_fonts()
        session.cursor_changed.connect(self._on_cursor_changed)
        session.trace_changed.connect(self._on_trace_changed)
        self._on_trace_changed()

    def apply_fonts(self) -> None:
        self.title.setFont(scaled_font(16, bold=True))
        self.step_label.setFont(scaled_font(13, bold=True))
        self.hint.setFont(scaled_font(10))

    def _on_trace_changed(self) -> None:
        self._on_cursor_changed(self.session.cursor)

    def _on_cursor_changed(self, cursor: int) -> None:
        translate = QCoreApplication.translate
        text = translate("Presenter", "step {0} / {1}").format(cursor, self.session.T)
        if cursor:
            text += translate("Presenter", " (t = {0})").format(cursor - 1)
        self.step_label.setText(text)


class Presenter(QObject):
    """Lends one panel at a time to a full-window stage of ``window``.

    ``window`` is the main window: it provides ``panels`` (PanelSpec list), ``docks`` (each
    holding its panel in a scroll area) and the central scroll area. The stage goes into the
    central scroll area (the window's layout is never taken apart); bars and docks are hidden
    while presenting and the saved state restores them.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.stage: PresenterStage | None = None
        self.panel: PanelSpec | None = None
        self._central_panel: QWidget | None = None
        self._state = None
        self._scale = 1.0

    @property
    def active(self) -> bool:
        """Presenting: from the moment the window's layout is saved (before the text grows,
        so that nothing reacting to that size change suggests presenter mode) until it is
        restored."""
        return self._state is not None

    def presentable(self) -> list[PanelSpec]:
        """The panels the number keys choose from, in order."""
        return [p for p in self.window.panels if p.presentable]

    def show(self, index: int) -> bool:
        """Present panel ``index`` (0-based) of :meth:`presentable`; False if there is none."""
        panels = self.presentable()
        if not 0 <= index < len(panels):
            return False
        if self.active:
            self._give_back()
        else:
            self._enter()
        self.panel = panels[index]
        dock = self.window.docks.get(self.panel.key)
        widget = dock.widget().takeWidget() if dock is not None else self._central_panel
        self.stage = PresenterStage(self.window.session, self.panel.title, widget)
        self.window.centralWidget().setWidget(self.stage)  # deletes the previous stage
        return True

    def leave(self) -> None:
        """Back to the normal window, with the layout and text size it had."""
        if not self.active:
            return
        self._give_back()
        self.window.centralWidget().setWidget(self._central_panel)  # deletes the stage
        self.stage = self.panel = self._central_panel = None
        self.window.restoreState(self._state)
        self._state = None
        self.window.menuBar().show()
        font_scale().set_scale(self._scale)

    def _enter(self) -> None:
        window = self.window
        self._state, self._scale = window.saveState(), font_scale().scale
        self._central_panel = window.centralWidget().takeWidget()
        for bar in (
            *window.docks.values(),
            window.model_toolbar,
            window.transport,
            window.notice_bar,
        ):
            bar.hide()
        window.menuBar().hide()
        font_scale().set_scale(max(self._scale, PRESENTER_SCALE))

    def _give_back(self) -> None:
        """Take the lent panel off the stage: back into its dock's scroll area, or held
        for the central scroll area."""
        dock = self.window.docks.get(self.panel.key)
        if dock is not None:
            dock.widget().setWidget(self.panel.widget)
        else:
            self._central_panel.setParent(None)
