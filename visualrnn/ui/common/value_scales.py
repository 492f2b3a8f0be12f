"""Colour-range rules shared by every view, so h, c, x and y get the same range everywhere."""

from __future__ import annotations

import math

import numpy as np


def nice_ceiling(v: float) -> float:
    """The next of 1, 2, 3, 5 × 10^k at or above ``v`` (1 for v ≤ 0 or non-finite)."""
    if not np.isfinite(v) or v <= 0:
        return 1.0
    k = 10.0 ** math.floor(math.log10(v))
    return next(m * k for m in (1, 2, 3, 5, 10) if m * k >= v * (1 - 1e-12))


def percentile_range(values) -> float:
    """A nice symmetric range ±v for ``values``: the 99th percentile of the finite
    magnitudes, rounded up by :func:`nice_ceiling` (1 when nothing is finite)."""
    if values is None:
        return 1.0
    a = np.asarray(values, dtype=float)
    finite = np.abs(a[np.isfinite(a)])
    return nice_ceiling(float(np.percentile(finite, 99))) if finite.size else 1.0
