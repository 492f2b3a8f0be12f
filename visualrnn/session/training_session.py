"""The training lab's session (QtCore only): a run of the engine's Trainer in a worker
process, its curves, its snapshots, and the trained weights in the lesson.

One :class:`TrainingSession` belongs to one :class:`~.lesson.LessonSession`
(:meth:`TrainingSession.of`), so a window rebuilt in another language keeps its run. The
worker (:mod:`.training_worker`) is a separate process started with multiprocessing's
"spawn" context: it trains on the second core and a crash in it cannot take the window
down. It sends at most ~30 messages a second; a QTimer in this process reads them.

The trained weights go into the lesson with ``LessonSession.load_model``, so every view
shows the model being trained on a sample of its task, with the one cursor: about once a
second while training, and at every pause, stop and end. The kept snapshots can be shown
again (:meth:`show_snapshot`), so a class compares the gates before and after learning.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..engine import Model
from ..engine.training.snapshots import SnapshotStore
from .job_status import JobStatus
from .training_checks import check_settings
from .training_lesson import LessonLink, preset_training
from .training_log import TrainingLog
from .training_process import WorkerProcess
from .training_tasks import (
    LAB_TASKS,
    TrainSettings,
    fits_task,
    lesson_changes,
    model_changes,
)

#: How often the window reads the worker's messages (ms).
POLL_MS = 33
#: Snapshots: every this many updates at first, at most this many kept (thinned evenly).
SNAPSHOT_EVERY, MAX_SNAPSHOTS = 10, 64
#: Seconds a stopping worker gets before it is terminated.
STOP_TIMEOUT = 1.0
#: States: no run yet; worker starting; training; paused; done (solved or budget);
#: diverged; the worker died.
STATES = ("idle", "starting", "running", "paused", "finished", "diverged", "failed")


class TrainingSession(LessonLink, JobStatus, QObject):
    """Training of the lesson's model on a task, off the window's process.

    Signals
    -------
    state_changed(str) : one of :data:`STATES`.
    progressed() : new updates or profiles arrived (at most ~30 times a second).
    settings_changed(object) : the TrainSettings changed.
    message_changed(str, bool) : a one-line message for the panel, and whether it is an error.
    snapshots_changed() : a snapshot was kept, or the one shown changed.
    sample_changed(str) : the text task wrote new text.
    """

    state_changed = Signal(str)
    progressed = Signal()
    settings_changed = Signal(object)
    message_changed = Signal(str, bool)
    snapshots_changed = Signal()
    sample_changed = Signal(str)
    SNAPSHOT_EVERY, MAX_SNAPSHOTS = SNAPSHOT_EVERY, MAX_SNAPSHOTS

    @classmethod
    def of(cls, lesson) -> TrainingSession:
        """The training session of ``lesson`` (made on first use)."""
        found = lesson.findChild(cls)
        return found if found is not None else cls(lesson)

    def __init__(self, lesson):
        super().__init__(lesson)
        self.lesson = lesson
        self.state = "idle"
        self.message, self.message_is_error = "", False
        self.sample = ""
        self.log = TrainingLog()
        self.snapshots = SnapshotStore(SNAPSHOT_EVERY, MAX_SNAPSHOTS)
        #: (update, params) of the newest weights received; the update shown in the lesson.
        self.latest: tuple[int, dict] | None = None
        self.shown_step: int | None = None
        self.follow_latest = True
        self.started_at, self.rate = None, 0.0
        self._rate_mark: tuple[float, int] | None = None
        self._worker: WorkerProcess | None = None
        self._own, self._installed = 0, None
        self._training_seen = lesson.training
        self._last_config = lesson.config
        self.settings = (
            self._settings_from(lesson.training)
            or self._settings_from(preset_training(lesson.config))
            or TrainSettings.for_task("sky_color")
        )
        self._watch_job(POLL_MS)
        lesson.config_changed.connect(self._on_config_changed)
        if lesson.training is not None:
            self._open_lesson_block()  # a lesson opened with a training block and curves
        else:
            self._write_lesson_block()

    # ---------------------------------------------------------------- reading
    @property
    def task(self):
        return self.settings.make_task()

    @property
    def running(self) -> bool:
        return self.state in ("starting", "running")

    @property
    def has_run(self) -> bool:
        """Whether a run exists (updates done, or a worker alive)."""
        return self.log.n > 0 or self._worker is not None

    @property
    def process_id(self) -> int | None:
        return None if self._worker is None else self._worker.pid

    def worker_alive(self) -> bool:
        return self._worker is not None and self._worker.alive()

    def time_left(self) -> float | None:
        """Seconds until the budget runs out at the current rate, or None."""
        if self.rate <= 0:
            return None
        return max(0.0, (self.settings.budget - self.log.last_step) / self.rate)

    # ---------------------------------------------------------------- settings
    def check(self, settings: TrainSettings | None = None) -> str:
        """What is wrong with ``settings`` for the lesson's model (one line), or ""."""
        config = self.lesson.config
        return check_settings(settings or self.settings, config.cell, config.hidden_size)

    def set_settings(self, **changes) -> bool:
        """Change the training settings. A new task takes its recipe and shows a sample of
        it in the lesson (with the recipe's H); a new length shows a new sample. A run that
        exists is reset first (the settings belong to a run from its start)."""
        if "task" in changes and changes["task"] != self.settings.task:
            if changes["task"] not in LAB_TASKS:
                return self._say(self.tr("Unknown task."), True)
            keep = {k: v for k, v in changes.items() if k in ("length", "language")}
            new = TrainSettings.for_task(changes["task"], **keep)
            hidden = new.recipe_hidden()
        else:
            try:
                new = self.settings.replace(**changes)
            except (TypeError, ValueError) as exc:
                return self._say(str(exc), True)
            hidden = None
        problem = self.check(new)
        if problem:
            return self._say(problem, True)
        sample_changed = (new.task, new.length, new.language) != (
            self.settings.task,
            self.settings.length,
            self.settings.language,
        )
        if self.has_run:
            self.reset(reinstall=not sample_changed)
        self.settings = new
        self._write_lesson_block()
        self.settings_changed.emit(new)
        if sample_changed:
            return self.prepare_lesson(hidden)
        self._say("", False)
        return True

    def prepare_lesson(self, hidden: int | None = None) -> bool:
        """Show a sample of the task in the lesson, with a fresh seeded model for it."""
        task = self.task
        changes = lesson_changes(task, self.lesson.config.seed)
        changes.update(model_changes(self.settings, hidden))
        with self._own_change():
            ok = self.lesson.update(**changes)
        if not ok:
            problem = self.lesson.errors.get("config") or self.lesson.errors.get("input", "")
            return self._say(self.tr("The lesson cannot show this task: {0}").format(problem), True)
        self._say("", False)
        return True

    # ---------------------------------------------------------------- commands
    def train(self) -> bool:
        """Train (or go on after a pause) until paused, solved or out of budget."""
        if self.running:
            return True
        if self.state == "paused" and self.worker_alive():
            self._send("run")
            self._set_state("running")
            return True
        return self._start("run")

    def step_once(self) -> bool:
        """Exactly one update, then pause (starts a worker if none is waiting)."""
        if self.running:
            return False
        if self.state == "paused" and self.worker_alive():
            self._send("step", 1)
            return True
        return self._start("step")

    def pause(self) -> None:
        """Pause at once: the worker finishes the update it is in and sends its weights."""
        if self.running and self._worker is not None:
            self._send("pause")
            self._set_state("paused")
            self.rate, self._rate_mark = 0.0, None

    def toggle(self) -> None:
        self.pause() if self.running else self.train()

    def reset(self, reinstall: bool = True) -> None:
        """End the run, forget its curves and snapshots, and (``reinstall``) put the initial
        seeded weights back into the lesson."""
        self._stop_worker()
        self.log, self.latest, self.shown_step, self.follow_latest = TrainingLog(), None, None, True
        self.snapshots = SnapshotStore(SNAPSHOT_EVERY, MAX_SNAPSHOTS)
        self.sample, self.rate, self._rate_mark = "", 0.0, None
        self.lesson.history = None
        if reinstall and self.lesson.config.model_source == "file":
            with self._own_change():  # the lesson's own seeded weights (its ρ, bias, scheme)
                self.lesson.update(model_source="init")
        self._set_state("idle")
        self._say("", False)
        self.progressed.emit()
        self.snapshots_changed.emit()

    def shutdown(self) -> None:
        """Stop the worker now (the window closes, the app quits)."""
        self._stop_worker()
        if self.running:
            self._set_state("paused" if self.log.n else "idle")

    def show_snapshot(self, step: int | None) -> None:
        """Show the weights after update ``step`` (a kept snapshot) in the lesson; None:
        the newest weights, followed from now on."""
        if step is None or (self.latest is not None and step >= self.latest[0]):
            self.follow_latest = True
            if self.latest is not None:
                self._install(*self.latest)
        elif step in self.snapshots.steps:
            self.follow_latest = False
            self._install(step, self.snapshots.get(step))
        self.snapshots_changed.emit()

    def snapshot_steps(self) -> list[int]:
        """The updates that can be shown: the kept snapshots and the newest weights."""
        steps = list(self.snapshots.steps)
        if self.latest is not None and (not steps or steps[-1] != self.latest[0]):
            steps.append(self.latest[0])
        return steps

    # ---------------------------------------------------------------- the worker
    def _start(self, first: str) -> bool:
        problem = self.check()
        if problem:
            return self._say(problem, True)
        if self.log.last_step >= self.settings.budget:
            message = self.tr("The budget of {0} updates is used up: raise it, or Reset.")
            return self._say(message.format(self.settings.budget), True)
        task = self.task
        if not fits_task(self.lesson.model, task) and not self.prepare_lesson():
            return False
        start_step, params = self.log.last_step, None
        if self.latest is not None:
            start_step, params = self.latest
        model = self.lesson.model
        spec = {
            "settings": self.settings.to_dict(),
            "cell": model.cell,
            "activation": model.activation,
            "params": dict(params if params is not None else model.params),
            "seed": int(self.lesson.config.seed),
            "start_step": int(start_step),
            "snapshot_every": self.snapshots.every,
            "max_snapshots": MAX_SNAPSHOTS,
        }
        if params is None:
            self.snapshots.offer(0, {k: v.copy() for k, v in model.params.items()})
            self.latest = (0, dict(model.params))
        self._stop_worker()
        self._worker = WorkerProcess(spec)
        self._worker.send(first, 1 if first == "step" else None)
        self.follow_latest = True
        self.started_at = time.monotonic()
        self._timer.start()
        self._set_state("starting" if first == "run" else "paused")
        self._say(self.tr("Starting the training process…"), False)
        return True

    def _send(self, name: str, arg=None) -> None:
        if self._worker is not None:
            self._worker.send(name, arg)  # a worker that is gone: poll() reports it

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        self._timer.stop()
        if worker is not None:
            worker.stop(STOP_TIMEOUT)

    _end_processes = _stop_worker  # at interpreter exit (JobStatus)

    def _drain(self) -> None:
        worker = self._worker
        if worker is None:
            return
        for m in worker.messages():
            self._apply(m)

    def poll(self) -> None:
        """Read what the worker sent (the timer calls this ~30 times a second)."""
        if self._worker is None:
            return
        before = (self.log.n, self.log.n_profiles)
        self._drain()
        worker = self._worker
        if worker is not None and not worker.alive() and not worker.stopping:
            self._drain()
            code = worker.exitcode
            self._stop_worker()
            if self.state != "failed":
                self._fail(code)
        if (self.log.n, self.log.n_profiles) != before:
            self._measure_rate()
            self.progressed.emit()

    def _fail(self, code) -> None:
        self._set_state("failed")
        if self.latest is not None and self.shown_step != self.latest[0]:
            self._install(*self.latest)
        self._say(
            self.tr(
                "The training process stopped unexpectedly (exit code {0}). The last weights "
                "received are kept; press Train to go on."
            ).format(code),
            True,
        )

    def _measure_rate(self) -> None:
        now, step = time.monotonic(), self.log.last_step
        if self._rate_mark is None:
            self._rate_mark = (now, step)
            return
        t0, s0 = self._rate_mark
        if now - t0 >= 1.0:
            rate = (step - s0) / (now - t0)
            self.rate = rate if self.rate <= 0 else 0.5 * self.rate + 0.5 * rate
            self._rate_mark = (now, step)

    # ---------------------------------------------------------------- messages
    def _apply(self, m: dict) -> None:
        if "rows" in m:
            self.log.add_rows(m["rows"])
            if self.state == "starting":
                self._set_state("running")
                self._say("", False)
        for p in m.get("profiles", ()):
            self.log.add_profile(p)
        for step, params in m.get("snapshots", ()):
            if self.snapshots.offer(step, params):
                self.snapshots_changed.emit()
        if "sample" in m:
            self.sample = m["sample"]
            self.sample_changed.emit(self.sample)
        if "weights" in m:
            self.latest = m["weights"]
            if self.follow_latest:
                self._install(*self.latest)
        state = m.get("state")
        if state == "ready" and self.state == "starting":
            self._say(self.tr("Training…"), False)
        elif state in ("finished", "diverged", "failed"):
            self._finish(state, m)
        elif state == "paused" and self.state in ("running", "starting", "paused"):
            self._set_state("paused")
            self.rate, self._rate_mark = 0.0, None

    def _finish(self, state: str, m: dict) -> None:
        self.rate, self._rate_mark = 0.0, None
        self._stop_worker()
        step = int(m.get("step", self.log.last_step))
        if state == "diverged":
            diverged_at = step + 1
            self._set_state("diverged")
            self._say(
                self.tr(
                    "Diverged at update {0} — lower the learning rate or turn on clipping. "
                    "The last finite weights (update {1}) are kept."
                ).format(diverged_at, step),
                True,
            )
        elif state == "failed":
            self._set_state("failed")
            self._say(self.tr("Training failed: {0}").format(m.get("message", "")), True)
        elif m.get("reason") == "solved":
            self._set_state("finished")
            self._say(self.tr("Solved after {0} updates.").format(step), False)
        elif self._test_solved():
            self._set_state("finished")
            self._say(self.tr("{0} updates done: the test set is solved.").format(step), False)
        else:
            self._set_state("finished")
            self._say(
                self.tr("The budget of {0} updates ran out (not solved).").format(step), False
            )
        self._write_lesson_block()

    def _test_solved(self) -> bool:
        """Whether the last test of the run met the task's solved rule (a run without
        "until solved" goes on to its budget, solved or not)."""
        tests = self.log.column("test_metric")
        tests = tests[np.isfinite(tests)]
        return len(tests) > 0 and bool(self.task.solved(float(tests[-1])))

    def _install(self, step: int, params: dict) -> None:
        """Show the weights after update ``step`` in the lesson (every view follows)."""
        model = self.lesson.model
        try:
            new = Model(model.cell, params, model.activation)
        except ValueError:
            return
        self._installed = new
        with self._own_change():
            ok = self.lesson.load_model(new)
        if ok:
            self.shown_step = step
            self._write_lesson_block()
            self.snapshots_changed.emit()
