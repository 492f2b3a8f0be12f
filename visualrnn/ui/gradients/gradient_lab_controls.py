"""The gradient lab's controls: ρ, activation, memory bias, T, loss placement, k, C.

Every control is live (the views follow while a slider is dragged) and changes the lesson
only through the session; ``config_changed`` syncs the controls back (signals blocked, so
loading a preset does not feed back into the session).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...engine.cellspec import cell_spec
from ...session import LessonSession
from ..common.glossary import tooltip
from ..common.slider_field import SliderField
from ..common.theme import OVERFLOW_COLOR, font_scale, scaled_font

ACTIVATIONS = ("tanh", "relu", "identity")
RHO_RANGE = (0.1, 3.0)
FORGET_BIAS_RANGE = (-4.0, 8.0)
LENGTH_RANGE = (2, 10_000)
CLIP_RANGE = (0.01, 1000.0)
DEFAULT_CLIP = 1.0


class GradientLabControls(QWidget):
    """The controls of the gradient-flow lab, bound to a session."""

    def __init__(self, session: LessonSession, parent=None):
        super().__init__(parent)
        self.session = session
        self._errors: dict[str, str] = {}
        self._make_widgets()
        self._build_layout()
        self._connect()
        font_scale().scale_changed.connect(self._on_font_scale_changed)
        self._on_font_scale_changed()
        self._on_config_changed(session.config)

    # ---------------------------------------------------------------- construction
    def _make_widgets(self) -> None:
        self.rho = SliderField(*RHO_RANGE, decimals=2)
        self.activation = QComboBox()
        for name in ACTIVATIONS:
            self.activation.addItem(name, name)
        self.forget_bias = SliderField(*FORGET_BIAS_RANGE, decimals=1)
        self.length = SliderField(*LENGTH_RANGE, decimals=0, log=True)  # 2 … 10,000: log
        self.loss_all = QRadioButton(self.tr("all steps"))
        self.loss_last = QRadioButton(self.tr("last step only"))
        self.loss_group = QButtonGroup(self)
        self.loss_group.addButton(self.loss_all)
        self.loss_group.addButton(self.loss_last)
        self.truncate_on = QCheckBox(self.tr("k ="))
        self.truncate = SliderField(1, 100, decimals=0)
        self.clip_on = QCheckBox(self.tr("C ="))
        self.clip = SliderField(*CLIP_RANGE, decimals=2, log=True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {OVERFLOW_COLOR}; font-weight: bold;")
        self.rho.setToolTip(
            self.tr("Rescales Wₕ to this spectral radius (seeded weights).") + tooltip("rho")
        )
        self.activation.setToolTip(tooltip("phi", "gamma"))
        for widget in (self.truncate_on, self.truncate):
            widget.setToolTip(tooltip("truncation"))
        for widget in (self.clip_on, self.clip):
            widget.setToolTip(tooltip("clipping"))

    def _build_layout(self) -> None:
        form = QVBoxLayout()  # label above its control, both the dock's full width
        form.setSpacing(2)
        rows = [
            (self.tr("Spectral radius ρ of W<sub>h</sub>"), self.rho),
            (self.tr("Activation φ (RNN only)"), self.activation),
            (
                self.tr(
                    "Memory bias: b<sub>f</sub> (LSTM forget gate), b<sub>z</sub> (GRU update gate)"
                ),
                self.forget_bias,
            ),
            (self.tr("Sequence length T"), self.length),
            (self.tr("Loss at"), _row(self.loss_all, self.loss_last)),
            (
                self.tr("Truncated BPTT: cut the gradient every k steps"),
                _row(self.truncate_on, self.truncate),
            ),
            (
                self.tr("Clipping: scale the gradient down to norm ≤ C"),
                _row(self.clip_on, self.clip),
            ),
        ]
        for text, field in rows:
            form.addWidget(_wrapping_label(text))
            form.addWidget(field)
            form.addSpacing(6)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.rho.value_changed.connect(self._on_rho_changed)
        self.activation.currentIndexChanged.connect(self._on_activation_changed)
        self.forget_bias.value_changed.connect(self._on_forget_bias_changed)
        self.length.value_changed.connect(self._on_length_changed)
        self.loss_last.toggled.connect(self._on_loss_at_toggled)
        self.truncate_on.toggled.connect(self._on_truncation_changed)
        self.truncate.value_changed.connect(self._on_truncation_changed)
        self.clip_on.toggled.connect(self._on_clip_changed)
        self.clip.value_changed.connect(self._on_clip_changed)
        self.session.config_changed.connect(self._on_config_changed)
        self.session.error_changed.connect(self._on_error_changed)

    # ---------------------------------------------------------------- user → session
    def _on_rho_changed(self, rho: float) -> None:
        self.session.update_soon(spectral_radius=float(rho), model_source="init")

    def _on_activation_changed(self, _index: int) -> None:
        name = self.activation.currentData()
        if name and name != self.session.config.activation:
            self.session.update(activation=name, model_source="init")

    def _on_forget_bias_changed(self, bias: float) -> None:
        self.session.update_soon(forget_bias=float(bias), model_source="init")

    def _on_length_changed(self, T: float) -> None:
        self.session.set_sequence_length(int(T))

    def _on_loss_at_toggled(self, _checked: bool) -> None:
        self.session.update(loss_at="last" if self.loss_last.isChecked() else "all")

    def _on_truncation_changed(self, *_args) -> None:
        k = int(self.truncate.value()) if self.truncate_on.isChecked() else None
        self.truncate.setEnabled(k is not None)
        self.truncate.setProperty("preferred", self.truncate.value())
        self.session.update(truncate=k)

    def _on_clip_changed(self, *_args) -> None:
        clip = float(self.clip.value()) if self.clip_on.isChecked() else None
        self.clip.setEnabled(clip is not None)
        self.clip.setProperty("preferred", self.clip.value())
        self.session.update(clip=clip)

    # ---------------------------------------------------------------- session → controls
    def _on_config_changed(self, config) -> None:
        """Show ``config`` (a preset, or another view's change) without feeding back."""
        blockers = [QSignalBlocker(w) for w in self._inputs()]
        cell = self.session.model.cell
        rho = config.spectral_radius
        self.rho.set_value(rho if rho is not None else self._current_rho())
        self.activation.setCurrentIndex(max(0, self.activation.findData(config.activation)))
        spec = cell_spec(cell)
        self.activation.setEnabled(spec.has_activation_choice)
        self.forget_bias.set_value(config.forget_bias)
        self.forget_bias.setEnabled(spec.memory_gate is not None)
        self.length.set_value(self.session.T)
        (self.loss_last if config.loss_at == "last" else self.loss_all).setChecked(True)
        self.truncate.set_range(1, max(1, self.session.T))
        self._sync_optional(self.truncate_on, self.truncate, config.truncate, 20)
        self._sync_optional(self.clip_on, self.clip, config.clip, DEFAULT_CLIP)
        del blockers

    def _current_rho(self) -> float:
        return float(self.session.recurrent_stats()["spectral_radius"])

    def _sync_optional(self, check, field, value, default) -> None:
        """A setting that can be off (None): the check box, and the number (when off, the
        last number used, else the default)."""
        check.setChecked(value is not None)
        field.setEnabled(value is not None)
        if value is not None:
            field.setProperty("preferred", float(value))
        field.set_value(value if value is not None else field.property("preferred") or default)

    def _inputs(self) -> list[QWidget]:
        return [
            self.rho,
            self.activation,
            self.forget_bias,
            self.length,
            self.loss_all,
            self.loss_last,
            self.truncate_on,
            self.truncate,
            self.clip_on,
            self.clip,
        ]

    def _on_error_changed(self, source: str, message: str) -> None:
        if message:
            self._errors[source] = message
        else:
            self._errors.pop(source, None)
        self.error_label.setText("\n".join(self._errors.values()))

    def _on_font_scale_changed(self, _scale: float = 1.0) -> None:
        self.setFont(scaled_font())
        self.error_label.setFont(scaled_font(bold=True))
        for widget in self.findChildren(QWidget):
            widget.setFont(scaled_font())


def _wrapping_label(text: str) -> QLabel:
    """A form label that wraps at the dock's width (never forces a horizontal scrollbar)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setMinimumWidth(1)
    return label


def _row(*widgets: QWidget) -> QWidget:
    """Widgets side by side, the last one stretching."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for k, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if k == len(widgets) - 1 else 0)
    return row
