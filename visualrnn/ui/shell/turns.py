"""Long interface work done in event-loop turns, with the window's picture held meanwhile.

A language switch rebuilds every panel (~1.2 s at once). :class:`HeldTurns` runs such work
one piece per event-loop turn — input, playback and timers go on in between — while the
window keeps its last complete picture and a busy cursor, so no half-made window shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget


class HeldTurns(QObject):
    """Runs a generator one ``next()`` per event-loop turn with ``window``'s painting held.

    Parameters
    ----------
    window : the widget whose picture is held (and the owner: the turns end with it).
    """

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._turns: Iterator | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.run_one)

    @property
    def running(self) -> bool:
        return self._turns is not None

    def start(self, make_turns: Callable[[], Iterator]) -> None:
        """Start the turns of ``make_turns()`` (the first one now); a run still under way
        is replaced."""
        if self._turns is None:
            self._window.setUpdatesEnabled(False)
            # on the window, not the application's: it ends with the window
            self._window.setCursor(Qt.CursorShape.WaitCursor)
        self._turns = make_turns()
        self.run_one()

    def finish(self) -> None:
        """Run the remaining turns now."""
        while self._turns is not None:
            self.run_one()

    def run_one(self) -> None:
        if self._turns is None:
            return
        try:
            next(self._turns)
        except StopIteration:
            self._end()
        except BaseException:
            self._end()  # never leave the window frozen
            raise
        else:
            self._timer.start()

    def _end(self) -> None:
        self._turns = None
        self._timer.stop()
        self._window.setUpdatesEnabled(True)
        self._window.unsetCursor()
