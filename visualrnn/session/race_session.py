"""The race (QtCore only): several cells trained side by side on the same batches.

Every cell of a race gets its own worker process (the training lab's
:class:`~.training_process.WorkerProcess` running :mod:`.training_worker`), built from the
same :class:`~.training_tasks.TrainSettings` (the Training tab's: task, length, optimizer,
η, batch, clipping, budget) and the same data seed, so every cell sees exactly the same
batches in the same order and is tested on the same test set; only the cell and its H
differ. With *same number of parameters* each cell's H is the one whose parameter count is
closest to the LSTM's at the lesson's H (the sweep's ``matched_hidden``).

The workers send at most ~30 messages a second each; one QTimer reads them all. Closing
the window, quitting, or :meth:`RaceSession.stop` ends every worker.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..engine.cellspec import CELL_SPECS
from ..engine.init import init_model
from ..engine.training import recipe_for
from ..engine.training.sweep import matched_hidden, parameter_count
from .job_status import JobStatus
from .training_log import TrainingLog
from .training_process import WorkerProcess
from .training_session import POLL_MS, STOP_TIMEOUT, TrainingSession
from .training_tasks import TrainSettings

#: The cells a race can run, in the order they are offered; those ticked at first.
RACE_CELLS = tuple(CELL_SPECS)
DEFAULT_CELLS = ("rnn", "lstm", "gru")
#: The cell whose parameter count the others match.
REFERENCE_CELL = "lstm"
#: States of a race: none yet; running; every cell done; stopped by the teacher.
STATES = ("idle", "running", "finished", "stopped")
#: Updates averaged in the drawn loss (one batch's loss is noisy).
SMOOTH = 10


def race_sizes(cells, task, hidden: int, match_params: bool) -> dict[str, tuple[int, int]]:
    """cell → (H, number of parameters) for a race on ``task``: every cell at ``hidden``,
    or (``match_params``) at the H closest to the LSTM's parameter count at ``hidden``."""
    I, O = task.input_size, task.output_size
    target = parameter_count(REFERENCE_CELL, I, hidden, O)
    sizes = {}
    for cell in cells:
        H = matched_hidden(cell, target, I, O) if match_params else int(hidden)
        sizes[cell] = (H, parameter_count(cell, I, H, O))
    return sizes


class RaceSession(JobStatus, QObject):
    """A race of cells on one data stream, each in its own worker process.

    Signals
    -------
    state_changed(str) : one of :data:`STATES`.
    progressed() : new updates arrived, or a cell's run ended (≤ ~30 times a second).
    message_changed(str, bool) : a one-line message, and whether it is an error.
    """

    state_changed = Signal(str)
    progressed = Signal()
    message_changed = Signal(str, bool)

    @classmethod
    def of(cls, lesson) -> RaceSession:
        """The race of ``lesson`` (made on first use; a rebuilt window keeps it)."""
        found = lesson.findChild(cls)
        return found if found is not None else cls(lesson)

    def __init__(self, lesson):
        super().__init__(lesson)
        self.lesson = lesson
        self.training = TrainingSession.of(lesson)
        self.cells: list[str] = [c for c in DEFAULT_CELLS if c in RACE_CELLS]
        self.match_params = False
        self.state = "idle"
        self.message, self.message_is_error = "", False
        # The settings, seed and sizes of the race that ran last (or runs now).
        self.settings: TrainSettings | None = None
        self.seed = 0
        self.sizes: dict[str, tuple[int, int]] = {}
        self.logs: dict[str, TrainingLog] = {}
        self.outcomes: dict[str, str | None] = {}
        self.ended_at: dict[str, int] = {}
        self._workers: dict[str, WorkerProcess] = {}
        self._watch_job(POLL_MS)
        self._race_seen = None  # the lesson's race block this race last showed or wrote
        lesson.config_changed.connect(self._on_lesson_changed)
        self._on_lesson_changed()

    # ---------------------------------------------------------------- reading
    @property
    def running(self) -> bool:
        return self.state == "running"

    @property
    def budget(self) -> int:
        settings = self.settings or self.training.settings
        return int(settings.budget)

    def planned_sizes(self) -> dict[str, tuple[int, int]]:
        """cell → (H, parameters) the next race would use (the ticked cells)."""
        try:
            task = self.training.settings.make_task()
        except ValueError:
            return {}
        return race_sizes(self.cells, task, self.lesson.config.hidden_size, self.match_params)

    def process_ids(self) -> list[int]:
        return [w.pid for w in self._workers.values()]

    def progress(self) -> float:
        """0 … 1: the updates done, a cell that ended counting as its whole budget."""
        if not self.logs:
            return 0.0
        budget = max(1, self.budget)
        done = sum(
            budget if self.outcomes.get(c) else min(budget, log.last_step)
            for c, log in self.logs.items()
        )
        return done / (budget * len(self.logs))

    def last_test(self, cell: str) -> float:
        """The cell's latest test-set metric (NaN before the first test)."""
        log = self.logs.get(cell)
        if log is None or log.n_profiles == 0:
            return math.nan
        return float(log.column("test_metric")[-1])

    def first_solved(self, cell: str, task) -> int | None:
        """The first update whose test met ``task``'s solved rule (None: never): a race
        without "until solved" runs on to its budget after that."""
        log = self.logs.get(cell)
        if log is None:
            return None
        steps, tests = log.column("profile_step"), log.column("test_metric")
        hits = [int(t) for t, v in zip(steps, tests, strict=True) if v == v and task.solved(v)]
        return hits[0] if hits else None

    def smoothed_loss(self, cell: str, window: int = SMOOTH) -> tuple[np.ndarray, np.ndarray]:
        """(updates, the batch loss averaged over the last ``window`` updates)."""
        log = self.logs[cell]
        steps, loss = log.column("step"), log.column("loss")
        if len(loss) == 0:
            return steps, loss
        total = np.concatenate(([0.0], np.cumsum(loss)))
        k = np.arange(1, len(loss) + 1)
        first = np.maximum(0, k - window)
        return steps, (total[k] - total[first]) / (k - first)

    # ---------------------------------------------------------------- settings
    def set_cells(self, cells) -> None:
        """Which cells race (in :data:`RACE_CELLS` order)."""
        chosen = set(cells)
        self.cells = [c for c in RACE_CELLS if c in chosen]

    def set_match_params(self, on: bool) -> None:
        self.match_params = bool(on)

    # ---------------------------------------------------------------- commands
    def start(self) -> bool:
        """Start a race of the ticked cells from fresh seeded weights (a race that runs
        is stopped first)."""
        self._stop_workers()
        if len(self.cells) < 1:
            return self._say(self.tr("Tick at least one cell to race."), True)
        problem = self.training.check()
        if problem:
            return self._say(problem, True)
        settings = self.training.settings
        try:
            task = settings.make_task()
        except ValueError as exc:
            return self._say(str(exc), True)
        recipe = recipe_for(settings.task)
        self.settings, self.seed = settings, int(self.lesson.config.seed)
        self.sizes = race_sizes(self.cells, task, self.lesson.config.hidden_size, self.match_params)
        self.logs = {c: TrainingLog() for c in self.cells}
        self.outcomes = dict.fromkeys(self.cells)
        self.ended_at = {}
        for cell, (H, _count) in self.sizes.items():
            model = init_model(
                cell,
                task.input_size,
                H,
                task.output_size,
                seed=self.seed,
                scheme=recipe.init,
                forget_bias=recipe.memory_bias,
            )
            spec = {
                "settings": settings.to_dict(),
                "cell": cell,
                "activation": model.activation,
                "params": dict(model.params),
                "seed": self.seed,  # the same data stream and test set for every cell
                "start_step": 0,
                "snapshot_every": None,
                "weights_every": math.inf,  # the race draws curves, not weights
            }
            try:
                worker = WorkerProcess(spec)
            except OSError as exc:
                self._stop_workers()
                return self._say(self.tr("Cannot start a worker: {0}").format(exc), True)
            worker.send("run")
            self._workers[cell] = worker
        self._timer.start()
        self._set_state("running")
        self._write_lesson_block()  # the old race leaves the lesson; this one is saved at its end
        self._say(self.tr("Racing…"), False)
        self.progressed.emit()
        return True

    def stop(self) -> None:
        """Stop every cell now (the curves so far stay)."""
        if not self.running:
            return
        for cell in self._workers:
            self._end(cell, "stopped")
        self._stop_workers()
        self._set_state("stopped")
        self._write_lesson_block()
        self._say("", False)
        self.progressed.emit()

    def shutdown(self) -> None:
        """End every worker (the window closes, the app quits)."""
        if self.running:
            self.stop()
        self._stop_workers()

    # ---------------------------------------------------------------- the lesson file
    def _write_lesson_block(self) -> None:
        """Keep the race that ran in the lesson (LessonState.race), for Save; none while
        one runs."""
        block = None
        if not self.running and self.logs and self.settings is not None:
            cells = {
                cell: {
                    "hidden": int(self.sizes[cell][0]),
                    "parameters": int(self.sizes[cell][1]),
                    "outcome": self.outcomes.get(cell),
                    "ended_at": self.ended_at.get(cell),
                    "history": log.history(),
                }
                for cell, log in self.logs.items()
            }
            block = {"settings": self.settings.to_dict(), "seed": self.seed}
            block.update(match_params=self.match_params, cells=cells)
        self.lesson.race = self._race_seen = block

    def _on_lesson_changed(self, *_args) -> None:
        """A lesson was opened: show the race it holds (or none)."""
        block = self.lesson.race
        if block is self._race_seen:
            return
        self._stop_workers()
        self._race_seen = block
        try:
            settings = None if block is None else TrainSettings.from_dict(block["settings"])
        except (TypeError, ValueError):
            settings = block = None
        self.settings, self.logs, self.outcomes, self.ended_at, self.sizes = (
            settings,
            {},
            {},
            {},
            {},
        )
        for cell, entry in (block or {}).get("cells", {}).items():
            self.logs[cell] = TrainingLog.from_history(entry["history"])
            self.outcomes[cell], self.sizes[cell] = (
                entry["outcome"],
                (entry["hidden"], entry["parameters"]),
            )
            if entry["ended_at"] is not None:
                self.ended_at[cell] = entry["ended_at"]
        if block is not None:
            self.seed, self.match_params = int(block["seed"]), bool(block["match_params"])
            self.cells = [c for c in self.logs if c in RACE_CELLS]
        self._set_state("finished" if self.logs else "idle")
        self.progressed.emit()

    # ---------------------------------------------------------------- the workers
    def poll(self) -> None:
        """Read what every worker sent (the timer calls this ~30 times a second)."""
        changed = False
        for cell, worker in list(self._workers.items()):
            for m in worker.messages():
                changed = self._apply(cell, m) or changed
            if cell in self._workers and not worker.alive() and not worker.stopping:
                for m in worker.messages():
                    self._apply(cell, m)
                if cell in self._workers:
                    self._end(cell, "failed")
                    self._drop(cell)
                changed = True
        if self.running and not self._workers:
            self._timer.stop()
            self._set_state("finished")
            self._write_lesson_block()
            self._say("", False)
            changed = True
        if changed:
            self.progressed.emit()

    def _apply(self, cell: str, m: dict) -> bool:
        log, changed = self.logs[cell], False
        if "rows" in m:
            log.add_rows(m["rows"])
            changed = True
        for p in m.get("profiles", ()):
            log.add_profile(p)
            changed = True
        state = m.get("state")
        if state in ("finished", "diverged", "failed"):
            outcome = "solved" if m.get("reason") == "solved" else state
            self._end(cell, "budget" if outcome == "finished" else outcome)
            self._drop(cell)
            changed = True
        return changed

    def _end(self, cell: str, outcome: str) -> None:
        if self.outcomes.get(cell) is None:
            self.outcomes[cell] = outcome
            self.ended_at[cell] = self.logs[cell].last_step

    def _drop(self, cell: str) -> None:
        worker = self._workers.pop(cell, None)
        if worker is not None:
            worker.stop(STOP_TIMEOUT)

    def _stop_workers(self) -> None:
        self._timer.stop()
        workers, self._workers = self._workers, {}
        for worker in workers.values():
            worker.send("stop")  # all leave together, then each is waited for
        for worker in workers.values():
            worker.stop(STOP_TIMEOUT)

    _end_processes = _stop_workers  # at interpreter exit (JobStatus)
