"""A global exception hook: an error in any handler is logged, reported, and survived.

Qt prints exceptions raised in slots and carries on; this hook also writes them to a log
file in the user's data directory, pauses playback (so one bad step does not repeat 60
times a second), and tells the window, which shows the error in its status bar with a
"Details…" button.
"""

from __future__ import annotations

import datetime
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal

LOG_NAME = "visualrnn-errors.log"


def log_path() -> Path:
    """The error log: ``<AppDataLocation>/visualrnn-errors.log``."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".visualrnn") / LOG_NAME


class ExceptionHook(QObject):
    """Installs itself as ``sys.excepthook`` and ``threading.excepthook``.

    Signals
    -------
    exception_caught(str, str) : (one-line summary, full traceback). Emitted in the GUI
        thread (queued when the exception happened in another thread).
    """

    exception_caught = Signal(str, str)

    def __init__(self, session=None, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._previous = None
        self._previous_threading = None
        self.exception_caught.connect(self._on_exception_caught)
        self.last_log_error: str | None = None

    def install(self) -> None:
        self._previous, sys.excepthook = sys.excepthook, self.handle
        self._previous_threading, threading.excepthook = threading.excepthook, self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            threading.excepthook = self._previous_threading
            self._previous = self._previous_threading = None

    def handle(self, exc_type, exc, tb) -> None:
        """The ``sys.excepthook``: log, then report through ``exception_caught``."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        sys.stderr.write(details)
        self._write_log(details)
        summary = f"{exc_type.__name__}: {exc}".splitlines()[0][:200]
        self.exception_caught.emit(summary, details)

    def _handle_thread(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _write_log(self, details: str) -> None:
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        try:
            path = log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                log.write(f"--- {stamp}\n{details}\n")
        except OSError as error:  # the report must never raise
            self.last_log_error = str(error)

    def _on_exception_caught(self, summary: str, details: str) -> None:
        if self._session is not None:
            self._session.pause()
