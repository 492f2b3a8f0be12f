"""A slider with a spin box beside it, for one number (optionally on a log scale)."""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget


class SliderField(QWidget):
    """Drag the slider (live) or type the number; both stay in step.

    Signals
    -------
    value_changed(float) : the user moved the slider or entered a number. Not emitted by
        :meth:`set_value` (syncing from the session must not feed back).
    """

    value_changed = Signal(float)
    POSITIONS = 1000

    def __init__(self, minimum, maximum, decimals=2, log=False, parent=None):
        super().__init__(parent)
        self.log = log
        self.minimum, self.maximum = float(minimum), float(maximum)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(decimals)
        self.spin.setKeyboardTracking(False)
        self.slider.setRange(0, self.POSITIONS if log or decimals else int(maximum - minimum))
        self.set_range(minimum, maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.spin.valueChanged.connect(self._on_spin_changed)

    # ---------------------------------------------------------------- mapping
    def _integer(self) -> bool:
        return not self.log and self.spin.decimals() == 0

    def to_position(self, value: float) -> int:
        value = min(max(float(value), self.minimum), self.maximum)
        if self._integer():
            return int(round(value - self.minimum))
        if self.log:
            lo, hi = math.log10(self.minimum), math.log10(self.maximum)
            u = (math.log10(value) - lo) / (hi - lo)
        else:
            u = (value - self.minimum) / (self.maximum - self.minimum)
        return int(round(u * self.POSITIONS))

    def from_position(self, position: int) -> float:
        if self._integer():
            return self.minimum + position
        u = position / self.POSITIONS
        if self.log:
            lo, hi = math.log10(self.minimum), math.log10(self.maximum)
            return round(10 ** (lo + u * (hi - lo)), self.spin.decimals())
        return round(self.minimum + u * (self.maximum - self.minimum), self.spin.decimals())

    # ---------------------------------------------------------------- API
    def value(self) -> float:
        return float(self.spin.value())

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting ``value_changed``."""
        if float(value) == self.spin.value() and self.slider.value() == self.to_position(value):
            return
        with QSignalBlocker(self.slider), QSignalBlocker(self.spin):
            self.spin.setValue(float(value))
            self.slider.setValue(self.to_position(value))

    def set_range(self, minimum: float, maximum: float) -> None:
        """New limits (e.g. truncation k up to T), without emitting."""
        self.minimum, self.maximum = float(minimum), float(max(maximum, minimum))
        with QSignalBlocker(self.slider), QSignalBlocker(self.spin):
            self.spin.setRange(self.minimum, self.maximum)
            if self._integer():
                self.slider.setRange(0, int(self.maximum - self.minimum))
            self.slider.setValue(self.to_position(self.spin.value()))

    # ---------------------------------------------------------------- handlers
    def _on_slider_moved(self, position: int) -> None:
        value = self.from_position(position)
        with QSignalBlocker(self.spin):
            self.spin.setValue(value)
        self.value_changed.emit(value)

    def _on_spin_changed(self, value: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(self.to_position(value))
        self.value_changed.emit(float(value))
