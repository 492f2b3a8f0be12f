"""The sequence editor: the input x as text, validated live through the session, generator
buttons with their parameters, a text (one-hot characters) mode, and optional targets.

A typing error never clears what the student typed and never drops the last good trace:
the session keeps its trace, and this editor keeps the text and shows the error below it,
naming the step and the token, with the token underlined.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...engine.sequences import MAX_STEPS
from ..common.theme import OVERFLOW_COLOR
from .escape_to_step import EscapeToStep
from .sequence_text_edit import SequenceTextEdit

#: Milliseconds of quiet typing before the text is validated and computed.
DEBOUNCE_MS = 250
SAMPLE_TEXT = "hello world"
#: The parameters' labels (shown through ``self.tr``; marked here for lupdate).
_PERIOD = QT_TRANSLATE_NOOP("SequenceEditor", "Period")
_AMPLITUDE = QT_TRANSLATE_NOOP("SequenceEditor", "Amplitude")
_PHASE = QT_TRANSLATE_NOOP("SequenceEditor", "Phase (rad)")
_POSITION = QT_TRANSLATE_NOOP("SequenceEditor", "Position t")
_LOW = QT_TRANSLATE_NOOP("SequenceEditor", "Low")
_HIGH = QT_TRANSLATE_NOOP("SequenceEditor", "High")
_SEED = QT_TRANSLATE_NOOP("SequenceEditor", "Noise seed")
#: Generator parameters: name → (label, kind "int"/"float", low, high, default, step).
GENERATOR_PARAMS = {
    "sine": [
        ("period", _PERIOD, "float", 2.0, 1000.0, 20.0, 1.0),
        ("amplitude", _AMPLITUDE, "float", -100.0, 100.0, 1.0, 0.1),
        ("phase", _PHASE, "float", -10.0, 10.0, 0.0, 0.1),
    ],
    "square": [
        ("period", _PERIOD, "float", 2.0, 1000.0, 20.0, 1.0),
        ("amplitude", _AMPLITUDE, "float", -100.0, 100.0, 1.0, 0.1),
    ],
    "impulse": [
        ("at", _POSITION, "int", 0, MAX_STEPS - 1, 0, 1),
        ("amplitude", _AMPLITUDE, "float", -100.0, 100.0, 1.0, 0.1),
    ],
    "step": [
        ("at", _POSITION, "int", 0, MAX_STEPS - 1, 0, 1),
        ("amplitude", _AMPLITUDE, "float", -100.0, 100.0, 1.0, 0.1),
    ],
    "noise": [
        ("low", _LOW, "float", -100.0, 100.0, -1.0, 0.1),
        ("high", _HIGH, "float", -100.0, 100.0, 1.0, 0.1),
        ("seed", _SEED, "int", 0, 99_999, 0, 1),
    ],
    "text": [],
}
GENERATOR_LABELS = {
    "sine": QT_TRANSLATE_NOOP("SequenceEditor", "Sine"),
    "square": QT_TRANSLATE_NOOP("SequenceEditor", "Square"),
    "impulse": QT_TRANSLATE_NOOP("SequenceEditor", "Impulse"),
    "step": QT_TRANSLATE_NOOP("SequenceEditor", "Step"),
    "noise": QT_TRANSLATE_NOOP("SequenceEditor", "Noise"),
    "text": QT_TRANSLATE_NOOP("SequenceEditor", "Text"),
}
GENERATOR_TIPS = {
    "sine": QT_TRANSLATE_NOOP("SequenceEditor", "x_t = amplitude · sin(2π t / period + phase)"),
    "square": QT_TRANSLATE_NOOP("SequenceEditor", "x_t = ±amplitude, switching every half period"),
    "impulse": QT_TRANSLATE_NOOP("SequenceEditor", "x_t = amplitude at one step, 0 elsewhere"),
    "step": QT_TRANSLATE_NOOP(
        "SequenceEditor", "x_t = 0 before the position, amplitude from there on"
    ),
    "noise": QT_TRANSLATE_NOOP(
        "SequenceEditor", "x_t drawn uniformly from [low, high) with a seed"
    ),
    "text": QT_TRANSLATE_NOOP("SequenceEditor", "Characters, one step each, one-hot encoded"),
}


class SequenceEditor(QWidget):
    """Edits the lesson's input sequence and targets through the session."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._shown_input: str | None = None
        self._shown_targets: str | None = None
        self._texts = {"numbers": "1, 2", "text": SAMPLE_TEXT}
        #: The lesson as it was when the editor left an input mode, and as the switch left
        #: it: switching straight back brings the textbook's weights back with the numbers
        #: (they read one number per step; text needs another W_x, so it left them).
        self._left: dict = {}
        self._after_switch = None
        self._input_timer = self._timer(self._apply_input)
        self._targets_timer = self._timer(self._apply_targets)
        self.params: dict[str, dict[str, QSpinBox | QDoubleSpinBox]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._mode_row())
        self.input_edit = self._input_edit()
        layout.addWidget(self.input_edit, 1)
        self.input_error = self._error_label()
        layout.addWidget(self.input_error)
        layout.addWidget(QLabel(self.tr("Generate:")))
        layout.addLayout(self._generator_buttons())
        self.length_spin = self._length_spin()
        self.param_stack = self._param_stack()
        form = QFormLayout()
        form.addRow(self.tr("Length T"), self.length_spin)
        layout.addLayout(form)
        layout.addWidget(self.param_stack)
        layout.addWidget(QLabel(self.tr("Targets (optional):")))
        self.targets_edit = self._targets_edit()
        self._escape = EscapeToStep(self)
        self._escape.watch(self.input_edit, self.targets_edit)
        layout.addWidget(self.targets_edit)
        self.targets_error = self._error_label()
        layout.addWidget(self.targets_error)
        session.config_changed.connect(self._on_config_changed)
        session.error_changed.connect(self._on_error_changed)
        session.trace_changed.connect(self._on_trace_changed)
        self._on_config_changed(session.config)

    # ---------------------------------------------------------------- building
    def _timer(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(DEBOUNCE_MS)
        timer.timeout.connect(slot)
        return timer

    def _mode_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Input x</b>")))
        row.addStretch(1)
        self.numbers_radio = QRadioButton(self.tr("Numbers"), self)
        self.text_radio = QRadioButton(self.tr("Text"), self)
        self.numbers_radio.setToolTip(self.tr("1, 2, 0.5 — one value per step; 1 0; 0 1 — rows"))
        self.text_radio.setToolTip(self.tr(GENERATOR_TIPS["text"]))
        self._mode_group = QButtonGroup(self)
        for radio in (self.numbers_radio, self.text_radio):
            self._mode_group.addButton(radio)
            row.addWidget(radio)
        self.numbers_radio.clicked.connect(self._on_numbers_clicked)
        self.text_radio.clicked.connect(self._on_text_clicked)
        return row

    def _input_edit(self) -> QPlainTextEdit:
        edit = SequenceTextEdit(self)  # refuses a paste too long to show (refused → error)
        edit.refused.connect(self._on_paste_refused)
        edit.setPlaceholderText(self.tr("Type the inputs, e.g. 1, 2, 0.5"))
        edit.setToolTip(
            self.tr(
                "One value per step: 1, 2, 0.5\n"
                "Several values per step: rows separated by ; or new lines (1 0; 0 1)"
            )
        )
        edit.textChanged.connect(self._input_timer.start)
        return edit

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a typed token is never HTML
        label.setStyleSheet(f"color: {OVERFLOW_COLOR};")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _generator_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.generator_buttons: dict[str, QPushButton] = {}
        self._generator_group = QButtonGroup(self)
        self._generator_group.setExclusive(False)
        for k, kind in enumerate(GENERATOR_PARAMS):
            button = QPushButton(self.tr(GENERATOR_LABELS[kind]), self)
            button.setCheckable(True)
            button.setToolTip(self.tr(GENERATOR_TIPS[kind]))
            button.setProperty("kind", kind)
            self._generator_group.addButton(button)
            self.generator_buttons[kind] = button
            grid.addWidget(button, k // 3, k % 3)
        self._generator_group.buttonClicked.connect(self._on_generator_clicked)
        return grid

    def _length_spin(self) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, MAX_STEPS)
        spin.setKeyboardTracking(False)
        spin.setToolTip(self.tr("Number of steps T (regenerates or repeats the sequence)"))
        spin.valueChanged.connect(self._on_length_chosen)
        return spin

    def _param_stack(self) -> QStackedWidget:
        stack = QStackedWidget(self)
        self._pages: dict[str, int] = {}
        for kind, specs in GENERATOR_PARAMS.items():
            page = QWidget(stack)
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            self.params[kind] = {}
            for name, label, typ, low, high, default, step in specs:
                spin = QSpinBox(page) if typ == "int" else QDoubleSpinBox(page)
                spin.setRange(low, high)
                spin.setSingleStep(step)
                spin.setValue(default)
                spin.setKeyboardTracking(False)
                spin.valueChanged.connect(self._on_param_changed)
                self.params[kind][name] = spin
                form.addRow(self.tr(label), spin)
            self._pages[kind] = stack.addWidget(page)
        return stack

    def _targets_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.tr("empty: target 0 at every step"))
        edit.setToolTip(self.tr("One target per step, like the input (mse: numbers; ce: classes)"))
        edit.textChanged.connect(self._targets_timer.start)
        return edit

    # ---------------------------------------------------------------- user → session
    def flush(self) -> None:
        """Apply pending typing at once (instead of after the debounce delay)."""
        if self._input_timer.isActive():
            self._input_timer.stop()
            self._apply_input()
        if self._targets_timer.isActive():
            self._targets_timer.stop()
            self._apply_targets()

    def _apply_input(self) -> None:
        text = self.input_edit.toPlainText()
        self._texts[self._session.config.input_mode] = text
        self._session.set_input_text(text)

    def _apply_targets(self) -> None:
        self._session.set_targets_text(self.targets_edit.text())

    def _switch_mode(self, mode: str) -> None:
        config = self._session.config
        if mode == config.input_mode:
            return
        self._texts[config.input_mode] = self.input_edit.toPlainText()
        changes = {"input_mode": mode, "input_text": self._texts[mode], "generator": None}
        if not config.targets_text.strip():  # text predicts the next character (cross-entropy)
            changes["loss"] = "ce" if mode == "text" else "mse"
        if config.model_source == "textbook":
            changes["model_source"] = "init"  # the textbook's W_x reads one number per step
        left = self._left.get(mode)
        if left is not None and left.model_source == "textbook" and self._unchanged(config):
            changes["model_source"] = "textbook"  # straight back: the textbook's weights
        self._left[config.input_mode] = config
        if not self._session.update("input", **changes):
            self._sync_mode(self._session.config)  # refused: the radios show the real mode
        self._after_switch = self._session.config

    def _unchanged(self, config) -> bool:
        """Whether nothing but the typed sequence changed since the last mode switch."""
        if self._after_switch is None:
            return False
        typed = {"input_text": "", "generator": None}
        return config.replace(**typed) == self._after_switch.replace(**typed)

    def _on_numbers_clicked(self) -> None:
        self._switch_mode("numbers")

    def _on_text_clicked(self) -> None:
        self._switch_mode("text")

    def _on_generator_clicked(self, button) -> None:
        kind = button.property("kind")
        if kind == "text":
            self._switch_mode("text")
        else:
            self._generate(kind)
        self._show_generator()

    def _generate(self, kind: str) -> None:
        args = {name: spin.value() for name, spin in self.params[kind].items()}
        self._session.generate_input(kind, T=self.length_spin.value(), **args)

    def _on_param_changed(self) -> None:
        generator = self._session.config.generator
        kind = self._current_page_kind()
        if generator is not None and generator.get("kind") == kind:
            self._generate(kind)

    def _on_length_chosen(self, T: int) -> None:
        if T != self._session.T and not self._session.set_sequence_length(T):
            with QSignalBlocker(self.length_spin):  # refused (the error says why): the
                self.length_spin.setValue(self._session.T)  # spin shows the real length

    def _current_page_kind(self) -> str:
        index = self.param_stack.currentIndex()
        return next(kind for kind, page in self._pages.items() if page == index)

    # ---------------------------------------------------------------- session → view
    def _on_config_changed(self, config) -> None:
        """Show the lesson's sequence and targets — except a text the student is still
        typing or that is in error (kept until fixed; a new lesson replaces it)."""
        errors = self._session.errors
        if self._stale(
            config.input_text,
            self._shown_input,
            self.input_edit.toPlainText(),
            "input" in errors,
            self._input_timer,
        ):
            with QSignalBlocker(self.input_edit):
                self.input_edit.setPlainText(config.input_text)
            self._input_timer.stop()
        self._shown_input = config.input_text
        self._texts[config.input_mode] = config.input_text
        if self._stale(
            config.targets_text,
            self._shown_targets,
            self.targets_edit.text(),
            "targets" in errors,
            self._targets_timer,
        ):
            with QSignalBlocker(self.targets_edit):
                self.targets_edit.setText(config.targets_text)
            self._targets_timer.stop()
        self._shown_targets = config.targets_text
        self._sync_mode(config)

    @staticmethod
    def _stale(wanted: str, shown, typed: str, in_error: bool, timer) -> bool:
        """Whether the field must be rewritten: the lesson's text changed, or the field
        shows something else while it is neither in error nor being typed."""
        if wanted == typed:
            return False
        return wanted != shown or not (in_error or timer.isActive())

    def _sync_mode(self, config) -> None:
        radio = self.text_radio if config.input_mode == "text" else self.numbers_radio
        radio.setChecked(True)
        with QSignalBlocker(self.length_spin):
            self.length_spin.setValue(self._session.T)
        self.length_spin.setEnabled(config.input_mode == "numbers")
        self.targets_edit.setPlaceholderText(self._targets_hint(config))
        self._show_generator()

    def _targets_hint(self, config) -> str:
        """What an empty targets field means, and where the loss is (the status bar's
        "loss only at the last step" must not read against "target 0 at every step")."""
        last = config.loss_at == "last"
        if config.input_mode == "text" and config.loss == "ce":
            if last:
                return self.tr("empty: the next character; loss only at the last step")
            return self.tr("empty: the next character at every step")
        if last:
            return self.tr("empty: target 0; loss only at the last step")
        return self.tr("empty: target 0 at every step")

    def _show_generator(self) -> None:
        config = self._session.config
        generator = config.generator or {}
        kind = "text" if config.input_mode == "text" else generator.get("kind")
        for name, button in self.generator_buttons.items():
            button.setChecked(name == kind)
        self.param_stack.setVisible(kind not in (None, "text"))
        if kind is None:
            return
        self.param_stack.setCurrentIndex(self._pages[kind])
        for name, spin in self.params[kind].items():
            if name in generator:
                with QSignalBlocker(spin):
                    spin.setValue(generator[name])

    def _on_trace_changed(self) -> None:
        """A change was accepted: retry a field still in error — it may have been refused
        only because of the other one (3 targets for a 2-step input, then 3 inputs)."""
        errors, config = self._session.errors, self._session.config
        if "targets" in errors and self.targets_edit.text() != config.targets_text:
            self._apply_targets()
        elif "input" in errors and self.input_edit.toPlainText() != config.input_text:
            self._apply_input()

    def _on_error_changed(self, source: str, message: str) -> None:
        if source == "input":
            self._show_error(self.input_error, message)
            self._underline(self._session.error_location("input")[1] if message else None)
        elif source == "targets":
            self._show_error(self.targets_error, message)

    def _on_paste_refused(self, message: str) -> None:
        self.input_error.setText(f"⚠ {message}")
        self.input_error.show()

    def _show_error(self, label: QLabel, message: str) -> None:
        if message:
            note = self.tr("The views keep showing the last good sequence (T = {0}).")
            label.setText(f"⚠ {message}\n{note.format(self._session.T)}")
        label.setVisible(bool(message))

    def _underline(self, token: str | None) -> None:
        """Mark every occurrence of the offending token with a red wavy underline."""
        selections = []
        if token and token.strip():
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(OVERFLOW_COLOR))
            fmt.setBackground(QColor(255, 220, 220))
            document = self.input_edit.document()
            cursor = document.find(token, 0, QTextDocument.FindFlag.FindCaseSensitively)
            while not cursor.isNull() and len(selections) < 50:
                selection = QTextEdit.ExtraSelection()
                selection.cursor, selection.format = QTextCursor(cursor), fmt
                selections.append(selection)
                cursor = document.find(token, cursor, QTextDocument.FindFlag.FindCaseSensitively)
        self.input_edit.setExtraSelections(selections)
