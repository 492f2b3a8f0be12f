"""The lesson session: one lesson's configuration, its computed trace and the cursor.

Views read :attr:`LessonSession.result` (trace + gradients) and the cursor, listen to the
signals, and change the lesson only through the methods here. Any change of configuration
recomputes the trace once; moving the cursor recomputes nothing.
"""

from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..engine import CELL_SPECS, GAMMA, Model, Result, recurrent_stats
from ..engine.explain import Breakdown, breakdown
from ..engine.sequences import format_numbers
from .config import LessonConfig, build_lesson, generate_text, run_options
from .lesson_document import LessonState
from .playback import Playback


class LessonSession(QObject):
    """One lesson.

    Signals
    -------
    trace_changed() : a new result was computed (after any accepted configuration change).
    config_changed(object) : the configuration changed; carries the new LessonConfig.
    cursor_changed(int) : the cursor moved; carries t in 0 … T (steps shown so far).
    error_changed(str, str) : (source, message) — source is "input", "targets" or
        "config"; an empty message means that source is fine again.
    playing_changed(bool), speed_changed(float) : playback state.
    """

    trace_changed = Signal()
    config_changed = Signal(object)
    cursor_changed = Signal(int)
    error_changed = Signal(str, str)
    playing_changed = Signal(bool)
    speed_changed = Signal(float)
    #: The lesson is read forwards (the values) or backwards (BPTT, the gradients).
    direction_changed = Signal(bool)

    def __init__(self, config: LessonConfig | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._config = config or LessonConfig()
        self._loaded: Model | None = None
        self._result = build_lesson(self._config)
        self._cursor = 0
        self._backward = False
        self._compare: dict[str, Result] | None = None
        #: Why a cell is missing from :meth:`compare_results` (cell → message).
        self.compare_errors: dict[str, str] = {}
        self._stats: dict | None = None
        self._breakdown: Breakdown | None = None
        self._errors: dict[str, str] = {}
        self._error_locations: dict[str, tuple[int | None, str | None]] = {}
        self._pending: dict = {}
        self._pending_source = "config"
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(0)
        self._pending_timer.timeout.connect(self.flush_pending)
        #: Training settings and curves kept with the lesson (LessonState.training /
        #: history): set by restore(), kept up to date by the training lab, saved by snapshot().
        self.training: dict | None = None
        self.history: dict | None = None
        self._playback = Playback(self)
        self._playback.advanced.connect(self._on_advanced)
        self._playback.playing_changed.connect(self.playing_changed)
        self._playback.speed_changed.connect(self.speed_changed)

    # ---------------------------------------------------------------- reading
    @property
    def config(self) -> LessonConfig:
        return self._config

    @property
    def result(self) -> Result:
        """The last good forward trace and gradients."""
        return self._result

    @property
    def model(self) -> Model:
        return self._result.model

    @property
    def trace(self):
        return self._result.trace

    @property
    def grads(self):
        return self._result.grads

    @property
    def T(self) -> int:
        return self._result.trace.T

    @property
    def cursor(self) -> int:
        """How many steps are shown: 0 (none yet) … T (all)."""
        return self._cursor

    @property
    def step(self) -> int | None:
        """The index t of the step most recently taken (cursor − 1), or None at 0."""
        return self._cursor - 1 if self._cursor > 0 else None

    @property
    def errors(self) -> dict[str, str]:
        """The current error message per source ("input", "targets", "config")."""
        return dict(self._errors)

    @property
    def playing(self) -> bool:
        return self._playback.playing

    @property
    def speed(self) -> float:
        return self._playback.speed

    @property
    def backward(self) -> bool:
        """Whether the views show the backward pass (BPTT): gradients instead of values."""
        return self._backward

    def set_backward(self, on: bool) -> None:
        """Read the lesson backwards (BPTT) or forwards; every view that can follows."""
        if bool(on) != self._backward:
            self._backward = bool(on)
            self.direction_changed.emit(self._backward)

    def error_location(self, source: str) -> tuple[int | None, str | None]:
        """(step, token) of the current error of ``source`` — the 1-based step and the
        offending text of a sequence error — or (None, None)."""
        return self._error_locations.get(source, (None, None))

    def compare_results(self) -> dict[str, Result]:
        """The same input, targets and settings run through every cell type, by cell name.

        Computed at most once per trace change (on first request) with seeded weights of
        the current hidden size, seed, ρ and forget bias; the current cell's entry is the
        current result itself.
        """
        if self._compare is None:
            self._compare, self.compare_errors = {}, {}
            for cell in CELL_SPECS:
                if cell == self.model.cell:
                    self._compare[cell] = self._result
                    continue
                config = self._config.replace(cell=cell, model_source="init")
                hidden = self.model.hidden_size
                try:
                    self._compare[cell] = build_lesson(config.replace(hidden_size=hidden))
                except ValueError as exc:  # e.g. too large to compute live as an LSTM
                    self.compare_errors[cell] = str(exc)
        return self._compare

    def breakdown(self) -> Breakdown:
        """The backward pass of this trace taken apart (∂L/∂y_t, the two shares of
        ∂L/∂h_t, each step's share of ∂L/∂θ, the memory path): computed once per trace,
        on the first request (only the views that explain BPTT ask)."""
        if self._breakdown is None:
            trace = self._result.trace
            options = run_options(self._config)
            self._breakdown = breakdown(self.model, trace.x, trace.targets, options)
        return self._breakdown

    def recurrent_stats(self) -> dict:
        """σ_max(W_h), ρ(W_h), γ of the activation and σ_max·γ (the Pascanu product).

        Computed once per result (an SVD and an eigen-decomposition per recurrent block);
        every view that shows them shares the same dict.
        """
        if self._stats is None:
            stats = recurrent_stats(self.model)
            spec, act = self.model.spec, self.model.activation
            gamma = GAMMA[act] if spec.has_activation_choice else GAMMA["tanh"]
            stats.update(gamma=gamma, bound=stats["sigma_max"] * gamma)
            self._stats = stats
        return self._stats

    # ---------------------------------------------------------------- changing the lesson
    def update(self, source: str = "config", **changes) -> bool:
        """Apply configuration ``changes`` and recompute once.

        On failure the previous configuration and trace stay in place, the message is
        emitted through ``error_changed(source, message)`` and False is returned.
        """
        try:
            config = self._config.replace(**changes)
            result = build_lesson(config, self._loaded)
        except ValueError as exc:
            self._set_error(source, str(exc), exc)
            return False
        self._accept(config, result, source)
        return True

    def update_soon(self, source: str = "config", **changes) -> None:
        """Like :meth:`update`, but coalesced for sliders: changes that arrive before the
        event loop comes round again (a drag faster than a recompute) are merged and
        computed once, with the latest values. The views still follow the drag."""
        self._pending.update(changes)
        self._pending_source = source
        if not self._pending_timer.isActive():
            self._pending_timer.start()

    def flush_pending(self) -> None:
        """Apply the changes :meth:`update_soon` is holding, now."""
        self._pending_timer.stop()
        changes, self._pending = self._pending, {}
        if changes:
            self.update(self._pending_source, **changes)

    def set_config(self, config: LessonConfig, source: str = "config") -> bool:
        """Replace the whole lesson (a preset); same error handling as :meth:`update`."""
        self._pending_timer.stop()
        self._pending = {}
        try:
            result = build_lesson(config, self._loaded)
        except ValueError as exc:
            self._set_error(source, str(exc), exc)
            return False
        for other in list(self._errors):
            if other != source:
                self._set_error(other, "")
        self._accept(config, result, source, reset_cursor=True)
        return True

    def set_input_text(self, text: str) -> bool:
        """Use a typed sequence; errors name the step and token and keep the last trace."""
        return self.update("input", input_text=text, generator=None)

    def set_targets_text(self, text: str) -> bool:
        return self.update("targets", targets_text=text)

    def generate_input(self, kind: str, **args) -> bool:
        """Fill the input with a generator (``sine``, ``square``, ``impulse``, ``step``,
        ``noise``) of length ``T`` and remember it, so the length can change later."""
        spec = {"kind": kind, **args}
        try:
            text = generate_text(spec)
        except (TypeError, ValueError) as exc:
            self._set_error("input", str(exc), exc)
            return False
        return self.update("input", input_text=text, generator=spec, input_mode="numbers")

    def set_sequence_length(self, T: int) -> bool:
        """Regenerate the input at length T (if a generator made it), else repeat/cut it."""
        if self._config.generator is not None:
            return self.generate_input(**{**self._config.generator, "T": int(T)})
        if self._config.input_mode == "text":
            return self.update("input", input_text=_resize_typed(self._config.input_text, int(T)))
        return self.update("input", input_text=_resize_text(self.trace, int(T)))

    def set_cell(self, cell: str) -> bool:
        """Switch RNN / LSTM / GRU; the textbook's fixed weights give way to a seeded init."""
        source = "init" if self._config.model_source == "textbook" else self._config.model_source
        return self.update(cell=cell, model_source="init" if cell != self.model.cell else source)

    def reroll_seed(self) -> bool:
        """A new random seed: new initial weights, same everything else."""
        return self.update(seed=random.randrange(1, 100_000), model_source="init")

    def reset_initialisation(self) -> bool:
        """Recompute from the same seed (undoes any change to the weights)."""
        return self.update()

    def load_model(self, model: Model) -> bool:
        """Use weights loaded from a file (the cell type follows the file)."""
        previous = self._loaded
        self._loaded = model
        ok = self.update(
            "config",
            model_source="file",
            cell=model.cell,
            hidden_size=model.hidden_size,
            activation=model.activation,
        )
        if not ok:
            self._loaded = previous
        return ok

    # ---------------------------------------------------------------- lesson files
    def snapshot(self, **window_state) -> LessonState:
        """This lesson as a :class:`LessonState`, for ``save_lesson``: the configuration,
        the weights when they do not follow from the seed (model source "file"), the cursor.
        ``window_state`` adds what the window keeps: ``panel``, ``view``, ``title``,
        ``description``, ``training``, ``history`` (see LessonState)."""
        model = self.model if self._config.model_source == "file" else None
        window_state.setdefault("training", self.training)
        window_state.setdefault("history", self.history)
        return LessonState(self._config, model, self._cursor, **window_state)

    def restore(self, state: LessonState) -> None:
        """Show the lesson ``state`` holds, at its cursor: the same trace, bit for bit.

        Raises ``ValueError`` (this lesson stays as it was) when it cannot be computed.
        The window applies ``state.panel`` / ``state.view`` / ``state.title`` itself.
        """
        result = build_lesson(state.config, state.model)
        self.pause()
        self._pending_timer.stop()
        self._pending = {}
        if state.model is not None:
            self._loaded = state.model
        for source in list(self._errors):
            self._set_error(source, "")
        self.training, self.history = state.training, state.history
        self._accept(state.config, result, "config", reset_cursor=True)
        self.set_cursor(state.cursor)

    def _accept(self, config, result, source, reset_cursor=False) -> None:
        """Install a new result. The cursor is brought into the new range *before*
        ``trace_changed``, so no view ever reads a step beyond the new trace."""
        old_cursor = self._cursor
        self._config, self._result = config, result
        self._compare = self._stats = self._breakdown = None
        self._cursor = 0 if reset_cursor else min(self._cursor, result.trace.T)
        self._set_error(source, "")
        self.config_changed.emit(config)
        self.trace_changed.emit()
        if self._cursor != old_cursor:
            self.cursor_changed.emit(self._cursor)

    def _set_error(self, source: str, message: str, exc: Exception | None = None) -> None:
        location = (getattr(exc, "step", None), getattr(exc, "token", None))
        self._error_locations[source] = location
        if self._errors.get(source, "") == message:
            return
        if message:
            self._errors[source] = message
            self.pause()
        else:
            self._errors.pop(source, None)
        self.error_changed.emit(source, message)

    # ---------------------------------------------------------------- the cursor
    def set_cursor(self, t: int) -> None:
        """Show the first ``t`` steps (clamped to 0 … T). Computes nothing."""
        t = max(0, min(int(t), self.T))
        if t != self._cursor:
            self._cursor = t
            self.cursor_changed.emit(t)

    def step_forward(self) -> None:
        self.set_cursor(self._cursor + 1)

    def step_back(self) -> None:
        self.set_cursor(self._cursor - 1)

    def rewind(self) -> None:
        self.pause()
        self.set_cursor(0)

    def jump_to_end(self) -> None:
        self.set_cursor(self.T)

    # ---------------------------------------------------------------- playback
    def play(self) -> None:
        """Play from the cursor (from the start if it is at the end)."""
        if self._cursor >= self.T:
            self.set_cursor(0)
        self._playback.start()

    def pause(self) -> None:
        self._playback.stop()

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def set_speed(self, steps_per_second: float) -> None:
        self._playback.set_speed(steps_per_second)

    def _on_advanced(self, steps: int) -> None:
        self.set_cursor(self._cursor + steps)
        if self._cursor >= self.T:
            self.pause()


def _resize_typed(text: str, T: int) -> str:
    """The typed text (one character per step) repeated or cut to T characters."""
    if T < 1 or not text:
        raise ValueError("the sequence needs at least one step")
    return (text * -(-T // len(text)))[:T]


def _resize_text(trace, T: int) -> str:
    """The current input repeated or cut to T steps, as text."""
    if T < 1:
        raise ValueError("the sequence needs at least one step")
    reps = -(-T // trace.T)
    return format_numbers(np.tile(trace.x, (reps, 1))[:T])
