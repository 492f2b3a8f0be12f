"""Colour scales of the values the views colour (x, h, c, y) and of the gradient norms.

One :class:`Scale` per quantity and trace, computed once (:func:`value_scales`) and shared
by the network, the rolled cell and the cell diagram; :class:`Palette` turns values into
colours with the theme's diverging map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPen,
)

from ...engine.cellspec import cell_spec
from . import theme

#: A quantity whose colour range spans more than this many decades gets a log scale.
LOG_DECADES = 3.0


@dataclass(frozen=True)
class Scale:
    """A diverging colour scale ±vmax: linear, or (``lin`` > 0) sign-preserving
    log-magnitude ("symlog"): |v| ≤ lin is near the middle, each decade above it gets an
    equal share of the colours, so 1 and 10⁵ are both visible on one scale."""

    vmax: float
    lin: float = 0.0

    @property
    def log(self) -> bool:
        return self.lin > 0

    def unit(self, values) -> np.ndarray:
        """``values`` mapped to −1 … 1 (clipped; NaN stays NaN)."""
        v = np.asarray(values, dtype=float)
        with np.errstate(all="ignore"):
            if self.log:
                u = np.sign(v) * np.log1p(np.abs(v) / self.lin) / math.log1p(self.vmax / self.lin)
            else:
                u = v / self.vmax
        return np.clip(u, -1.0, 1.0)

    def unit_of(self, value: float) -> float:
        """One finite value mapped to −1 … 1 (pure Python, for painting loops)."""
        if self.log:
            u = math.copysign(math.log1p(abs(value) / self.lin), value)
            u /= math.log1p(self.vmax / self.lin)
        else:
            u = value / self.vmax
        return min(1.0, max(-1.0, u))


def as_scale(scale) -> Scale:
    """A :class:`Scale` from a Scale or a plain vmax (invalid → ±1)."""
    if isinstance(scale, Scale):
        return scale
    v = float(scale)
    return Scale(v if math.isfinite(v) and v > 0 else 1.0)


class Palette:
    """The theme's diverging map as a 256-entry lookup table for a scale ±vmax (linear or
    symlog, see :class:`Scale`)."""

    def __init__(self, vmax, lin: float = 0.0):
        scale = vmax if isinstance(vmax, Scale) else Scale(float(vmax), lin)
        if not (np.isfinite(scale.vmax) and scale.vmax > 0):
            scale = Scale(1.0)
        self.scale = scale
        self.vmax = scale.vmax
        cmap = theme.colormap(theme.DIVERGING_MAP)
        rgba = cmap.map(np.linspace(0.0, 1.0, 256), mode="byte").astype(np.uint32)
        self.argb = (0xFF << 24) | (rgba[:, 0] << 16) | (rgba[:, 1] << 8) | rgba[:, 2]
        self.colors = [QColor.fromRgb(int(c)) for c in self.argb]
        self.overflow = QColor(theme.OVERFLOW_COLOR)

    def index(self, values: np.ndarray) -> np.ndarray:
        """Lookup-table indices 0 … 255 of ``values`` (non-finite → the nearest end or 127)."""
        u = 0.5 + 0.5 * self.scale.unit(values)
        u = np.atleast_1d(u)
        u[np.isnan(u)] = 0.5
        return (np.clip(u, 0.0, 1.0) * 255).astype(np.intp)

    def color(self, value: float) -> QColor:
        """One value's colour (pure Python: no array round trip for a scalar)."""
        if not math.isfinite(value):
            return self.overflow
        u = 0.5 + 0.5 * self.scale.unit_of(value)
        return self.colors[int(min(1.0, max(0.0, u)) * 255)]

    def colors_of(self, values: np.ndarray) -> list[QColor]:
        """The colours of a vector, overflow for non-finite values: one table lookup."""
        v = np.asarray(values, dtype=float)
        colors, bad = self.colors, ~np.isfinite(v)
        out = [colors[k] for k in self.index(v).tolist()]
        for k in np.flatnonzero(bad).tolist():
            out[k] = self.overflow
        return out

    def strip(self, values: np.ndarray) -> QImage:
        """An n × 1 image of the values' colours (overflow in red)."""
        argb = self.argb[self.index(values)]
        argb[~np.isfinite(values)] = self.overflow.rgb()
        image = QImage(argb.tobytes(), values.size, 1, QImage.Format.Format_RGB32)
        return image.copy()


@lru_cache(maxsize=32)
def cached_palette(scale) -> Palette:
    """One lookup table per scale (building one costs ~1 ms)."""
    return Palette(as_scale(scale))


def gradient_pen(norm: float, lo: float, hi: float) -> QPen:
    """Backward mode: the pen of an arrow carrying ‖dh_t‖ — thickness and colour by log10.

    ``lo``/``hi`` are the log10 range of the finite, positive norms. Zero norms (nothing
    flows back, e.g. cut by truncation) are thin and dashed; overflow is red and thick.
    """
    if not math.isfinite(norm):
        pen = QPen(QColor(theme.OVERFLOW_COLOR), 14.0)
        pen.setCosmetic(True)
        return pen
    if norm <= 0:
        pen = QPen(QColor(theme.FUTURE_GREY), 1.5)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        return pen
    u = 1.0 if hi <= lo else (math.log10(norm) - lo) / (hi - lo)
    u = min(1.0, max(0.0, u))
    color = theme.gradient_color(u)
    pen = QPen(QBrush(color), 1.5 + 12.0 * u)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setCosmetic(True)
    return pen


def _nice_scale(a, vmax: float) -> Scale:
    """±vmax, on a log-magnitude scale when the typical small magnitudes (10th percentile
    of the non-zero ones) lie more than LOG_DECADES decades below vmax."""
    if a is None:
        return Scale(vmax)
    a = np.abs(np.asarray(a, dtype=float))
    small = a[np.isfinite(a) & (a > 0)]
    if small.size == 0:
        return Scale(vmax)
    lo = float(np.percentile(small, 10))
    if lo <= 0 or math.log10(vmax / lo) <= LOG_DECADES:
        return Scale(vmax)
    return Scale(vmax, 10.0 ** math.floor(math.log10(lo)))


_SCALES_CACHE: list[tuple[object, dict]] = []


def value_scales(trace) -> dict[str, Scale]:
    """The colour scale of each quantity the views colour: x, h, c (LSTM) and y.

    Computed once per trace (several views ask after the same trace change; the
    percentiles cost milliseconds at T = 2000) and shared, read-only.

    h is bounded by tanh (LSTM, GRU, the tanh RNN): its scale is ±1, or the data's own
    smaller range when h stays small (a GRU that mostly keeps its state), so the strip is
    not washed out; for relu / identity it follows the data. c, x and y each have their
    own range (see :func:`_nice_range`). An unbounded quantity spanning many decades (the
    exploding demo: h from 1 to 10⁵) gets a log-magnitude scale (:class:`Scale`).
    """
    for cached, scales in _SCALES_CACHE:
        if cached is trace:
            return scales
    scales = _compute_scales(trace)
    _SCALES_CACHE[:] = [(trace, scales), *_SCALES_CACHE[:3]]
    return scales


def _compute_scales(trace) -> dict[str, Scale]:
    bounded = cell_spec(trace.cell).value_range("h", trace.activation) is not None
    h = percentile_range(trace.h)
    scales = {
        "x": _nice_scale(trace.x, percentile_range(trace.x)),
        "h": Scale(min(1.0, h)) if bounded else _nice_scale(trace.h, h),
        "y": _nice_scale(trace.y, percentile_range(trace.y)),
    }
    if trace.c is not None:
        scales["c"] = _nice_scale(trace.c, percentile_range(trace.c))
    return scales


def value_ranges(trace) -> dict[str, float]:
    """±vmax of each scale of :func:`value_scales`."""
    return {k: s.vmax for k, s in value_scales(trace).items()}


def log_range(norms) -> tuple[float, float]:
    """log10 of the smallest and largest finite positive norm (a span of at least 1)."""
    n = np.asarray(norms, dtype=float)
    good = n[np.isfinite(n) & (n > 0)]
    if good.size == 0:
        return -1.0, 0.0
    lo, hi = float(np.log10(good.min())), float(np.log10(good.max()))
    return (hi - 1.0, hi) if hi - lo < 1e-9 else (lo, hi)


def nice_ceiling(v: float) -> float:
    """The next of 1, 2, 3, 5 × 10^k at or above ``v`` (1 for v ≤ 0 or non-finite)."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    k = 10.0 ** math.floor(math.log10(v))
    if k == 0.0:  # a subnormal v (5e-324): 10**-324 underflows to 0
        return float(np.finfo(float).tiny)
    return next(m * k for m in (1, 2, 3, 5, 10) if m * k >= v * (1 - 1e-12))


def percentile_range(values) -> float:
    """A nice symmetric range ±v for ``values``: the 99th percentile of the finite
    magnitudes, rounded up by :func:`nice_ceiling` (1 when nothing is finite)."""
    if values is None:
        return 1.0
    a = np.asarray(values, dtype=float)
    finite = np.abs(a[np.isfinite(a)])
    return nice_ceiling(float(np.percentile(finite, 99))) if finite.size else 1.0
