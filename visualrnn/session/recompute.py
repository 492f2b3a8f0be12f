"""Recomputing a lesson off the interface's thread: one run at a time, the newest wins.

A lesson's forward + BPTT run can take seconds (T = 10,000 steps of a large LSTM); on the
interface's thread that would freeze the window in front of a class. :class:`Recompute`
runs :meth:`PreparedLesson.run <visualrnn.session.config.PreparedLesson.run>` on a worker
thread and hands the finished :class:`Job` back in the interface's thread (a ``QTimer``
polls it, so no signal ever crosses threads).

The newest request wins: a request made while another runs waits for it (at most one run
at a time, so memory stays bounded) and the older result is dropped; a request that was
waiting is replaced. A run cannot be interrupted — NumPy holds no cancellation point — so
the worker finishes a dropped run in the background and nobody looks at it.

Worker threads are daemon threads: closing the window never waits for a run.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

#: How often a running job is checked, in milliseconds.
POLL_MS = 10


class Job:
    """One run: ``prepared`` (a :class:`~visualrnn.session.config.PreparedLesson`) and what
    the requester needs to install its result (``payload``). After the run, ``result``
    holds the :class:`~visualrnn.engine.Result` or ``error`` the exception it raised;
    ``then(result)``, if set, runs after it on the same thread and its return value is
    kept in ``extra``."""

    def __init__(self, prepared, **payload):
        self.prepared = prepared
        self.payload = payload
        self.then = None
        self.result = None
        self.extra = None
        self.error: BaseException | None = None
        self.seconds = 0.0
        self._done = threading.Event()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def run(self) -> None:
        """Run it here (the worker thread's target; also the synchronous path)."""
        start = time.perf_counter()
        try:
            self.result = self.prepared.run()
            if self.then is not None:
                self.extra = _bonus(self.then, self.result)
        except BaseException as exc:  # noqa: BLE001 — delivered to the interface's thread
            self.error = exc
        finally:
            self.seconds = time.perf_counter() - start
            self._done.set()


def _bonus(then, result):
    """``then(result)``, or None if it fails: extras are computed again on request."""
    try:
        return then(result)
    except Exception:  # noqa: BLE001
        return None


class Recompute(QObject):
    """Runs :class:`Job` s on a worker thread, one at a time; the newest request wins.

    Signals
    -------
    finished(object) : a job that is still wanted is done (``result`` or ``error`` set);
        emitted in the thread that owns this object (the interface's).
    busy_changed(bool) : True while a wanted job is running or waiting.
    """

    finished = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: Job | None = None
        self._thread: threading.Thread | None = None
        self._stale = False  # the running job's result is no longer wanted
        self._waiting: Job | None = None
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def busy(self) -> bool:
        """Whether a result is on its way (a wanted job runs or waits)."""
        return self._busy

    @property
    def target(self) -> Job | None:
        """The newest wanted job (waiting, or running and not dropped), or None."""
        if self._waiting is not None:
            return self._waiting
        return self._running if self._running is not None and not self._stale else None

    def submit(self, job: Job) -> None:
        """Run ``job`` as soon as the worker is free; any older request is dropped."""
        if self._running is None:
            self._start(job)
        else:
            self._stale = True
            self._waiting = job
        self._set_busy(True)

    def cancel(self) -> None:
        """Drop every request (a run already started finishes unseen)."""
        self._waiting = None
        if self._running is not None:
            self._stale = True
        self._set_busy(False)

    def poll(self) -> None:
        """Deliver the running job if it is done (called by the timer, or by :meth:`wait`)."""
        job = self._running
        if job is None or not job.done:
            return
        stale, self._running, self._thread, self._stale = self._stale, None, None, False
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self._start(waiting)
        else:
            self._timer.stop()
        if not stale:
            try:
                self.finished.emit(job)
            finally:
                self._set_busy(self.target is not None)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every wanted job is done and delivered; False after ``timeout``
        seconds. For tests, the screenshot mode and saving — never in a slot."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._running is not None:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._running._done.wait(left):
                return False
            self.poll()
        return True

    def _start(self, job: Job) -> None:
        self._running = job
        self._thread = threading.Thread(target=job.run, name="visualrnn-recompute", daemon=True)
        self._thread.start()
        self._timer.start()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)


def no_memory_message() -> str:
    """What a run that ran out of memory tells the user (a ``MemoryError`` is no bug)."""
    return QCoreApplication.translate(
        "LessonSession",
        "not enough memory to compute this lesson; use fewer steps, hidden units or outputs",
    )
