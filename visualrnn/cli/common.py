"""What the command-line tools share: the error type, file checks and progress output.

Everything here is plain English and ASCII-safe output; the NumPy engine only, no Qt.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

from ..engine.model import Model
from ..engine.weights import WeightFileError, load_weights

PROG = "visualrnn"


class CliError(Exception):
    """A bad argument or file; reported as one line and exit status 2."""


def check_out(path: str, suffixes: tuple[str, ...] | None = None) -> None:
    """Refuse an ``--out`` that is a directory or has the wrong suffix."""
    if Path(path).is_dir():
        raise CliError(f"--out {path} is a directory")
    if suffixes and Path(path).suffix.lower() not in suffixes:
        raise CliError(f"--out {path} must end in {' or '.join(suffixes)}")


def load_model(path: str, activation: str | None = None) -> Model:
    """A model from a weight file; a :class:`CliError` naming the file otherwise."""
    try:
        return load_weights(path, activation)
    except WeightFileError as e:
        raise CliError(str(e)) from e


def positive_int(name: str, value: int | None, minimum: int = 1) -> None:
    """Refuse ``--name value`` below ``minimum`` (None passes)."""
    if value is not None and value < minimum:
        raise CliError(f"{name} must be at least {minimum}, not {value}")


def positive_float(name: str, value: float | None) -> None:
    """Refuse ``--name value`` that is not a positive finite number (None passes)."""
    if value is not None and not (math.isfinite(value) and value > 0):
        raise CliError(f"{name} must be a positive number, not {value}")


class Progress:
    """Progress on stderr: a bar on a terminal, otherwise a line every ``every`` seconds.

    Parameters
    ----------
    total : the number of units of work.
    label : what is counted, e.g. "updates".
    stream : where to write (default ``sys.stderr``).
    """

    WIDTH = 30

    def __init__(self, total: int, label: str, stream=None, every: float = 5.0):
        self.total, self.label = max(int(total), 1), label
        self.stream = sys.stderr if stream is None else stream
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every, self.start = every, time.monotonic()
        self._last = -math.inf

    def update(self, done: int, note: str = "") -> None:
        """Show ``done`` of ``total`` (throttled: 10 redraws/s on a terminal)."""
        now = time.monotonic()
        if now - self._last < (0.1 if self.tty else self.every) and done < self.total:
            return
        self._last = now
        elapsed = now - self.start
        if self.tty:
            filled = int(self.WIDTH * done / self.total)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {done}/{self.total} {self.label} {elapsed:.0f}s {note}")
        else:
            self.stream.write(f"{done}/{self.total} {self.label}, {elapsed:.0f} s {note}\n")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line on a terminal."""
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
