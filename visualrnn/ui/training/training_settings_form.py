"""The training lab's settings: the task with its one-line description and its length, the
cell and H (the lesson's own settings, as in the toolbar — not a second copy), the
optimizer, learning rate, batch, clipping, truncation and budget.

Every control changes the sessions through their methods; ``settings_changed`` and
``config_changed`` bring the controls back in line (signals blocked, nothing twice).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from ...session.config import MAX_HIDDEN
from ...session.training_tasks import LAB_TASKS
from ..common.cell_text import CELL_SPECS, cell_label
from . import training_text as text

OPTIMIZER_NAMES = {"adam": "Adam", "sgd": "SGD"}


class TrainingSettingsForm(QWidget):
    """The settings of the next run."""

    def __init__(self, training, parent: QWidget | None = None):
        super().__init__(parent)
        self.training, self.lesson = training, training.lesson
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.task_box = QComboBox(self)
        self.task_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.task_box.setMinimumContentsLength(12)
        for name in LAB_TASKS:
            if name == "text":
                for lang in ("en", "zh"):
                    label = self.tr("Learn to spell (English text)")
                    if lang == "zh":
                        label = self.tr("Learn to write (Chinese text)")
                    self.task_box.addItem(label, f"{name}:{lang}")
            else:
                self.task_box.addItem(text.task_name(name), name)
        self.task_box.activated.connect(self._on_task)
        self.length_spin = self._spin(QSpinBox(self), 0, 10_000, self._on_length)
        self.length_label = QLabel(self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setStyleSheet("color: #303030;")
        self.cell_box = QComboBox(self)
        for spec in CELL_SPECS.values():
            self.cell_box.addItem(cell_label(spec), spec.key)
        self.cell_box.activated.connect(self._on_cell)
        self.hidden_spin = self._spin(QSpinBox(self), 1, MAX_HIDDEN, self._on_hidden)
        self.optimizer_box = QComboBox(self)
        for key, name in OPTIMIZER_NAMES.items():
            self.optimizer_box.addItem(name, key)
        self.optimizer_box.activated.connect(self._on_optimizer)
        self.lr_spin = QDoubleSpinBox(self)
        self.lr_spin.setDecimals(4)
        self.lr_spin.setRange(0.0, 100.0)
        self.lr_spin.setSingleStep(0.001)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(self._on_lr)
        self.batch_spin = self._spin(QSpinBox(self), 1, 100_000, self._on_batch)
        self.clip_check = QCheckBox(self.tr("Clip ‖g‖ at"), self)
        self.clip_check.toggled.connect(self._on_clip)
        self.clip_spin = QDoubleSpinBox(self)
        self.clip_spin.setRange(0.01, 1000.0)
        self.clip_spin.setKeyboardTracking(False)
        self.clip_spin.valueChanged.connect(self._on_clip)
        self.truncate_check = QCheckBox(self.tr("Truncate BPTT, k ="), self)
        self.truncate_check.toggled.connect(self._on_truncate)
        self.truncate_spin = self._spin(QSpinBox(self), 1, 10_000, self._on_truncate)
        self.budget_spin = self._spin(QSpinBox(self), 1, 1_000_000, self._on_budget)
        self.budget_spin.setSingleStep(100)
        for spin in (self.length_spin, self.hidden_spin, self.lr_spin, self.batch_spin):
            spin.setMinimumWidth(70)
        for spin in (self.budget_spin, self.clip_spin, self.truncate_spin):
            spin.setMinimumWidth(70)
        for box in (self.cell_box, self.optimizer_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(6)
        self._lay_out(form)
        self._tooltips()
        training.settings_changed.connect(self.show_settings)
        self.lesson.config_changed.connect(self._on_config_changed)
        self.show_settings(training.settings)

    def _spin(self, spin, low, high, slot):
        spin.setRange(low, high)
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(slot)
        return spin

    def _lay_out(self, form: QFormLayout) -> None:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Task"), self.task_box)
        form.addRow(self.description)
        form.addRow(self.length_label, self.length_spin)
        form.addRow(self.tr("Cell"), self.cell_box)
        form.addRow(self.tr("Hidden size H"), self.hidden_spin)
        form.addRow(self.tr("Optimizer"), self.optimizer_box)
        form.addRow(self.tr("Learning rate η"), self.lr_spin)
        form.addRow(self.tr("Batch B"), self.batch_spin)
        form.addRow(self.tr("Budget (updates)"), self.budget_spin)
        for check, spin in (
            (self.clip_check, self.clip_spin),
            (self.truncate_check, self.truncate_spin),
        ):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(spin, 1)
            form.addRow(row)

    def _tooltips(self) -> None:
        self.task_box.setToolTip(self.tr("What the network learns; each task needs memory"))
        self.cell_box.setToolTip(self.tr("The lesson's cell (the same as in the toolbar)"))
        self.hidden_spin.setToolTip(self.tr("H, the number of hidden units (as in the toolbar)"))
        self.lr_spin.setToolTip(self.tr("The learning rate η"))
        self.batch_spin.setToolTip(self.tr("Sequences per update"))
        self.budget_spin.setToolTip(self.tr("The most updates of a run"))
        self.clip_check.setToolTip(self.tr("Gradient clipping: scale g down when ‖g‖ > C"))
        self.truncate_check.setToolTip(
            self.tr("Truncated BPTT: no gradient crosses every k-th step")
        )

    # ---------------------------------------------------------------- sessions → controls
    def show_settings(self, s) -> None:
        task = s.make_task()
        with QSignalBlocker(self.task_box):
            data = f"{s.task}:{s.language}" if s.task == "text" else s.task
            self.task_box.setCurrentIndex(max(0, self.task_box.findData(data)))
        self.description.setText(
            text.task_description(task) + "\n" + text.named(text.WHY_MEMORY.get(s.task, ""))
        )
        self.length_label.setText(text.named(text.LENGTH_NAMES.get(s.task, "Length T")))
        with QSignalBlocker(self.length_spin):
            self.length_spin.setMinimum(task.min_length)
            self.length_spin.setValue(task.length)
        with QSignalBlocker(self.optimizer_box):
            self.optimizer_box.setCurrentIndex(self.optimizer_box.findData(s.optimizer))
        for spin, value in (
            (self.lr_spin, s.lr),
            (self.batch_spin, s.batch),
            (self.budget_spin, s.budget),
        ):
            with QSignalBlocker(spin):
                spin.setValue(value)
        for check, spin, value in (
            (self.clip_check, self.clip_spin, s.clip),
            (self.truncate_check, self.truncate_spin, s.truncate),
        ):
            with QSignalBlocker(check), QSignalBlocker(spin):
                check.setChecked(value is not None)
                spin.setEnabled(value is not None)
                if value is not None:
                    spin.setValue(value)
        self._on_config_changed(self.lesson.config)

    def _on_config_changed(self, config) -> None:
        model = self.lesson.model
        with QSignalBlocker(self.cell_box):
            self.cell_box.setCurrentIndex(self.cell_box.findData(model.cell))
        with QSignalBlocker(self.hidden_spin):
            self.hidden_spin.setValue(model.hidden_size)

    def set_editable(self, editable: bool) -> None:
        """Settings belong to a run from its start: locked while one trains or pauses."""
        for w in self.findChildren(QWidget):
            w.setEnabled(editable)
        if editable:
            self.clip_spin.setEnabled(self.clip_check.isChecked())
            self.truncate_spin.setEnabled(self.truncate_check.isChecked())

    # ---------------------------------------------------------------- controls → sessions
    def _on_task(self, index: int) -> None:
        name, _, language = self.task_box.itemData(index).partition(":")
        language = language or None
        changes = {"task": name}
        if language is not None:
            changes["language"] = language
        if name == self.training.settings.task and language is not None:
            self.training.set_settings(language=language)
        else:
            self.training.set_settings(**changes)
        self.show_settings(self.training.settings)

    def _on_length(self, value: int) -> None:
        if not self.training.set_settings(length=int(value)):
            self.show_settings(self.training.settings)

    def _on_cell(self, index: int) -> None:
        self.lesson.set_cell(self.cell_box.itemData(index))

    def _on_hidden(self, value: int) -> None:
        if value != self.lesson.model.hidden_size:
            self.lesson.update(hidden_size=int(value), model_source="init")

    def _on_optimizer(self, index: int) -> None:
        self.training.set_settings(optimizer=self.optimizer_box.itemData(index), momentum=0.0)

    def _on_lr(self, value: float) -> None:
        if not self.training.set_settings(lr=float(value)):
            with QSignalBlocker(self.lr_spin):
                self.lr_spin.setValue(self.training.settings.lr)

    def _on_batch(self, value: int) -> None:
        if not self.training.set_settings(batch=int(value)):
            with QSignalBlocker(self.batch_spin):
                self.batch_spin.setValue(self.training.settings.batch)

    def _on_budget(self, value: int) -> None:
        self.training.set_settings(budget=int(value))

    def _on_clip(self, *_args) -> None:
        on = self.clip_check.isChecked()
        self.clip_spin.setEnabled(on)
        self.training.set_settings(clip=float(self.clip_spin.value()) if on else None)

    def _on_truncate(self, *_args) -> None:
        on = self.truncate_check.isChecked()
        self.truncate_spin.setEnabled(on)
        self.training.set_settings(truncate=int(self.truncate_spin.value()) if on else None)
