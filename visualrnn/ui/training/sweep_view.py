"""The sweep: success rate against length per cell, run in the background (worker
processes) with a progress bar and Cancel, kept in a CSV file, and opened again at once
(a teacher prepares it before class: *Open sweep…*). The task and its training settings
are the Training tab's; the lengths, seeds, budget and cells are chosen here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...session.race_session import DEFAULT_CELLS, RaceSession
from ...session.sweep_session import COLUMNS as SWEEP_COLUMNS
from ...session.sweep_session import SweepSession
from . import training_text as text
from .cell_choice import CellChoice
from .sweep_plot import SweepPlot

#: The lengths offered at first, per task (the sweep command's defaults otherwise).
DEFAULT_LENGTHS = {"sky_color": "5, 10, 20, 40, 60"}


class SweepView(QWidget):
    """Settings, Run / Cancel / Open, progress, and the success-rate plot."""

    def __init__(self, lesson, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sweep_view")
        self.lesson = lesson
        self.training = RaceSession.of(lesson).training
        self.sweep = SweepSession.of(lesson)
        self.cells = CellChoice(DEFAULT_CELLS, self)
        self.lengths_edit = QLineEdit(self)
        self.lengths_label = QLabel(self)
        self.seeds_spin = QSpinBox(self)
        self.seeds_spin.setRange(1, 50)
        self.seeds_spin.setValue(3)
        self.budget_spin = QSpinBox(self)
        self.budget_spin.setRange(1, 1_000_000)
        self.budget_spin.setSingleStep(100)
        self.match_box = QCheckBox(self.tr("Same number of parameters"), self)
        self.run_button = QPushButton(self.tr("Run sweep…"), self)
        self.run_button.setToolTip(
            self.tr("Choose a CSV file; every finished run is written to it at once")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.open_button = QPushButton(self.tr("Open sweep…"), self)
        self.open_button.setToolTip(self.tr("Show a sweep saved before (a CSV file)"))
        self.progress = QProgressBar(self)
        self.plot = SweepPlot()
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self._lay_out()
        self.run_button.clicked.connect(self._run)
        self.cancel_button.clicked.connect(self.sweep.cancel)
        self.open_button.clicked.connect(self._open)
        self.sweep.progressed.connect(self._show_all)
        self.sweep.state_changed.connect(self._show_all)
        self.sweep.message_changed.connect(self._show_all)
        self.training.settings_changed.connect(self._on_settings)
        self._on_settings(self.training.settings)

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 2)
        grid = QGridLayout()
        grid.addWidget(self.cells, 0, 0, 1, 4)
        grid.addWidget(self.match_box, 0, 4, 1, 2)
        grid.addWidget(self.lengths_label, 1, 0)
        grid.addWidget(self.lengths_edit, 1, 1)
        grid.addWidget(QLabel(self.tr("Seeds"), self), 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.seeds_spin, 1, 3)
        grid.addWidget(QLabel(self.tr("Budget (updates)"), self), 1, 4, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.budget_spin, 1, 5)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)
        buttons = QHBoxLayout()
        for button in (self.run_button, self.cancel_button, self.open_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress, 1)
        column.addLayout(buttons)
        column.addWidget(self.plot, 1)
        column.addWidget(self.message_label)

    def _on_settings(self, settings) -> None:
        """A new task in the Training tab: its lengths and budget as the sweep's defaults."""
        if self.sweep.running:
            return
        self.lengths_label.setText(text.named(text.LENGTH_NAMES.get(settings.task, "Length T")))
        self.lengths_edit.setText(DEFAULT_LENGTHS.get(settings.task, "5, 10, 20, 50"))
        self.budget_spin.setValue(settings.budget)
        self._show_all()

    # ---------------------------------------------------------------- commands
    def lengths(self) -> list[int] | None:
        try:
            parts = self.lengths_edit.text().replace(";", ",").split(",")
            values = [int(v) for v in parts if v.strip()]
        except ValueError:
            return None
        return values if values and min(values) >= 1 else None

    def _run(self) -> None:
        lengths = self.lengths()
        if lengths is None:
            self._say(self.tr("Lengths: whole numbers ≥ 1 separated by commas, e.g. 5, 10, 20."))
            return
        if not self.cells.ticked():
            self._say(self.tr("Tick at least one cell."))
            return
        path = self.ask_save_path()
        if not path:
            return
        self.start(path, lengths)

    def start(self, path: str, lengths: list[int]) -> bool:
        """Run the sweep into ``path`` (the button asks for the path first)."""
        return self.sweep.start(
            self.training.settings.task,
            self.cells.ticked(),
            lengths,
            self.seeds_spin.value(),
            self.budget_spin.value(),
            self.match_box.isChecked(),
            path,
        )

    def ask_save_path(self) -> str:
        name = f"sweep_{self.training.settings.task}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the sweep as"), name, self.tr("Sweep (*.csv)")
        )
        if path and not path.lower().endswith(".csv"):
            path += ".csv"
        return path

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a sweep"), "", self.tr("Sweep (*.csv)")
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        return self.sweep.open(path)

    def figure_data(self) -> dict:
        """The sweep's runs as columns (the CSV the sweep writes)."""
        rows = self.sweep.rows
        return {name: [row.get(name, "") for row in rows] for name in SWEEP_COLUMNS}

    def _say(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setStyleSheet("color: #CC0000;")

    # ---------------------------------------------------------------- showing
    def _show_all(self, *_args) -> None:
        sweep, running = self.sweep, self.sweep.running
        for widget in (self.run_button, self.open_button, self.lengths_edit, self.seeds_spin):
            widget.setEnabled(not running)
        self.budget_spin.setEnabled(not running)
        self.match_box.setEnabled(not running)
        self.cells.set_enabled(not running)
        self.cancel_button.setEnabled(running)
        total = len(sweep.jobs) or len(sweep.rows) or 1
        self.progress.setRange(0, total)
        self.progress.setValue(len(sweep.rows) if sweep.rows or sweep.jobs else 0)
        left = sweep.time_left()
        self.progress.setFormat(
            self.tr("{0} / {1} runs · {2} left").format(len(sweep.rows), total, text.duration(left))
            if running
            else self.tr("{0} runs").format(len(sweep.rows))
        )
        self.plot.show_sweep(sweep.task, sweep.curves(), sweep.sizes())
        self.message_label.setText(sweep.message)
        self.message_label.setStyleSheet("color: #CC0000;" if sweep.message_is_error else "")
