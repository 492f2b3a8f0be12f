"""One worker process of the training lab: start it, talk to it, end it (no Qt).

The process is started with multiprocessing's "spawn" context (a fresh interpreter: no
Qt state is inherited, and it works the same on Linux, macOS and Windows); commands go
down a pipe, results come back through a queue (see :mod:`.training_worker`). Ending it
asks first, waits at most ``timeout`` seconds, then terminates and, last, kills it — a
worker is never left behind. The process is a daemon, so even an interpreter that exits
without :meth:`WorkerProcess.stop` takes it down.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import time

from .training_worker import worker_main


class WorkerProcess:
    """A running worker.

    Parameters
    ----------
    spec : what to train (see ``training_worker._Worker``).
    """

    def __init__(self, spec: dict):
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # inherited by the child
        context = multiprocessing.get_context("spawn")
        receive, self._commands = context.Pipe(duplex=False)
        self._queue = context.Queue()
        self.process = context.Process(
            target=worker_main, args=(spec, receive, self._queue), daemon=True
        )
        self.process.start()
        receive.close()
        self.pid = self.process.pid
        self.stopping = False

    def send(self, name: str, arg=None) -> bool:
        """Send a command; False when the worker is gone."""
        try:
            self._commands.send((name, arg))
        except (OSError, ValueError, AttributeError):
            return False
        return True

    def messages(self) -> list[dict]:
        """Every message waiting (never blocks)."""
        out = []
        while self._queue is not None:
            try:
                out.append(self._queue.get_nowait())
            except (queue.Empty, OSError, ValueError, EOFError):
                break
        return out

    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    @property
    def exitcode(self):
        return None if self.process is None else self.process.exitcode

    def stop(self, timeout: float = 1.0) -> None:
        """Ask the worker to leave; after ``timeout`` s terminate it, then kill it."""
        process = self.process
        if process is None:
            return
        self.stopping = True
        self.send("stop")
        deadline = time.monotonic() + timeout
        while process.is_alive() and time.monotonic() < deadline:
            self.messages()  # a worker blocked on a full queue can then leave
            process.join(0.02)
        if process.is_alive():
            process.terminate()
            process.join(1.0)
        if process.is_alive():
            process.kill()
            process.join(1.0)
        self.messages()
        for thing in (self._commands, self._queue):
            with contextlib.suppress(Exception):
                thing.close()
        with contextlib.suppress(Exception):
            self._queue.cancel_join_thread()
        with contextlib.suppress(Exception):
            process.close()
        self.process, self._commands, self._queue = None, None, None
