"""The lesson session: one lesson's configuration, its computed trace and the cursor.

Views read :attr:`LessonSession.result` (trace + gradients) and the cursor, listen to the
signals, and change the lesson only through the methods here. Any change of configuration
recomputes the trace once; moving the cursor recomputes nothing.

A change is checked at once (parsing, sizes: errors are immediate), then run. A small run
(estimated by :func:`~visualrnn.engine.limits.work_estimate`, :attr:`LessonSession.sync_work`)
runs at once; a larger one on a worker thread (``session/recompute.py``) while the views
keep the last good trace, :attr:`LessonSession.busy` is True and everything else (stepping,
playing, other edits) keeps working. The newest edit wins: an edit made while another is
computed builds on it, and the older result is dropped.
"""

from __future__ import annotations

import random
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from ..engine import Model, Result
from .config import LessonConfig, build_lesson, generate_text, prepare_lesson, resized_input
from .derived import Derived, derive
from .derived_readers import DerivedReaders
from .lesson_document import LessonState
from .playback import Playback
from .recompute import Job, Recompute, no_memory_message

#: Runs estimated above this many multiply-adds (``work_estimate(...).ops``) are computed on
#: a worker thread, smaller ones at once (≤ 20–70 ms, T < 2,000: no busy flicker, and tests
#: stay deterministic).
SYNC_WORK = 2e8
_CURRENT = object()  # "the loaded weights of the newest request"


class LessonSession(DerivedReaders, QObject):
    """One lesson.

    Signals
    -------
    trace_changed() : a new result was computed (after any accepted configuration change).
    config_changed(object) : the configuration changed; carries the new LessonConfig.
    cursor_changed(int) : the cursor moved; carries t in 0 … T (steps shown so far).
    error_changed(str, str) : (source, message) — source is "input", "targets" or
        "config"; an empty message means that source is fine again.
    playing_changed(bool), speed_changed(float) : playback state.
    busy_changed(bool) : a large change is being computed off the interface's thread (True)
        or was installed, failed or dropped (False); see :attr:`busy`.
    """

    trace_changed = Signal()
    config_changed = Signal(object)
    cursor_changed = Signal(int)
    error_changed = Signal(str, str)
    playing_changed = Signal(bool)
    speed_changed = Signal(float)
    busy_changed = Signal(bool)
    #: The lesson is read forwards (the values) or backwards (BPTT, the gradients).
    direction_changed = Signal(bool)

    def __init__(self, config: LessonConfig | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._config = config or LessonConfig()
        self._loaded: Model | None = None
        self._result = build_lesson(self._config)
        self._cursor = 0
        self._backward = False
        self._large = False
        self._derived = Derived(self._config, self._result)
        self._wanted: set[str] = set()  # what the views asked of this result
        #: Why a cell is missing from :meth:`compare_results` (cell → message).
        self.compare_errors: dict[str, str] = {}
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
        self.race: dict | None = None  # the race that ran (LessonState.race), by the race
        self.sync_work = SYNC_WORK  #: off the interface's thread above this (inf: never)
        self._recompute = Recompute(self)
        self._recompute.finished.connect(self._on_computed)
        self._recompute.busy_changed.connect(self.busy_changed)
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
    def busy(self) -> bool:
        """Whether a change is being computed off the interface's thread (the views still
        show the last good trace)."""
        return self._recompute.busy

    @property
    def requested_config(self) -> LessonConfig:
        """The configuration of the newest accepted change: the one being computed while
        :attr:`busy`, else :attr:`config` (which always belongs to :attr:`result`)."""
        job = self._recompute.target
        return job.prepared.config if job is not None else self._config

    def wait_until_computed(self, timeout: float | None = None) -> bool:
        """Block until a change being computed is installed (or refused); False after
        ``timeout`` seconds. For tests, screenshots and scripts; a slot never waits."""
        return self._recompute.wait(timeout)

    def _requested(self, key: str):
        """The newest request's ``model`` / ``x`` / ``targets`` / ``loaded`` weights (else
        the current ones)."""
        job = self._recompute.target
        if job is None:
            trace, loaded = self.trace, self._loaded
            return {"model": self.model, "x": trace.x, "targets": trace.targets, "loaded": loaded}[
                key
            ]
        return job.payload["loaded"] if key == "loaded" else getattr(job.prepared, key)

    @property
    def large_result(self) -> bool:
        """Whether the current result is a large one (computed off the interface's thread):
        views may then spread their rebuild over several event-loop turns."""
        return self._large

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

    # Computed once per result on the first request (``session/derived.py``); what was
    # asked for is computed ahead, with the next large result, on the worker thread.
    # ---------------------------------------------------------------- changing the lesson
    def update(self, source: str = "config", **changes) -> bool:
        """Apply configuration ``changes`` (to :attr:`requested_config`) and recompute once.

        The changes are checked at once: on failure the previous configuration and trace
        stay in place, the message is emitted through ``error_changed(source, message)``
        and False is returned. True means accepted: the new trace is installed before this
        returns when the run is small (:attr:`sync_work`), else it is computed off the
        interface's thread (:attr:`busy`) and installed when done, unless a newer change
        supersedes it; a run that fails then reports through ``error_changed``.
        """
        try:
            config = self.requested_config.replace(**changes)
        except ValueError as exc:
            self._set_error(source, str(exc), exc)
            return False
        return self._submit(config, source)

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
        return self._submit(config, source, reset_cursor=True, clear_errors=True)

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
        try:
            x, targets = self._requested("x"), self._requested("targets")
            changes = resized_input(self.requested_config, x, targets, int(T))
        except (TypeError, ValueError) as exc:
            self._set_error("input", str(exc), exc)
            return False
        return self.update("input", **changes)

    def set_cell(self, cell: str) -> bool:
        """Switch RNN / LSTM / GRU; the textbook's fixed weights give way to a seeded init."""
        config, model = self.requested_config, self._requested("model")
        source = "init" if config.model_source == "textbook" else config.model_source
        return self.update(cell=cell, model_source="init" if cell != model.cell else source)

    def reroll_seed(self) -> bool:
        """A new random seed: new initial weights, same everything else."""
        return self.update(seed=random.randrange(1, 100_000), model_source="init")

    def reset_initialisation(self) -> bool:
        """Recompute from the same seed (undoes any change to the weights)."""
        return self.update()

    def load_model(self, model: Model) -> bool:
        """Use weights loaded from a file (the cell type follows the file); same checks
        and return value as :meth:`update`."""
        config = self.requested_config.replace(
            model_source="file",
            cell=model.cell,
            hidden_size=model.hidden_size,
            activation=model.activation,
        )
        return self._submit(config, "config", loaded=model)

    # ---------------------------------------------------------------- lesson files
    def snapshot(self, **window_state) -> LessonState:
        """This lesson as a :class:`LessonState`, for ``save_lesson``: the configuration,
        the weights when they do not follow from the seed (model source "file"), the cursor.
        ``window_state`` adds what the window keeps: ``panel``, ``view``, ``title``,
        ``description``, ``training``, ``history``, ``race`` (see LessonState)."""
        config = self.requested_config  # the newest change, even while it is computed
        model = self._requested("model") if config.model_source == "file" else None
        window_state.setdefault("training", self.training)
        window_state.setdefault("history", self.history)
        window_state.setdefault("race", self.race)
        return LessonState(config, model, self._cursor, **window_state)

    def restore(self, state: LessonState) -> None:
        """Show the lesson ``state`` holds, at its cursor: the same trace, bit for bit.

        Raises ``ValueError`` (this lesson stays as it was) when it cannot be computed.
        The window applies ``state.panel`` / ``state.view`` / ``state.title`` itself. A
        large lesson is computed off the interface's thread like any change (:attr:`busy`).
        """
        loaded = state.model if state.model is not None else _CURRENT
        opened = {"reset_cursor": True, "cursor": state.cursor, "clear_errors": True}
        job = self._job(state.config, "config", loaded, **opened)
        self.pause()
        self._pending_timer.stop()
        self._pending = {}
        self.training, self.history = state.training, state.history
        self.race = None if state.race is None else dict(state.race)
        self._run(job, raise_errors=True)

    # ---------------------------------------------------------------- computing
    def _job(self, config, source, loaded=_CURRENT, **payload) -> Job:
        """Check ``config`` and make the run that computes it (raises ``ValueError``)."""
        loaded = self._requested("loaded") if loaded is _CURRENT else loaded
        try:
            prepared = prepare_lesson(config, loaded)
        except MemoryError:
            raise ValueError(no_memory_message()) from None
        return Job(prepared, source=source, loaded=loaded, **payload)

    def _submit(self, config, source, loaded=_CURRENT, **payload) -> bool:
        """Check and run ``config``; False (and the error shown) if it is refused."""
        try:
            job = self._job(config, source, loaded, **payload)
        except ValueError as exc:
            self._set_error(source, str(exc), exc)
            return False
        return self._run(job)

    def _run(self, job: Job, raise_errors: bool = False) -> bool:
        """Run ``job`` now when it is small, else off the interface's thread."""
        if job.prepared.work.ops > self.sync_work:
            job.then = partial(derive, job.prepared.config, tuple(self._wanted))
            self._recompute.submit(job)
            return True
        self._recompute.cancel()  # whatever is being computed is older: drop it
        job.run()
        return self._on_computed(job, raise_errors)

    def _on_computed(self, job: Job, raise_errors: bool = False) -> bool:
        """Install a finished run (or report why it failed)."""
        error, payload = job.error, job.payload
        if isinstance(error, MemoryError):
            error = ValueError(no_memory_message())
        if error is not None:
            if not isinstance(error, ValueError) or raise_errors:
                raise error  # not a user's mistake: the exception hook reports it
            self._set_error(payload["source"], str(error), error)
            return False
        self._loaded = payload["loaded"]
        if payload.get("clear_errors"):
            for other in list(self._errors):
                if other != payload["source"]:
                    self._set_error(other, "")
        config, derived = job.prepared.config, job.extra
        self._large = job.prepared.work.ops > self.sync_work
        self._accept(config, job.result, payload["source"], payload.get("reset_cursor"), derived)
        if payload.get("cursor") is not None:
            self.set_cursor(payload["cursor"])
        return True

    def _accept(self, config, result, source, reset_cursor=False, derived=None) -> None:
        """Install a new result. The cursor is brought into the new range *before*
        ``trace_changed``, so no view ever reads a step beyond the new trace."""
        old_cursor = self._cursor
        self._config, self._result = config, result
        self._derived = derived or Derived(config, result)
        self._wanted &= {"breakdown", "stats"}  # kept (cheap); compare while it is asked
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
