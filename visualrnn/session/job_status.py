"""The state and one-line message of a long job (training, race, sweep), shared by its sessions."""

from __future__ import annotations

import atexit
import contextlib
import weakref

from PySide6.QtCore import QCoreApplication, QTimer

_LIVE: weakref.WeakSet = weakref.WeakSet()


class JobStatus:
    """Mixin for a ``QObject`` session that runs a long job.

    The class using it defines the signals ``state_changed(str)`` and
    ``message_changed(str, bool)`` and the attributes ``state``, ``message`` and
    ``message_is_error``; each setter emits only on a real change. ``_watch_job`` gives it
    the timer that calls its ``poll``, a ``shutdown`` when the application quits, and an
    ``_end_processes`` at interpreter exit (no worker process is ever left behind).
    """

    def _watch_job(self, interval_ms: int) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        _LIVE.add(self)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _say(self, text: str, is_error: bool) -> bool:
        """Show ``text`` as the job's message; returns ``not is_error``."""
        if (text, is_error) != (self.message, self.message_is_error):
            self.message, self.message_is_error = text, is_error
            self.message_changed.emit(text, is_error)
        return not is_error


@atexit.register
def _end_all() -> None:
    """Never leave a worker process behind at exit."""
    for job in list(_LIVE):
        with contextlib.suppress(Exception):
            job._end_processes()
