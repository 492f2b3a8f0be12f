"""Playback: a precise timer that advances the cursor by elapsed time, not by tick count."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

#: Speeds offered in the transport bar, in steps per second.
SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
TICK_MS = 16


class Playback(QObject):
    """Emits ``advanced(n)`` with how many whole steps are due since the last tick.

    At ``speed`` steps per second, a step is due every 1/speed seconds of wall time; ticks
    arrive about every 16 ms (≈ 60 fps) but late ticks simply carry more steps.
    """

    advanced = Signal(int)
    playing_changed = Signal(bool)
    speed_changed = Signal(float)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self._speed = 2.0
        self._last = 0.0
        self._carry = 0.0

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> float:
        """Steps per second."""
        return self._speed

    def set_speed(self, speed: float) -> None:
        speed = float(speed)
        if not speed > 0 or speed != speed:
            raise ValueError(f"speed must be a positive number of steps per second, not {speed}")
        if speed != self._speed:
            self._speed = speed
            self.speed_changed.emit(speed)

    def start(self) -> None:
        if not self.playing:
            self._last, self._carry = time.perf_counter(), 0.0
            self._timer.start()
            self.playing_changed.emit(True)

    def stop(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def _on_tick(self) -> None:
        now = time.perf_counter()
        self._carry += (now - self._last) * self._speed
        self._last = now
        steps = int(self._carry)
        if steps:
            self._carry -= steps
            self.advanced.emit(steps)
