"""Numerically careful element-wise functions and norms (float64 throughout).

The activations follow the textbook: ``tanh`` for the simple RNN (Fig. 8.4) and the
LSTM candidate ``z``, the logistic sigmoid ``σ`` for the gates ``i``, ``f``, ``o``.
"""

from __future__ import annotations

import numpy as np

ACTIVATIONS = ("tanh", "relu", "identity")

#: Upper bound γ of |φ'| for each activation (Pascanu et al. 2013); sigmoid has γ = 1/4.
GAMMA = {"tanh": 1.0, "relu": 1.0, "identity": 1.0, "sigmoid": 0.25}


def sigmoid(x: np.ndarray) -> np.ndarray:
    """σ(x) = ½(1 + tanh(x/2)): never overflows, unlike 1 / (1 + exp(−x))."""
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def softmax(y: np.ndarray, axis: int = -1) -> np.ndarray:
    """exp(y) / Σ exp(y) along ``axis``, shifted by the maximum so nothing overflows."""
    y = np.asarray(y, dtype=float)
    z = np.exp(y - np.max(y, axis=axis, keepdims=True))
    return z / np.sum(z, axis=axis, keepdims=True)


def activate(name: str, a: np.ndarray) -> np.ndarray:
    """Apply the RNN activation φ named ``name`` to the pre-activation ``a``."""
    if name == "tanh":
        return np.tanh(a)
    if name == "relu":
        return np.maximum(a, 0.0)
    if name == "identity":
        return a.copy()
    raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")


def activation_slope(name: str, a: np.ndarray, h: np.ndarray) -> np.ndarray:
    """φ'(a), written with the output h = φ(a) where that is cheaper (tanh: 1 − h²)."""
    if name == "tanh":
        return 1.0 - h * h
    if name == "relu":
        return (a > 0.0).astype(np.float64)
    if name == "identity":
        return np.ones_like(a)
    raise ValueError(f"unknown activation {name!r}")


def safe_norm(v: np.ndarray, axis=None) -> np.ndarray | float:
    """Euclidean norm ‖v‖₂ that neither overflows for huge nor underflows for tiny entries.

    Computed as m·‖v/m‖ with m = max|v|. A vector holding inf gives inf, one holding NaN
    gives NaN: genuine overflow is reported, not hidden.

    Parameters
    ----------
    v : ndarray
        Any shape.
    axis : int or tuple, optional
        Axes to reduce; ``None`` reduces everything and returns a float.
    """
    v = np.asarray(v, dtype=np.float64)
    if v.size == 0:
        return 0.0 if axis is None else np.zeros(np.delete(v.shape, axis))
    if axis is None:
        return _safe_norm_all(v.ravel())
    with np.errstate(all="ignore"):
        m = np.max(np.abs(v), axis=axis, keepdims=True)
        scale = np.where((m > 0) & np.isfinite(m), m, 1.0)
        n = np.sqrt(np.sum((v / scale) ** 2, axis=axis, keepdims=True)) * scale
        n = np.where(np.isinf(m), np.inf, n)
        n = np.where(np.isnan(m) | np.any(np.isnan(v), axis=axis, keepdims=True), np.nan, n)
    return np.squeeze(n, axis=axis)


def _safe_norm_all(v: np.ndarray) -> float:
    """safe_norm of a flat vector; plain dot product when no scaling is needed."""
    m = float(np.max(np.abs(v)))
    if 1e-150 < m < 1e150:
        return float(np.sqrt(np.dot(v, v)))
    if m == 0.0 or m != m or m == np.inf:
        return float(np.nan if np.isnan(v).any() else m)
    u = v / m
    return float(m * np.sqrt(np.dot(u, u)))


def global_norm(arrays) -> float:
    """The norm of all ``arrays`` taken together as one vector (for gradient clipping)."""
    parts = np.array([safe_norm(a) for a in arrays], dtype=np.float64)
    return safe_norm(parts)
