"""Gradient diagnostics of one sequence: dh_t norms, clipping, per-parameter norms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .backward import backward_batch, jacobian_norms
from .forward import Trace, _freeze, run_forward
from .model import Model
from .numerics import global_norm, safe_norm


@dataclass(frozen=True)
class Gradients:
    """What BPTT found for one sequence. All arrays read-only.

    Attributes
    ----------
    dh : (T, H), ∂L/∂h_t, the total derivative.
    dh_norm : (T,), ‖dh_t‖₂ — the curve that shows vanishing / exploding gradients.
    dc, dc_norm : (T, H) and (T,), ∂L/∂c_t for the LSTMs, else None.
    params : mapping PyTorch name → gradient *after* clipping.
    param_norms : mapping name → ‖∂L/∂θ‖ before clipping.
    grad_norm : global norm of all parameter gradients before clipping.
    grad_norm_clipped : the same after clipping (equal to grad_norm if not clipped).
    clip : the threshold C, or None.
    truncate : the truncation length k, or None.
    jacobian_norms : (T,), ‖∂h_{T−1}/∂h_t‖₂ (RNN, when asked for), else None.
    """

    dh: np.ndarray
    dh_norm: np.ndarray
    dc: np.ndarray | None
    dc_norm: np.ndarray | None
    params: Mapping[str, np.ndarray]
    param_norms: Mapping[str, float]
    grad_norm: float
    grad_norm_clipped: float
    clip: float | None
    truncate: int | None
    jacobian_norms: np.ndarray | None = None

    @property
    def clipped(self) -> bool:
        """Whether clipping scaled the gradients down."""
        return self.grad_norm_clipped < self.grad_norm

    @property
    def finite(self) -> bool:
        """False when a gradient overflowed to inf or NaN (an exploding demo)."""
        return bool(np.isfinite(self.grad_norm) and np.all(np.isfinite(self.dh_norm)))


def clip_by_global_norm(grads: dict, clip: float | None, *, norms=None, in_place=False):
    """Scale all gradients by C/‖g‖ when their global norm ‖g‖ exceeds C (Pascanu 2013).

    Parameters
    ----------
    grads : dict name → array.
    clip : C, or None (no clipping).
    norms : the arrays' own norms, in the order of ``grads``, when already known.
    in_place : scale the arrays of ``grads`` themselves (and return them) instead of copies.

    Returns
    -------
    clipped : dict, new arrays (or ``grads``' own, with ``in_place``).
    before, after : float, the global norms before and after. A non-finite norm cannot be
        clipped meaningfully: the gradients are returned unchanged and the norm reported.
    """
    if clip is not None and not (np.isfinite(clip) and clip > 0):
        raise ValueError(f"clipping threshold must be a positive number, not {clip}")
    before = global_norm(grads.values()) if norms is None else safe_norm(np.array(list(norms)))
    if clip is None or not np.isfinite(before) or before <= clip:
        return (grads if in_place else {k: v.copy() for k, v in grads.items()}), before, before
    factor = clip / before
    if in_place:
        for v in grads.values():
            v *= factor
        clipped = grads
    else:
        clipped = {k: v * factor for k, v in grads.items()}
    return clipped, before, global_norm(clipped.values())


def gradients_from_cache(model, cache, dy, *, truncate=None, clip=None, jacobians=False):
    """Run BPTT on a B = 1 cache and collect the diagnostics as :class:`Gradients`."""
    grads, states = backward_batch(model, cache, dy, truncate)
    clipped, before, after = clip_by_global_norm(grads, clip)
    dh = states["dh"][:, 0]
    dc = states["dc"][:, 0] if "dc" in states else None
    return Gradients(
        dh=_freeze(dh),
        dh_norm=_freeze(safe_norm(dh, axis=1)),
        dc=_freeze(dc),
        dc_norm=None if dc is None else _freeze(safe_norm(dc, axis=1)),
        params={k: _freeze(v) for k, v in clipped.items()},
        param_norms={k: safe_norm(v) for k, v in grads.items()},
        grad_norm=before,
        grad_norm_clipped=after,
        clip=clip,
        truncate=None if truncate is None else int(truncate),
        jacobian_norms=_freeze(jacobian_norms(model, cache)) if jacobians else None,
    )


@dataclass(frozen=True)
class Result:
    """A forward trace and its gradients, computed together once per edit."""

    model: Model
    trace: Trace
    grads: Gradients


def run(
    model: Model,
    x,
    targets=None,
    *,
    loss="mse",
    loss_at="all",
    truncate=None,
    clip=None,
    h0=None,
    c0=None,
    jacobians=False,
) -> Result:
    """Forward pass, losses and BPTT over one sequence.

    Parameters
    ----------
    model : Model
    x : (T, I) input sequence.
    targets : (T, O) floats for ``mse`` or (T,) class numbers for ``ce``; default 0.
    loss : {"mse", "ce"}
    loss_at : {"all", "last"}, the steps that carry a loss.
    truncate : int, optional, truncated BPTT length k.
    clip : float, optional, global-norm clipping threshold C.
    h0, c0 : (H,), optional initial states.
    jacobians : bool, also compute ‖∂h_{T−1}/∂h_t‖₂ (RNN only).
    """
    trace, cache, dy = run_forward(model, x, targets, loss=loss, loss_at=loss_at, h0=h0, c0=c0)
    grads = gradients_from_cache(
        model, cache, dy, truncate=truncate, clip=clip, jacobians=jacobians and model.cell == "rnn"
    )
    return Result(model, trace, grads)
