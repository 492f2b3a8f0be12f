"""Pure display mappings for the heatmaps and the gradient plot (NumPy only, no Qt).

Nothing here computes model numerics; these functions only decide how arrays that the
engine already computed are *drawn*: which value range a colour bar spans, which points a
log axis can show, where the markers for vanished / overflowed values sit.
"""

from __future__ import annotations

import math

import numpy as np

#: Sigmoid gates are "saturated" below / above these values (tanh ones beyond ±HIGH).
SATURATION_LOW, SATURATION_HIGH = 0.05, 0.95
#: The largest / smallest decade a log axis is asked to show (float64 stays finite there).
LOG_LIMIT = 300.0
#: The minus sign of displayed numbers (U+2212), as in the network and the equations.
MINUS = "\u2212"
#: Linear plots and colour bars stop here: beyond it Qt's geometry overflows.
LINEAR_LIMIT = 1e12


def symmetric_level(
    values: np.ndarray, minimum: float = 1.0, maximum: float = LINEAR_LIMIT
) -> float:
    """m for the symmetric colour range −m … m: max |finite value|, at least ``minimum``
    and at most ``maximum``."""
    v = np.asarray(values, dtype=float)
    finite = np.abs(v[np.isfinite(v)])
    peak = float(finite.max()) if finite.size else 0.0
    return min(max(peak, minimum), maximum)


def image_for_display(
    values: np.ndarray, lo: float, hi: float
) -> tuple[np.ndarray, np.ndarray | None]:
    """The array an image item can draw, and the mask of overflowed cells (or None).

    Finite values inside lo … hi come back as the very same array; otherwise a copy with
    inf / NaN set to 0 (they are painted over in the overflow colour) and the rest clipped
    to lo … hi.
    """
    v = np.asarray(values)
    finite = np.isfinite(v)
    if finite.all() and (v.size == 0 or (v.min() >= lo and v.max() <= hi)):
        return values, None
    shown = np.clip(np.where(finite, v, 0.0), lo, hi)
    return shown, (None if finite.all() else ~finite)


def linear_safe(values: np.ndarray, limit: float = LINEAR_LIMIT) -> np.ndarray:
    """Values for a linear plot: inf, NaN and |v| > limit become NaN (a gap, not a crash)."""
    v = np.asarray(values, dtype=float)
    return np.where(np.isfinite(v) & (np.abs(v) <= limit), v, np.nan)


def log_safe(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split norms for a log axis.

    Parameters
    ----------
    values : (T,) non-negative norms, possibly 0, inf or NaN.

    Returns
    -------
    shown : (T,) float, the values with everything a log axis cannot draw set to NaN.
    vanished : (T,) bool, exactly 0 (underflowed): drawn as "vanished" markers.
    overflow : (T,) bool, inf or NaN: drawn as "overflow" markers.
    """
    v = np.asarray(values, dtype=float)
    overflow = ~np.isfinite(v)
    vanished = np.isfinite(v) & (v <= 0)
    shown = np.where(overflow | vanished, np.nan, v)
    return shown, vanished, overflow


def log_range(curves: list[np.ndarray], pad: float = 0.4) -> tuple[float, float]:
    """(lo, hi) in log10 units covering every drawable value of ``curves``, padded and
    rounded out to whole decades.

    With nothing drawable (all 0 / inf / NaN) the range is (−1, 1), so the plot still has
    axes and room for the markers.
    """
    logs = [np.log10(c[np.isfinite(c) & (c > 0)]) for c in curves if c is not None]
    logs = [x for x in logs if x.size]
    if not logs:
        return -1.0, 1.0
    lo = float(min(x.min() for x in logs))
    hi = float(max(x.max() for x in logs))
    if hi - lo < 2.0:
        mid = 0.5 * (hi + lo)
        lo, hi = mid - 1.0, mid + 1.0
    # whole decades: the axis stays put while a slider nudges the curve
    lo = max(math.floor(lo - pad), -LOG_LIMIT)
    hi = min(math.ceil(hi + pad), LOG_LIMIT)
    return float(lo), float(max(hi, lo + 2))


def sticky_range(
    shown: tuple[float, float] | None, wanted: tuple[float, float], slack: float = 0.15
) -> tuple[float, float]:
    """The axis range to show: ``shown`` if it still holds ``wanted`` with little room to
    spare (at most max(1, slack · span) of ``wanted``'s span), else ``wanted``.

    While a slider is dragged the curve's ends move a little on every frame; keeping the
    range until they leave it (or it becomes too loose) spares re-ticking the axis.
    """
    if shown is None:
        return wanted
    lo, hi = shown
    if lo <= wanted[0] and wanted[1] <= hi:
        spare = (hi - lo) - (wanted[1] - wanted[0])
        if spare <= max(1.0, slack * (wanted[1] - wanted[0])):
            return float(lo), float(hi)
    return wanted


def reference_line(dh_norm: np.ndarray, rho: float, start: int = 0) -> np.ndarray:
    """‖dh_{T−1}‖·ρ^(T−1−t) for t = start … T−1 (NaN before ``start``): the slope a factor
    ρ per step would give. With truncated BPTT ``start`` is the first step of the last chunk
    (no gradient crosses a cut, so the line must not either).

    Computed in log10 so that it never overflows; steps whose value would leave
    10^±300 (or without a finite, positive anchor) come out NaN.
    """
    v = np.asarray(dh_norm, dtype=float)
    T = v.shape[0]
    out = np.full(T, np.nan)
    if T == 0 or not (np.isfinite(v[-1]) and v[-1] > 0 and np.isfinite(rho) and rho > 0):
        return out
    logs = math.log10(v[-1]) + (T - 1 - np.arange(T)) * math.log10(rho)
    ok = (np.abs(logs) < LOG_LIMIT) & (np.arange(T) >= start)
    out[ok] = 10.0 ** logs[ok]
    return out


def chunks(T: int, k: int | None) -> list[tuple[int, int]]:
    """(first, last) step of every chunk of truncated BPTT (one chunk without k)."""
    starts = [0, *chunk_boundaries(T, k).tolist()]
    return [(a, b - 1) for a, b in zip(starts, [*starts[1:], T], strict=True)]


def with_gaps(values: np.ndarray, cuts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x = t and y = values with a NaN point at x = cut − 0.5 before every cut: a curve
    drawn with ``connect="finite"`` then breaks where truncated BPTT cuts the gradient."""
    v = np.asarray(values, dtype=float)
    t = np.arange(v.shape[0], dtype=float)
    if len(cuts) == 0:
        return t, v
    cuts = np.asarray(cuts, dtype=int)
    return np.insert(t, cuts, cuts - 0.5), np.insert(v, cuts, np.nan)


def chunk_changes(values: np.ndarray, k: int | None) -> list[float | None]:
    """:func:`decades_change` inside every chunk of truncated BPTT, from its last step
    back to its first (None where an end is 0 or not finite)."""
    v = np.asarray(values, dtype=float)
    return [decades_change(v[a : b + 1]) for a, b in chunks(v.shape[0], k)]


def thin_steps(steps: np.ndarray, T: int, columns: int = 1000) -> np.ndarray:
    """The first of ``steps`` (increasing) in each of ``columns`` equal slices of 0 … T:
    markers no closer than a pixel column apart look the same and cost ``columns`` at
    most (8,500 "vanished" markers cost ~25 ms to set and more to paint)."""
    steps = np.asarray(steps)
    if steps.size <= columns or T <= 0:
        return steps
    bins = steps * columns // T
    return steps[np.r_[True, bins[1:] != bins[:-1]]]


def chunk_boundaries(T: int, k: int | None) -> np.ndarray:
    """Steps t = k, 2k, … < T where truncated BPTT cuts the gradient (empty without k)."""
    if not k or k < 1 or k >= T:
        return np.zeros(0, dtype=int)
    return np.arange(k, T, k)


def boundary_segments(steps: np.ndarray, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
    """x, y of vertical segments at ``steps - 0.5`` from lo to hi, for ``connect="pairs"``."""
    x = np.repeat(np.asarray(steps, dtype=float) - 0.5, 2)
    y = np.tile([lo, hi], len(steps)).astype(float)
    return x, y


def saturation_share(gate: np.ndarray, signed: bool = False) -> float | None:
    """Share of finite gate values that are saturated, or None when there are none.

    Sigmoid gates (0 … 1) count values < 0.05 or > 0.95; ``signed`` tanh gates (−1 … 1,
    the candidates z of the LSTM and n of the GRU) count |value| > 0.95.
    """
    v = np.asarray(gate, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return None
    if signed:
        return float(np.mean(np.abs(v) > SATURATION_HIGH))
    return float(np.mean((v < SATURATION_LOW) | (v > SATURATION_HIGH)))


def format_number(value: float) -> str:
    """A short, readable number in the axis style: 0.5, 12.3, −0.439, 4.2·10⁻⁷, "inf",
    "NaN" (a real minus sign, never "e-07")."""
    if value is None:
        return "—"
    v = float(value)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "inf" if v > 0 else MINUS + "inf"
    if v == 0:
        return "0"
    if 1e-3 <= abs(v) < 1e4:
        text = f"{v:.0f}" if abs(v) >= 999.5 else f"{v:.3g}"  # never "1.23e+03"
        return text.replace("-", MINUS)
    return format_power(v)


def format_power(value: float) -> str:
    """m·10ⁿ with a one-decimal mantissa, like the log axis labels: "4.4·10⁻³²"."""
    mantissa, exponent = f"{float(value):.1e}".split("e")
    return f"{mantissa.replace('-', MINUS)}·10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def format_factor(decades: float) -> str:
    """The factor 10^decades as text: "12.6", "0.151", "4.4·10⁻³²" (also beyond float)."""
    if abs(decades) < 300:
        return format_number(10.0**decades)
    whole = math.floor(decades)
    mantissa = min(10.0 ** (decades - whole), 9.9)
    return f"{mantissa:.1f}·10" + str(whole).translate(_SUPERSCRIPT)


def decades_change(values: np.ndarray) -> float | None:
    """log10(‖v_0‖ / ‖v_{T−1}‖): how many orders of magnitude a backward-flowing norm
    changed from the last step to the first (negative: it fell). None when either end is
    0 or not finite."""
    v = np.asarray(values, dtype=float)
    if v.size < 2:
        return None
    first, last = v[0], v[-1]
    if not (np.isfinite(first) and np.isfinite(last) and first > 0 and last > 0):
        return None
    return float(math.log10(first) - math.log10(last))


def _next_125(v: float) -> float:
    """The smallest number of the 1-2-5 series (1, 2, 5, 10, 20, …) that is ≥ v ≥ 1."""
    base = 10 ** math.floor(math.log10(v))
    return next(step * base for step in (1, 2, 5, 10) if v <= step * base)


def integer_tick_spacing(n: int, ticks: int = 6) -> int:
    """A 1-2-5 step giving about ``ticks`` whole-number ticks over 0 … n − 1."""
    raw = max(n - 1, 1) / ticks
    return 1 if raw <= 1 else int(_next_125(raw))


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def decade_ticks(lo: float, hi: float, count: int = 6) -> list[tuple[float, str]]:
    """Major ticks of a log10 axis from lo to hi (log10 units): whole decades labelled
    "10⁻⁷", "1", "10³", about ``count`` of them. The top decade always gets a tick (the
    levels that stay high — LSTM, GRU — are read off there)."""
    first, last = math.ceil(lo), math.floor(hi)
    step = integer_tick_spacing(last - first + 1, ticks=max(count, 1))
    top = step * math.floor(last / step)
    ticks = list(range(top, first - 1, -step))
    if top != last and (not ticks or last - top >= max(1, step // 2)):
        ticks.insert(0, last)
    return [(float(k), _decade_label(k)) for k in reversed(ticks)]


def step_ticks(T: int, pixels: float, spacing: float) -> list[tuple[float, str]]:
    """Ticks of a step axis: 0, Δ, 2Δ, … and the last step T − 1, as many as ``pixels``
    hold at ``spacing`` (so a reader sees the axis spans every step, never a lone "50")."""
    count = tick_count(pixels, spacing=spacing, maximum=6)
    dx = integer_tick_spacing(T, ticks=max(count - 1, 1))
    steps = list(range(0, max(T, 1), dx))
    if T - 1 - steps[-1] >= 0.6 * dx:
        steps.append(T - 1)
    elif steps[-1] != T - 1 and len(steps) > 1:
        steps[-1] = T - 1
    return [(float(t), str(t)) for t in steps]


def tick_count(pixels: float, spacing: float = 45.0, minimum: int = 2, maximum: int = 8) -> int:
    """How many labelled ticks fit along ``pixels`` with at least ``spacing`` between."""
    return int(min(max(pixels // spacing, minimum), maximum))


def mantissa_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """2·10ᵏ and 5·10ᵏ between lo and hi (log10 units), labelled "2·10⁻³", "5·10⁻³" ("2",
    "5", "20", "50" near 1): the in-between ticks of a log axis that shows only one or two
    decades, where whole decades alone leave a single label to read values by."""
    ticks = []
    for k in range(math.floor(lo), math.ceil(hi) + 1):
        for m in (2, 5):
            v = k + math.log10(m)
            if lo <= v <= hi:
                label = str(m * 10**k) if k in (0, 1) else f"{m}·{_decade_label(k)}"
                ticks.append((v, label))
    return ticks


def narrow_log_ticks(lo: float, hi: float, inset: float = 0.15) -> list[tuple[float, str]]:
    """Ticks of a log10 axis spanning less than a decade: the 1-2-5 values inside it, kept
    ``inset`` of the span away from both ends (a label at the very end of a gridded
    pyqtgraph axis is dropped); when fewer than two fit, two values at the insets
    themselves, at two significant digits."""
    a, b = lo + inset * (hi - lo), hi - inset * (hi - lo)
    ticks = [
        (v, label)
        for v, label in decade_ticks(lo, hi, count=2) + mantissa_ticks(lo, hi)
        if a <= v <= b
    ]
    if len(ticks) < 2:
        ticks = [(v, f"{10**v:.2g}") for v in (a, b)]
    return sorted(ticks)


def log_axis_ticks(lo: float, hi: float, height: float, points: float) -> list[tuple[float, str]]:
    """The ticks of a log10 axis from lo to hi on a plot ``height`` px tall, labels of
    ``points`` pt: whole decades, as many as fit, none within half a label of either end
    (pyqtgraph drops a gridded axis's label that reaches past it: a short race plot over
    10⁻⁵ … 1 showed no label) and none closer than a label (the top one is kept: the level
    read off there); 2·10ᵏ and 5·10ᵏ beside a lone decade when there is room; under a
    decade, :func:`narrow_log_ticks`."""
    if hi - lo < 1:
        return narrow_log_ticks(lo, hi)
    height = max(1.0, height)
    count = tick_count(height, spacing=3.0 * points)
    pad = (hi - lo) * 0.75 * points / height
    ticks = decade_ticks(lo + pad, hi - pad, count=count) if hi - lo > 2 * pad else []
    ticks = _apart(ticks, gap=2 * pad)
    if len(ticks) < 2 and count >= 3:
        ticks = sorted(ticks + mantissa_ticks(lo, hi))
    return ticks


def _apart(ticks: list[tuple[float, str]], gap: float) -> list[tuple[float, str]]:
    """``ticks`` at least ``gap`` apart, taken from the top down."""
    kept: list[tuple[float, str]] = []
    for tick in sorted(ticks, reverse=True):
        if not kept or kept[-1][0] - tick[0] >= gap:
            kept.append(tick)
    return sorted(kept)


def _decade_label(k: int) -> str:
    if k == 0:
        return "1"
    if k == 1:
        return "10"
    return "10" + str(k).translate(_SUPERSCRIPT)


def nice_bound(value: float) -> float:
    """The next 1-2-5 number ≥ |value| (≥ 1): a y limit that changes only in big steps,
    so the axis is not redrawn on every frame of a slider drag."""
    v = abs(float(value)) if np.isfinite(value) else 1.0
    return 1.0 if v <= 1.0 else float(_next_125(v))
