"""The sweep (QtCore only): success rate against length, per cell, run in the background
and kept in a CSV file so a teacher prepares it before class and opens it instantly.

The jobs are the engine's (:func:`~visualrnn.engine.training.sweep.plan`,
:func:`~visualrnn.engine.training.sweep.run_job`), run in a pool of "spawn" worker
processes (one per core) without blocking the window: each finished job comes back through
a callback, a QTimer reads it, the CSV is rewritten (atomically) after every job, so a
cancelled sweep keeps the runs it finished. The file has the columns of ``python -m
visualrnn sweep`` (:data:`~visualrnn.engine.training.sweep.COLUMNS`) and either writes
files the other reads.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import queue
import time

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..engine.cellspec import CELL_SPECS
from ..engine.training.sweep import COLUMNS, plan, run_job, success_table
from ..engine.weights import write_atomic
from .job_status import JobStatus

#: The columns a sweep file must have (the others are read when present).
REQUIRED = ("task", "cell", "hidden", "parameters", "length", "seed", "solved")
#: The largest sweep file read (bytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
POLL_MS = 100
STATES = ("idle", "running", "finished", "cancelled", "failed")


def read_sweep(path: str) -> list[dict]:
    """The rows of a sweep CSV; ValueError with one line saying what is wrong."""
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            raise ValueError(QCoreApplication.translate("SweepSession", "The file is too large."))
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    except OSError as exc:
        message = QCoreApplication.translate("SweepSession", "Cannot read the file: {0}")
        raise ValueError(message.format(exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        message = QCoreApplication.translate("SweepSession", "Not a sweep file: it is not text.")
        raise ValueError(message) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
    if missing:
        message = QCoreApplication.translate(
            "SweepSession", "Not a sweep file: the column “{0}” is missing."
        )
        raise ValueError(message.format(missing[0]))
    rows = []
    try:
        for number, raw in enumerate(reader, start=2):
            rows.append(_row(raw, number))
    except csv.Error as exc:
        message = QCoreApplication.translate("SweepSession", "Not a sweep file: {0}")
        raise ValueError(message.format(exc)) from exc
    if not rows:
        raise ValueError(QCoreApplication.translate("SweepSession", "The sweep file has no runs."))
    if len({r["task"] for r in rows}) > 1:
        message = QCoreApplication.translate("SweepSession", "The file mixes several tasks.")
        raise ValueError(message)
    return rows


def _row(raw: dict, number: int) -> dict:
    cell = (raw.get("cell") or "").strip()
    if cell not in CELL_SPECS:
        message = QCoreApplication.translate("SweepSession", "Line {0}: unknown cell “{1}”.")
        raise ValueError(message.format(number, cell))
    row = {"task": (raw.get("task") or "").strip(), "cell": cell}
    for name in ("hidden", "parameters", "length", "seed"):
        try:
            row[name] = int(str(raw.get(name)).strip())
        except ValueError:
            message = QCoreApplication.translate(
                "SweepSession", "Line {0}: “{1}” is not a whole number ({2})."
            )
            raise ValueError(message.format(number, raw.get(name), name)) from None
    solved = str(raw.get("solved")).strip().lower()
    if solved not in ("true", "false", "1", "0"):
        message = QCoreApplication.translate(
            "SweepSession", "Line {0}: “{1}” is not True or False (solved)."
        )
        raise ValueError(message.format(number, raw.get("solved")))
    row["solved"] = solved in ("true", "1")
    for name in ("updates", "test_metric", "reason", "seconds"):
        row[name] = raw.get(name, "")
    return row


def sweep_csv(rows: list[dict]) -> bytes:
    """The rows as the ``sweep`` command writes them."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in COLUMNS})
    return buf.getvalue().encode("utf-8")


def success_curves(rows: list[dict]) -> dict[str, tuple[list[int], list[float], list[int]]]:
    """cell → (lengths, fraction of seeds solved, runs per length), cells in
    :data:`CELL_SPECS` order."""
    table = success_table(rows)
    curves = {}
    for cell in CELL_SPECS:
        lengths = sorted(length for (c, length) in table if c == cell)
        if lengths:
            solved = [table[(cell, n)][0] / table[(cell, n)][1] for n in lengths]
            curves[cell] = (lengths, solved, [table[(cell, n)][1] for n in lengths])
    return curves


class SweepSession(JobStatus, QObject):
    """A sweep running in a process pool, or one read from a file.

    Signals
    -------
    state_changed(str) : one of :data:`STATES`.
    progressed() : a job finished, or a file was opened.
    message_changed(str, bool) : a one-line message, and whether it is an error.
    """

    state_changed = Signal(str)
    progressed = Signal()
    message_changed = Signal(str, bool)

    @classmethod
    def of(cls, lesson) -> SweepSession:
        found = lesson.findChild(cls)
        return found if found is not None else cls(lesson)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state = "idle"
        self.message, self.message_is_error = "", False
        self.rows: list[dict] = []
        self.jobs: list = []
        self.path: str | None = None
        self.started_at: float | None = None
        self._pool = None
        self._done: queue.SimpleQueue = queue.SimpleQueue()
        self._watch_job(POLL_MS)

    # ---------------------------------------------------------------- reading
    @property
    def running(self) -> bool:
        return self.state == "running"

    @property
    def task(self) -> str | None:
        return self.rows[0]["task"] if self.rows else (self.jobs[0].task if self.jobs else None)

    def curves(self):
        return success_curves(self.rows)

    def sizes(self) -> dict[str, tuple[int, int]]:
        """cell → (H, parameters) of the runs."""
        return {r["cell"]: (int(r["hidden"]), int(r["parameters"])) for r in self.rows}

    def time_left(self) -> float | None:
        n = len(self.rows)
        if not self.running or n == 0 or self.started_at is None:
            return None
        return (time.monotonic() - self.started_at) / n * (len(self.jobs) - n)

    # ---------------------------------------------------------------- commands
    def start(self, task, cells, lengths, seeds, steps, match_params, path, workers=None) -> bool:
        """Plan the jobs and run them in the background, writing ``path`` after each."""
        self.cancel()
        try:
            jobs = plan(task, cells, lengths, seeds, steps=steps, match_params=match_params)
            write_atomic(path, sweep_csv([]))
        except ValueError as exc:
            return self._say(str(exc), True)
        except OSError as exc:
            message = self.tr("Cannot write {0}: {1}")
            return self._say(message.format(path, exc.strerror or exc), True)
        if not jobs:
            return self._say(self.tr("Nothing to run: choose cells and lengths."), True)
        self.jobs, self.rows, self.path = jobs, [], path
        workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")  # one BLAS thread per worker process
        self._done = queue.SimpleQueue()
        try:
            self._pool = multiprocessing.get_context("spawn").Pool(workers)
        except OSError as exc:
            return self._say(self.tr("Cannot start the sweep: {0}").format(exc), True)
        done = self._done
        for job in jobs:
            self._pool.apply_async(run_job, (job,), callback=done.put, error_callback=done.put)
        self._pool.close()
        self.started_at = time.monotonic()
        self._timer.start()
        self._set_state("running")
        self._say(self.tr("Sweeping…"), False)
        self.progressed.emit()
        return True

    def cancel(self) -> None:
        """Stop the sweep now; the finished runs stay (and are in the file)."""
        was_running = self.running
        self._end_pool()
        if was_running:
            self._set_state("cancelled")
            message = self.tr("Cancelled: {0} of {1} runs kept.")
            self._say(message.format(len(self.rows), len(self.jobs)), False)

    def open(self, path: str) -> bool:
        """Read a sweep file (a running sweep is cancelled first)."""
        try:
            rows = read_sweep(path)
        except ValueError as exc:
            return self._say(str(exc), True)
        self.cancel()
        self.rows, self.jobs, self.path = rows, [], path
        self._set_state("finished")
        self._say("", False)
        self.progressed.emit()
        return True

    def shutdown(self) -> None:
        self.cancel()

    def poll(self) -> None:
        changed = False
        while True:
            try:
                item = self._done.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, BaseException):
                self._end_pool()
                self._set_state("failed")
                self._say(self.tr("The sweep failed: {0}").format(item), True)
                self.progressed.emit()
                return
            self.rows.append(item)
            changed = True
        if changed:
            self._save()
        if self.running and len(self.rows) >= len(self.jobs):
            self._end_pool()
            self._set_state("finished")
            self._say(self.tr("Saved {0} runs to {1}.").format(len(self.rows), self.path), False)
            changed = True
        if changed:
            self.progressed.emit()

    # ---------------------------------------------------------------- small things
    def _save(self) -> None:
        order = {(j.cell, j.length, j.seed): k for k, j in enumerate(self.jobs)}
        rows = sorted(self.rows, key=lambda r: order.get((r["cell"], r["length"], r["seed"]), 0))
        try:
            write_atomic(self.path, sweep_csv(rows))
        except OSError as exc:
            self._say(self.tr("Cannot write {0}: {1}").format(self.path, exc.strerror or exc), True)

    def _end_pool(self) -> None:
        self._timer.stop()
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()

    _end_processes = _end_pool  # at interpreter exit (JobStatus)
