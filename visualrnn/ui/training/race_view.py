"""The race: RNN, LSTM, GRU (and the 1997 LSTM) trained side by side on the same batches
with the same budget, their test metric and loss in one plot each, in each cell's colour.

The task and every training setting are the Training tab's (one copy); the cells, the
"same number of parameters" switch, Start and Stop are here. A scoreboard under the plots
says in one line per cell where it stands: solved at update k, or not solved.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...session.race_session import RaceSession
from ..common.cell_text import CELL_SPECS, cell_label
from ..common.theme import font_scale, scaled_font
from . import training_text as text
from .cell_choice import CellChoice
from .race_plot import RacePlots


class RaceView(QWidget):
    """Controls, the two plots and the scoreboard of the lesson's race."""

    def __init__(self, lesson, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("race_view")
        self.lesson = lesson
        self.race = RaceSession.of(lesson)
        self.training = self.race.training
        self.cells = CellChoice(self.race.cells, self)
        self.match_box = QCheckBox(self.tr("Same number of parameters"), self)
        self.match_box.setToolTip(
            self.tr("Size every cell's H so that it has about as many parameters as the LSTM")
        )
        self.match_box.setChecked(self.race.match_params)
        style = self.style()
        self.start_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("Start race"), self
        )
        self.stop_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaStop), self.tr("Stop"), self
        )
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.setup_label = QLabel(self)
        self.setup_label.setWordWrap(True)
        self.setup_label.setTextFormat(Qt.TextFormat.PlainText)
        self.plots = RacePlots()
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        # One line per cell in its colour: where it stands (wraps in a narrow panel).
        self.scoreboard = QLabel(self)
        self.scoreboard.setTextFormat(Qt.TextFormat.RichText)
        self.scoreboard.setWordWrap(True)
        font_scale().scale_changed.connect(self._apply_fonts)
        self._apply_fonts()
        self._lay_out()
        self.cells.changed.connect(self._on_cells)
        self.match_box.toggled.connect(self._on_match)
        self.start_button.clicked.connect(self._start)
        self.stop_button.clicked.connect(self.race.stop)
        self.race.progressed.connect(self._request)
        self.race.state_changed.connect(self._request)
        self.race.message_changed.connect(self._request)
        self.training.settings_changed.connect(self._request)
        lesson.config_changed.connect(self._request)
        self._dirty = False
        self._show_all()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 2)
        choice = QHBoxLayout()
        choice.addWidget(self.cells)
        choice.addSpacing(12)
        choice.addWidget(self.match_box)
        choice.addStretch(1)
        column.addLayout(choice)
        run = QHBoxLayout()
        run.addWidget(self.start_button)
        run.addWidget(self.stop_button)
        run.addWidget(self.progress, 1)
        column.addLayout(run)
        column.addWidget(self.scoreboard)
        column.addWidget(self.plots, 1)
        column.addWidget(self.setup_label)
        column.addWidget(self.message_label)

    # ---------------------------------------------------------------- commands
    def _start(self) -> None:
        self.race.start()
        self._show_all()

    def _on_cells(self, cells: list) -> None:
        self.race.set_cells(cells)
        self._request()

    def _on_match(self, on: bool) -> None:
        self.race.set_match_params(on)
        self._request()

    # ---------------------------------------------------------------- showing
    def _request(self, *_args) -> None:
        if self.isVisible():
            self._show_all()
        else:
            self._dirty = True

    def _apply_fonts(self, _scale: float = 1.0) -> None:
        self.scoreboard.setFont(scaled_font(14, bold=True))

    def figure_data(self) -> dict:
        """The race as columns: per cell, its loss at every update and its test metric on
        the tested updates (the cells of the last race; the ticked ones before any)."""
        data = {}
        for cell in self.race.logs or dict.fromkeys(self.race.cells):
            log = self.race.logs.get(cell)
            for name, column, kind in (
                ("update", "step", int),
                ("loss", "loss", float),
                ("test update", "profile_step", int),
                ("test metric", "test_metric", float),
            ):
                values = log.column(column).astype(kind) if log is not None else []
                data[f"{cell} {name}"] = values
        return data

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._dirty:
            self._show_all()

    def _show_all(self) -> None:
        self._dirty = False
        race, running = self.race, self.race.running
        self.start_button.setEnabled(not running and bool(race.cells))
        self.stop_button.setEnabled(running)
        self.cells.set_enabled(not running)
        self.match_box.setEnabled(not running)
        self.progress.setValue(round(1000 * race.progress()))
        self.progress.setFormat(f"{race.progress():.0%}")
        self._show_setup()
        try:
            task = (race.settings or self.training.settings).make_task()
        except ValueError:
            return
        self.plots.set_race(task, race.sizes or race.planned_sizes())
        self.plots.show_race(race)
        self._show_scores(task)
        self.message_label.setText(race.message if race.message_is_error else "")
        self.message_label.setStyleSheet("color: #CC0000;")

    def _show_setup(self) -> None:
        """The task, the settings every cell shares, and each cell's size."""
        race = self.race
        s = race.settings if race.running or race.logs else self.training.settings
        length = text.named(text.LENGTH_NAMES.get(s.task, "Length T"))
        try:
            value = s.make_task().length
        except ValueError:
            value = s.length
        shared = self.tr(
            "{task} · {length_name} = {length} · {optimizer} η = {lr:g} · B = {batch} · "
            "budget {budget} updates · every cell gets the same batches (seed {seed})"
        ).format(
            task=text.task_name(s.task),
            length_name=length,
            length=value,
            optimizer=s.optimizer.capitalize() if s.optimizer == "adam" else s.optimizer.upper(),
            lr=s.lr,
            batch=s.batch,
            budget=s.budget,
            seed=race.seed if race.logs else self.lesson.config.seed,
        )
        self.setup_label.setText(shared)

    def _show_scores(self, task) -> None:
        race = self.race
        cells = list(race.sizes if race.logs else {})
        board = " &nbsp; &nbsp; ".join(
            f"<span style='color:{CELL_SPECS[cell].color}'>{_html(self._score(cell, task))}</span>"
            for cell in cells
        )
        gateless = any(not CELL_SPECS[c].gates() for c in cells)  # the plain RNN raced too
        solved = all(self._solved_at(c, task) is not None for c in cells)
        if gateless and solved and not race.running:
            hint = self.tr(
                "Every cell solved it at this length: make {0} longer to see the plain RNN "
                "fall behind."
            ).format(text.named(text.LENGTH_NAMES.get(task.name, "Length T")))
            board += f"<br><span style='color:#555'>{_html(hint)}</span>"
        self.scoreboard.setText(board)
        self.scoreboard.setVisible(bool(cells))

    def _solved_at(self, cell: str, task) -> int | None:
        """The update at which ``cell`` solved the task in the race (where it stopped, or,
        run to its budget, where its test set was first solved), else None."""
        race = self.race
        outcome = race.outcomes.get(cell)
        if outcome == "solved":
            return race.ended_at.get(cell, race.logs[cell].last_step)
        if outcome == "budget" and task.solved(race.last_test(cell)):
            return race.first_solved(cell, task)
        return None

    def _score(self, cell: str, task) -> str:
        race = self.race
        name = cell_label(CELL_SPECS[cell])
        value = race.last_test(cell)
        shown = "–" if math.isnan(value) else _metric(task, value)
        outcome, at = race.outcomes.get(cell), race.ended_at.get(cell, race.logs[cell].last_step)
        solved_at = self._solved_at(cell, task)
        if outcome == "solved":
            return self.tr("{0} ✓ solved at update {1}").format(name, solved_at)
        if solved_at is not None:
            # a race without "until solved" runs to its budget: say when it was first solved
            return self.tr("{0} ✓ solved at update {1} ({2} at {3})").format(
                name, solved_at, shown, at
            )
        if outcome == "budget":
            return self.tr("{0} ✗ not solved in {1} updates ({2})").format(name, at, shown)
        if outcome == "diverged":
            return self.tr("{0} ✗ diverged at update {1}").format(name, at + 1)
        if outcome == "failed":
            return self.tr("{0} ✗ its process stopped").format(name)
        return self.tr("{0}: {1} at update {2}").format(name, shown, race.logs[cell].last_step)


def _html(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _metric(task, value: float) -> str:
    return f"{value:.0%}" if task.higher_is_better else f"{value:.3g}"
