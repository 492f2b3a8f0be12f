"""The training lab's two panels: the controls (left column: task, settings, Train / Pause /
One update / Reset, progress, the network's answer, the history of the weights) and the
curves (bottom: loss, task metric, ‖g‖, memory gate or ρ, and the gradient during learning).

Both follow the lesson's :class:`~visualrnn.session.training_session.TrainingSession` (one
per lesson, so a window rebuilt in another language keeps the run). The curves redraw at
most as often as the worker reports (~30 times a second) and not while their dock is tabbed
away. Closing the window stops the worker. ``figure_data()`` is the training log (CSV).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...session.training_session import TrainingSession
from ..common.refresh import RefreshWhenSeen
from ..common.theme import font_scale, scaled_font
from . import training_text as text
from .learning_gradient_view import LearningGradientView
from .race_view import RaceView
from .sweep_view import SweepView
from .training_plots import TrainingPlots
from .training_run_box import TrainingRunBox
from .training_settings_form import TrainingSettingsForm


class TrainingControls(QWidget):
    """The left column: the settings of the next run and the run itself."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training_controls")
        self.session = session
        self.training = TrainingSession.of(session)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 4)
        self.form = TrainingSettingsForm(self.training, self)
        self.run_box = TrainingRunBox(self.training, self)
        self.race_button = QPushButton(self.tr("Race the cells"), self)
        self.race_button.setToolTip(self.tr("RNN, LSTM and GRU side by side on the same batches"))
        self.sweep_button = QPushButton(self.tr("Sweep…"), self)
        self.sweep_button.setToolTip(self.tr("Success rate against length, per cell"))
        more = QHBoxLayout()
        more.addWidget(self.race_button)
        more.addWidget(self.sweep_button)
        column.addWidget(self.form)
        column.addLayout(more)
        column.addWidget(self.run_box, 1)
        self.training.state_changed.connect(self._on_state)
        self._closing = _WindowCloseWatch(self, self.training)
        self._on_state(self.training.state)

    def _on_state(self, state: str) -> None:
        self.form.set_editable(state not in ("starting", "running", "paused"))


class TrainingPanel(QWidget):
    """The bottom panel: a status line, the curves and the gradient during learning."""

    def __init__(self, session, controls: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("training_panel")
        self.session, self.controls = session, controls
        self.training = TrainingSession.of(session)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        # a long line must not widen the panel past its dock (at 160 % it pushed the plots'
        # titles off the right edge); word wrap instead made the scroll area give the page
        # its preferred height, and the plots grew too tall to show their axes
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font_scale().scale_changed.connect(self._apply_fonts)
        self._apply_fonts()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.plots = TrainingPlots()
        self.gradient_view = LearningGradientView()
        splitter.addWidget(self.plots)
        splitter.addWidget(self.gradient_view)
        splitter.setChildrenCollapsible(False)
        run_page = QWidget(self)
        run_layout = QVBoxLayout(run_page)
        run_layout.setContentsMargins(0, 0, 0, 0)
        run_layout.addWidget(self.status)
        run_layout.addWidget(splitter, 1)
        self.race_view, self.sweep_view = RaceView(session), SweepView(session)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(run_page, self.tr("This run"))
        self.tabs.addTab(self.race_view, self.tr("Race"))
        self.tabs.addTab(self.sweep_view, self.tr("Sweep"))
        layout.addWidget(self.tabs, 1)
        self._race_closing = _WindowCloseWatch(self, self.race_view.race)
        self._sweep_closing = _WindowCloseWatch(self, self.sweep_view.sweep)
        if controls is not None and hasattr(controls, "race_button"):
            controls.race_button.clicked.connect(self.show_race)
            controls.sweep_button.clicked.connect(self.show_sweep)
        self._refresh = RefreshWhenSeen(self, self._show_all, self._show_all)
        self.training.progressed.connect(self._request)
        self.training.settings_changed.connect(self._request)
        self.training.state_changed.connect(self._request)
        self.training.message_changed.connect(self._request)
        session.config_changed.connect(self._request)
        self._shown_once = False
        self._show_all()

    def _apply_fonts(self, _scale: float = 1.0) -> None:
        self.status.setFont(scaled_font(13, bold=True))

    def _request(self, *_args) -> None:
        self._refresh.request(full=True)

    def _show_all(self) -> None:
        t = self.training
        task, model = t.task, self.session.model
        self.plots.set_task(task, model)
        self.plots.show_log(t.log, t.settings.clip)
        self.gradient_view.set_task(task, model, t.settings.eval_every)
        self.gradient_view.show_log(t.log)
        state = text.named(text.STATE_NAMES.get(t.state, t.state))
        parts = [text.task_name(t.settings.task), state]
        if t.log.n:
            parts.append(self.tr("update {0}").format(t.log.last_step))
        if t.running and t.rate > 0:
            parts.append(self.tr("{0:.0f} updates/s").format(t.rate))
        if t.message and not t.running:
            parts.append(t.message)
        self.status.setText("  ·  ".join(parts))
        self.status.setToolTip(self.status.text())  # the whole line, where it is cut
        self.status.setStyleSheet("color: #CC0000;" if t.message_is_error else "")

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Bring the controls to the front with the curves (they are tabbed elsewhere) —
        once the layout has settled, and only if the curves really are in front (the
        window's first show shows every dock for a moment)."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._bring_controls)  # not after the panel is gone

    def _bring_controls(self) -> None:
        if not self.isVisible() or self.visibleRegion().isEmpty():
            return
        dock = _dock_of(self.controls)
        if dock is not None and dock.visibleRegion().isEmpty():
            dock.raise_()

    def show_race(self) -> None:
        self._show_tab(self.race_view)

    def show_sweep(self) -> None:
        self._show_tab(self.sweep_view)

    def _show_tab(self, page: QWidget) -> None:
        """Bring the curves panel to the front with ``page`` shown."""
        self.tabs.setCurrentWidget(page)
        dock = _dock_of(self)
        if dock is not None:
            dock.show()
            dock.raise_()

    def figure_data(self) -> dict:
        """The numbers of the tab in front: the race's or the sweep's runs, else the training
        log (one row per update, the test columns on tested updates)."""
        page = self.tabs.currentWidget()
        if page in (self.race_view, self.sweep_view):
            return page.figure_data()
        return self.training.log.table()


def _dock_of(widget: QWidget | None) -> QDockWidget | None:
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


class _WindowCloseWatch(QObject):
    """Stops the training worker once the panel's window has closed (after the window
    agreed to close: a Cancel in its unsaved-changes question keeps the run)."""

    def __init__(self, panel: QWidget, training: TrainingSession):
        super().__init__(panel)
        self.panel, self.training, self.window = panel, training, None
        self._check = QTimer(self, singleShot=True, interval=0)
        self._check.timeout.connect(self._after_close)
        panel.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if "panel" not in self.__dict__:  # an event while Python builds or tears us down
            return False
        if watched is self.panel and event.type() in (QEvent.Type.Show, QEvent.Type.ParentChange):
            window = self.panel.window()
            if window is not self.window and window is not self.panel:
                if self.window is not None:
                    self.window.removeEventFilter(self)
                self.window = window
                window.installEventFilter(self)
        elif watched is self.window and event.type() == QEvent.Type.Close:
            self._check.start()
        return False

    def _after_close(self) -> None:
        if self.window is not None and not self.window.isVisible():
            self.training.shutdown()
