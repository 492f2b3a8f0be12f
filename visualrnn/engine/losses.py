"""Per-step losses ℓ_t and their gradients with respect to the outputs y_t.

The textbook: the total loss is the sum of the losses at all (or some) time steps.
``mse``: ℓ_t = ½‖y_t − target_t‖²; ``ce``: ℓ_t = −log softmax(y_t)[target_t].
Over a batch the loss is averaged, so B = 1 gives the plain sum over steps.
"""

from __future__ import annotations

import numpy as np

LOSSES = ("mse", "ce")
LOSS_AT = ("all", "last")


def loss_mask(T: int, loss_at: str) -> np.ndarray:
    """(T,) booleans: which steps carry a loss."""
    if loss_at not in LOSS_AT:
        raise ValueError(f"loss_at must be one of {', '.join(LOSS_AT)}, not {loss_at!r}")
    mask = np.zeros(T, dtype=bool)
    if loss_at == "all":
        mask[:] = True
    elif T:
        mask[-1] = True
    return mask


def default_targets(kind: str, T: int, B: int, O: int) -> np.ndarray:
    """Targets 0 when none are given: zeros (T, B, O) for mse, class 0 (T, B) for ce."""
    if kind == "ce":
        return np.zeros((T, B), dtype=np.int64)
    return np.zeros((T, B, O))


def check_targets(kind: str, targets: np.ndarray, T: int, B: int, O: int) -> np.ndarray:
    """Validate and convert time-major targets: (T, B, O) floats (mse), (T, B) classes (ce)."""
    targets = np.asarray(targets)
    if kind == "ce":
        if targets.shape != (T, B):
            n = targets.shape[0] if targets.ndim else 0
            raise ValueError(f"cross-entropy needs one target class per step: {T} steps, got {n}")
        if not np.all(np.isfinite(targets)) or np.any(targets != np.round(targets)):
            raise ValueError("ce targets must be whole class numbers")
        targets = targets.astype(np.int64)
        if targets.size and (targets.min() < 0 or targets.max() >= O):
            raise ValueError(f"ce target classes must lie in 0 … {O - 1}")
        return targets
    if targets.shape != (T, B, O):
        n, w = (targets.shape[0], targets.shape[-1]) if targets.ndim == 3 else (0, 0)
        raise ValueError(f"targets need {T} steps of {O} value(s) each; got {n} steps of {w}")
    targets = targets.astype(np.float64)
    if not np.all(np.isfinite(targets)):
        raise ValueError("targets contain NaN or inf")
    return targets


def loss_and_grad(kind: str, y: np.ndarray, targets: np.ndarray, mask: np.ndarray):
    """ℓ_t per step and ∂L/∂y_t.

    Parameters
    ----------
    kind : {"mse", "ce"}
    y : (T, B, O) outputs, time-major.
    targets : (T, B, O) for mse, (T, B) int for ce (already checked).
    mask : (T,) bool, the steps that count towards L.

    Returns
    -------
    loss_t : (T, B) per-step losses (0 where the mask is off).
    dy : (T, B, O) gradient of L = mean_b Σ_t ℓ_t.
    """
    B = y.shape[1]
    with np.errstate(all="ignore"):
        if kind == "mse":
            diff = y - targets
            loss_t = 0.5 * np.sum(diff * diff, axis=-1)
            dy = diff
        elif kind == "ce":
            m = np.max(y, axis=-1, keepdims=True)
            logz = m[..., 0] + np.log(np.sum(np.exp(y - m), axis=-1))
            picked = np.take_along_axis(y, targets[..., None], axis=-1)[..., 0]
            loss_t = logz - picked
            dy = np.exp(y - logz[..., None])
            picked_p = np.take_along_axis(dy, targets[..., None], axis=-1)
            np.put_along_axis(dy, targets[..., None], picked_p - 1.0, axis=-1)
        else:
            raise ValueError(f"loss must be one of {', '.join(LOSSES)}, not {kind!r}")
    loss_t = np.where(mask[:, None], loss_t, 0.0)
    dy = np.where(mask[:, None, None], dy, 0.0) / B
    return loss_t, dy
