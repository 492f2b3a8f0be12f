"""Running the lab: Train / Pause, One update, Reset (with shortcuts), the progress bar with
updates per second and the time left, the run's message, what the trained network answers
on the lesson's sample (sky colour: the colour word and its probability; text: the text it
writes), and the history slider over the kept snapshots of the weights.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QStyle,
    QWidget,
)

from ...session.race_session import RaceSession
from ...session.training_tasks import prediction, sequence_words
from ..common.refresh import SessionRefresh
from . import training_text as text

TRAIN_KEY, STEP_KEY, RESET_KEY = "Ctrl+T", "Ctrl+U", "Ctrl+Shift+R"


class TrainingRunBox(QWidget):
    """Buttons, progress, answer and history of the run."""

    def __init__(self, training, parent: QWidget | None = None):
        super().__init__(parent)
        self.training, self.lesson = training, training.lesson
        style = self.style()
        self.train_button = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), TRAIN_KEY, training.toggle
        )
        self.step_button = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward),
            STEP_KEY,
            training.step_once,
        )
        self.step_button.setText(self.tr("One update"))
        self.reset_button = self._button(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogResetButton),
            RESET_KEY,
            training.reset,
        )
        self.reset_button.setText(self.tr("Reset"))
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.rate_label = QLabel(self)
        self.message_label = self._label()
        self.answer_label = self._label()
        self.answer_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.history_slider.setToolTip(
            self.tr("Show the weights as they were after an earlier update")
        )
        self.history_label = QLabel(self)
        self._scrub = QTimer(self, singleShot=True, interval=0)
        self._scrub.timeout.connect(self._on_scrubbed)
        self.history_slider.valueChanged.connect(self._scrub.start)
        self._lay_out()
        self._tooltips()
        training.state_changed.connect(self._on_state)
        training.progressed.connect(self._on_progress)
        training.message_changed.connect(self._on_message)
        training.snapshots_changed.connect(self._on_snapshots)
        training.sample_changed.connect(self._on_sample)
        self._race = RaceSession.of(self.lesson)  # its results sit beside this run's box
        self._race.state_changed.connect(self._on_progress)
        self._refresh = SessionRefresh(self, self.lesson, self._show_answer, self._noop)
        self._on_state(training.state)
        self._on_progress()
        self._on_message(training.message, training.message_is_error)
        self._on_snapshots()
        self._show_answer()

    def _button(self, icon, key: str, slot) -> QPushButton:
        button = QPushButton(icon, "", self)
        button.setShortcut(QKeySequence(key))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.train_button, 0, 0, 1, 2)
        grid.addWidget(self.step_button, 1, 0)
        grid.addWidget(self.reset_button, 1, 1)
        grid.addWidget(self.progress, 2, 0, 1, 2)
        grid.addWidget(self.rate_label, 3, 0, 1, 2)
        grid.addWidget(self.message_label, 4, 0, 1, 2)
        grid.addWidget(self.answer_label, 5, 0, 1, 2)
        grid.addWidget(self.history_label, 6, 0, 1, 2)
        grid.addWidget(self.history_slider, 7, 0, 1, 2)
        grid.setRowStretch(8, 1)

    def _tooltips(self) -> None:
        native = QKeySequence.SequenceFormat.NativeText
        for button, tip, key in (
            (self.train_button, self.tr("Train, or pause the training"), TRAIN_KEY),
            (self.step_button, self.tr("Exactly one update, then pause"), STEP_KEY),
            (self.reset_button, self.tr("Forget the run: back to the initial weights"), RESET_KEY),
        ):
            button.setToolTip(f"{tip} ({QKeySequence(key).toString(native)})")

    # ---------------------------------------------------------------- following the run
    def _on_state(self, state: str) -> None:
        running = self.training.running
        self.train_button.setText(self.tr("Pause") if running else self.tr("Train"))
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.train_button.setIcon(self.style().standardIcon(icon))
        self.step_button.setEnabled(not running)
        self._on_progress()

    def _on_progress(self, *_args) -> None:
        t = self.training
        budget = max(1, t.settings.budget)
        self.progress.setRange(0, budget)
        self.progress.setValue(min(t.log.last_step, budget))
        self.progress.setFormat(self.tr("{0} / {1} updates").format(t.log.last_step, budget))
        state = text.named(text.STATE_NAMES.get(t.state, t.state))
        if t.running and t.rate > 0:
            self.rate_label.setText(
                self.tr("{0} · {1:.0f} updates/s · {2} left").format(
                    state, t.rate, text.duration(t.time_left())
                )
            )
        elif t.state == "idle" and self._race.logs:  # "solved" beside "not trained yet"
            self.rate_label.setText(self.tr("not trained yet: the race trains its own copies"))
        else:
            self.rate_label.setText(state)

    def _on_message(self, message: str, is_error: bool) -> None:
        self.message_label.setText(message)
        self.message_label.setStyleSheet("color: #CC0000;" if is_error else "color: #006400;")

    def _on_sample(self, sample: str) -> None:
        self._show_answer()

    def _noop(self) -> None:
        pass

    def _show_answer(self) -> None:
        """What the network shown in the lesson answers on its sample."""
        t = self.training
        task = t.task
        if task.name == "text":
            sample = t.sample or "…"
            self.answer_label.setText(
                self.tr("The network writes: <b>{0}</b>").format(_html(sample))
            )
            return
        trace = self.lesson.trace
        if trace.x.shape[1] != task.input_size or trace.y.shape[1] != task.output_size:
            self.answer_label.setText("")
            return
        answer = prediction(task, trace.y[-1])
        if answer is None:
            self.answer_label.setText("")
            return
        words = [text.gloss(w, task.glosses.get(w, "")) for w in sequence_words(task, trace.x)]
        if len(words) > 8:
            words = [*words[:3], "…", *words[-2:]]
        word, english, p = answer
        said = self.tr("{0} → <b>{1}</b> ({2:.0%})").format(
            _html(" ".join(words)), _html(text.gloss(word, english)), p
        )
        right = task.classes[int(trace.targets[-1])]
        if right != word:
            said += "<br>" + self.tr("<span style='color:#CC0000'>wrong: it is {0}</span>").format(
                _html(text.gloss(right, task.glosses.get(right, "")))
            )
        elif self.lesson.config.model_source == "init":  # the seed's random weights
            said += " " + self.tr(
                "<span style='color:#666'>right by chance: the weights are not trained</span>"
            )
        elif p < 1.0 / len(task.classes) + GUESS_MARGIN:
            said += " " + self.tr(
                "<span style='color:#666'>right, but close to chance ({0:.0%}): a guess</span>"
            ).format(1.0 / len(task.classes))
        else:
            said += " " + self.tr("<span style='color:#006400'>✓ right</span>")
        self.answer_label.setText(said)

    # ---------------------------------------------------------------- history
    def _on_snapshots(self) -> None:
        steps = self.training.snapshot_steps()
        self._steps = steps
        with_signals = self.history_slider.blockSignals(True)
        self.history_slider.setRange(0, max(0, len(steps) - 1))
        shown = self.training.shown_step
        index = steps.index(shown) if shown in steps else len(steps) - 1
        self.history_slider.setValue(max(0, index))
        self.history_slider.blockSignals(with_signals)
        self.history_slider.setEnabled(len(steps) > 1)
        if shown is None:
            self.history_label.setText(self.tr("Weights: the initial ones"))
        else:
            self.history_label.setText(self.tr("Weights after update {0}").format(shown))

    def _on_scrubbed(self) -> None:
        steps = self._steps
        index = self.history_slider.value()
        if 0 <= index < len(steps):
            last = index == len(steps) - 1
            self.training.show_snapshot(None if last else steps[index])


#: An answer whose probability is less than this above chance is called a guess, not right.
GUESS_MARGIN = 0.15


def _html(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
