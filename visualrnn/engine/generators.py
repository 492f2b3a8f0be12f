"""Seeded generators of input sequences: sine, square, impulse, step and noise.

Each returns x: (T, 1) float64 for T = 1 … MAX_STEPS and checks its arguments (a clear
``ValueError`` naming the argument); ``GENERATORS`` maps the names the window shows to them.
"""

from __future__ import annotations

import math

import numpy as np

from .limits import MAX_STEPS
from .sequences import _is_int, _is_real


def sine(T: int, period: float = 20.0, amplitude: float = 1.0, phase: float = 0.0) -> np.ndarray:
    """x_t = amplitude · sin(2π t / period + phase), t = 0 … T−1.

    Returns
    -------
    x : ndarray, shape (T, 1), float64
    """
    t = _time(T)
    _check_positive("period", period)
    _check_finite("amplitude", amplitude)
    _check_finite("phase", phase)
    return amplitude * np.sin(2.0 * np.pi * t / period + phase)


def square(T: int, period: float = 20.0, amplitude: float = 1.0) -> np.ndarray:
    """x_t = +amplitude in the first half of each period, −amplitude in the second.

    Returns
    -------
    x : ndarray, shape (T, 1), float64
    """
    t = _time(T)
    _check_positive("period", period)
    _check_finite("amplitude", amplitude)
    return np.where(t % period < period / 2.0, amplitude, -amplitude).astype(np.float64)


def impulse(T: int, at: int = 0, amplitude: float = 1.0) -> np.ndarray:
    """x_t = amplitude at t = ``at``, 0 elsewhere.

    Returns
    -------
    x : ndarray, shape (T, 1), float64
    """
    return _from(T, at, amplitude, lambda t: t == at)


def step_signal(T: int, at: int = 0, amplitude: float = 1.0) -> np.ndarray:
    """x_t = amplitude for t ≥ ``at``, 0 before.

    Returns
    -------
    x : ndarray, shape (T, 1), float64
    """
    return _from(T, at, amplitude, lambda t: t >= at)


def _from(T: int, at: int, amplitude: float, on) -> np.ndarray:
    """``amplitude`` where ``on(t)`` holds, 0 elsewhere, after checking the arguments."""
    t = _time(T)
    _check_at(at, T)
    _check_finite("amplitude", amplitude)
    return np.where(on(t), amplitude, 0.0).astype(np.float64)


def noise(T: int, low: float = -1.0, high: float = 1.0, seed: int = 0) -> np.ndarray:
    """x_t ~ Uniform[low, high), drawn with ``np.random.default_rng(seed)``.

    The same seed gives the same sequence.

    Returns
    -------
    x : ndarray, shape (T, 1), float64
    """
    T = _check_T(T)
    _check_finite("low", low)
    _check_finite("high", high)
    if not low < high:
        raise ValueError(f"low must be less than high, got low = {low!r}, high = {high!r}")
    if not _is_int(seed) or seed < 0:
        raise ValueError(f"seed must be a whole number ≥ 0, got {seed!r}")
    return np.random.default_rng(seed).uniform(low, high, size=(T, 1))


#: The generators by the name the UI shows.
GENERATORS = {
    "sine": sine,
    "square": square,
    "impulse": impulse,
    "step": step_signal,
    "noise": noise,
}


def _check_T(T: int) -> int:
    if not _is_int(T) or not 1 <= T <= MAX_STEPS:
        raise ValueError(f"T must be a whole number from 1 to {MAX_STEPS}, got {T!r}")
    return int(T)


def _time(T: int) -> np.ndarray:
    """t = 0 … T−1 as a column, shape (T, 1), float64."""
    return np.arange(_check_T(T), dtype=np.float64)[:, None]


def _is_finite(value) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False


def _check_finite(name: str, value) -> None:
    if not _is_real(value) or not _is_finite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")


def _check_positive(name: str, value) -> None:
    _check_finite(name, value)
    if value <= 0:
        raise ValueError(f"{name} must be greater than 0, got {value!r}")


def _check_at(at: int, T: int) -> None:
    if not _is_int(at) or not 0 <= at < T:
        raise ValueError(f"at must be a whole number from 0 to T − 1 = {T - 1}, got {at!r}")
