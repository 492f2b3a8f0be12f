"""Shared look: colour maps with legends and the projector font scale.

Every view takes its colours and fonts from here, so the whole window agrees on what a
colour means and grows together when the teacher presses Ctrl+=.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont

#: Diverging, colour-blind safe (CET-CBD1: blue – grey-white – yellow): h, c, a, dh.
DIVERGING_MAP = "CET-CBD1"
#: Sequential, colour-blind safe and monotone in lightness: gates in 0 … 1.
SEQUENTIAL_MAP = "viridis"

#: Accent for the cursor / current step, and grey for steps not reached yet.
CURSOR_COLOR = "#E69F00"
FUTURE_GREY = "#B0B0B0"
OVERFLOW_COLOR = "#CC0000"
#: Truncated-BPTT cuts, on the unrolled network and on the gradient plot alike.
CUT_COLOR = "#B00000"

BASE_POINT_SIZE = 11.0


#: Gradient magnitudes on the network (backward mode): plasma without its lightest
#: yellow, so the largest gradients stay visible on the white scene.
GRADIENT_MAP = "plasma (to 0.85)"


def colormap(name: str) -> pg.ColorMap:
    """A pyqtgraph colour map bundled with pyqtgraph (works offline), or GRADIENT_MAP."""
    if name == GRADIENT_MAP:
        return _gradient_map()
    return pg.colormap.get(name)


@lru_cache(maxsize=1)
def _gradient_map() -> pg.ColorMap:
    pos = np.linspace(0.0, 1.0, 16)
    return pg.ColorMap(pos, pg.colormap.get("plasma").map(0.85 * pos, mode="byte"))


def gradient_color(u: float) -> QColor:
    """The gradient map's colour for u in 0 … 1 (small … large ‖∂L/∂h‖ on a log scale)."""
    return colormap(GRADIENT_MAP).map(float(np.clip(u, 0.0, 1.0)), mode="qcolor")


def diverging_color(value: float, vmax: float) -> QColor:
    """The diverging map's colour for ``value`` on the symmetric range −vmax … vmax.

    Non-finite values come out in the overflow colour.
    """
    if not np.isfinite(value):
        return QColor(OVERFLOW_COLOR)
    u = 0.5 + 0.5 * float(np.clip(value / vmax if vmax > 0 else 0.0, -1.0, 1.0))
    return colormap(DIVERGING_MAP).map(u, mode="qcolor")


def sequential_color(value: float) -> QColor:
    """The sequential map's colour for a gate value in 0 … 1."""
    if not np.isfinite(value):
        return QColor(OVERFLOW_COLOR)
    return colormap(SEQUENTIAL_MAP).map(float(np.clip(value, 0.0, 1.0)), mode="qcolor")


class FontScale(QObject):
    """The projector font scale, shared by every panel (1.0 = normal).

    Views that draw their own text (scene items, plot axes) connect to ``scale_changed``
    and rebuild their fonts with :func:`scaled_font`; plain widgets follow the
    application font, which the main window sets.
    """

    scale_changed = Signal(float)
    MIN, MAX, STEP = 0.6, 3.0, 0.15

    def __init__(self):
        super().__init__()
        self._scale = 1.0

    @property
    def scale(self) -> float:
        return self._scale

    def set_scale(self, scale: float) -> None:
        scale = float(np.clip(scale, self.MIN, self.MAX))
        if abs(scale - self._scale) > 1e-9:
            self._scale = scale
            self.scale_changed.emit(scale)

    def bigger(self) -> None:
        self.set_scale(self._scale + self.STEP)

    def smaller(self) -> None:
        self.set_scale(self._scale - self.STEP)


_FONT_SCALE: FontScale | None = None


def font_scale() -> FontScale:
    """The application's single :class:`FontScale` (created on first use)."""
    global _FONT_SCALE
    if _FONT_SCALE is None:
        _FONT_SCALE = FontScale()
    return _FONT_SCALE


def scaled_font(point_size: float = BASE_POINT_SIZE, bold: bool = False) -> QFont:
    """A font of ``point_size`` × the current projector scale."""
    font = QFont()
    font.setPointSizeF(point_size * font_scale().scale)
    font.setBold(bold)
    return font
