"""The backward pass of one sequence taken apart, so a class can check it by hand.

BPTT (:mod:`.backward`) gives the totals: ∂L/∂h_t and ∂L/∂θ. The views that explain them
need the pieces as well:

- ∂L/∂y_t, and ∂L/∂h_t split into what comes from the output layer (∂L/∂y_t · W_y) and
  what comes back from step t + 1 — for the simple RNN
  ``∂L/∂h_t = ∂L/∂y_t·W_yᵀ + (∂L/∂h_{t+1} ⊙ φ′(a_{t+1}))·W_hᵀ`` (the row-vector form);
- how much each step contributes to each parameter's gradient (∂L/∂W_h = Σ_t of one
  outer product per step), which is why the global gradient need not be tiny while the
  distant steps contribute nothing;
- for a cell with a memory path (the LSTMs along c, the GRU along h), the part of the
  gradient that travels that path alone: the last step's gradient times the product of
  the memory gates from there back to t (f for the LSTM, 1 for the 1997 cell, z for the
  GRU) — beside the total, it shows how much of ∂L/∂c_t the other paths feed in.

NumPy only. Computed once per trace, on request (the explaining views are optional).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .backward import _dh_from_outputs, _h_prev, pre_activation_grads
from .forward import _freeze, run_forward
from .model import Model
from .numerics import activation_slope, safe_norm
from .run_options import RunOptions


@dataclass(frozen=True)
class Breakdown:
    """The pieces of one sequence's backward pass (all arrays read-only).

    Attributes
    ----------
    dy : (T, O), ∂L/∂y_t (0 at steps without a loss).
    dh_from_y : (T, H), ∂L/∂y_t · W_y — the output layer's share of ∂L/∂h_t.
    dh_from_next : (T, H), ∂L/∂h_t − ∂L/∂y_t·W_y — what arrives from step t + 1 (0 at
        the last step and across a truncation cut).
    slope : (T, H), φ′(a_t) of the simple RNN (1 − h_t² for tanh), else None.
    delta : (T, H), ∂L/∂a_t = ∂L/∂h_t ⊙ φ′(a_t) for the simple RNN, else None.
    step_norms : mapping "W_h" / "W_x" / "b" → (T,), the norm of step t's share of
        ∂L/∂W_h (h_{t−1}ᵀ · d_t), ∂L/∂W_x (x_tᵀ · d_t) and ∂L/∂b (d_t), where d_t is the
        gradient of the step's pre-activations (every gate block).
    memory_path : (T,), ‖the last step's ∂L/∂s ⊙ Π memory gates from t + 1 on‖ for the
        memory state s (c or h) of a gated cell, else None.
    memory_total : (T,), ‖∂L/∂s_t‖ of the same state (the total, every path), else None.
    """

    dy: np.ndarray
    dh_from_y: np.ndarray
    dh_from_next: np.ndarray
    slope: np.ndarray | None
    delta: np.ndarray | None
    step_norms: dict
    memory_path: np.ndarray | None
    memory_total: np.ndarray | None


def breakdown(model: Model, x, targets=None, options: RunOptions | None = None) -> Breakdown:
    """Run one sequence forward and back and keep the pieces.

    Parameters
    ----------
    model : Model
    x : (T, I) inputs; targets : as for :func:`~visualrnn.engine.gradients.run`.
    options : the loss, its steps and the truncation (clipping does not change the
        pieces, only the final scale of ∂L/∂θ).
    """
    options = options or RunOptions()
    _, cache, dy = run_forward(model, x, targets, loss=options.loss, loss_at=options.loss_at)
    with np.errstate(all="ignore"):
        dh_y = _dh_from_outputs(model, dy)
        states, d_gi, d_gh = pre_activation_grads(model, cache, dh_y, options.truncate)
    dh = states["dh"][:, 0]
    simple = model.spec.has_activation_choice
    delta = d_gh[:, 0] if simple else None
    slope = activation_slope(model.activation, cache["a"], cache["h"])[:, 0] if simple else None
    path, total = _memory_path(model, cache, states)
    with np.errstate(all="ignore"):  # an exploding demo's inf / NaN are results, shown as such
        from_next, norms = dh - dh_y[:, 0], _step_norms(cache, d_gi, d_gh)
    return Breakdown(
        dy=_freeze(dy[:, 0]),
        dh_from_y=_freeze(dh_y[:, 0]),
        dh_from_next=_freeze(from_next),
        slope=_freeze(slope),
        delta=_freeze(delta),
        step_norms={k: _freeze(v) for k, v in norms.items()},
        memory_path=_freeze(path),
        memory_total=_freeze(total),
    )


def _step_norms(cache: dict, d_gi: np.ndarray, d_gh: np.ndarray) -> dict:
    """‖step t's outer product‖_F = ‖d_t‖·‖input_t‖ (the norm of an outer product)."""
    gi, gh = d_gi[:, 0], d_gh[:, 0]
    return {
        "W_h": safe_norm(gh, axis=1) * safe_norm(_h_prev(cache)[:, 0], axis=1),
        "W_x": safe_norm(gi, axis=1) * safe_norm(cache["x"][:, 0], axis=1),
        "b": safe_norm(gi, axis=1),
    }


def _memory_path(model: Model, cache: dict, states: dict):
    """(path, total) along the memory state, or (None, None) for a cell without one.

    path_t = ‖ds_{T−1} ⊙ Π_{k=t+1}^{T−1} g_k‖ with g the memory gate (1 when the cell has
    none on its path, as in the 1997 LSTM); total_t = ‖ds_t‖.
    """
    spec = model.spec
    if spec.memory_state is None and spec.memory_gate is None:
        return None, None
    state = "dc" if spec.memory_state == "c" else "dh"
    ds = states[state][:, 0]
    T = ds.shape[0]
    gate = cache[spec.memory_gate][:, 0] if spec.memory_gate else np.ones_like(ds)
    # Π_{k=t+1}^{T−1} g_k for every t: a reversed cumulative product, shifted by one step
    after = np.ones_like(ds)
    if T > 1:
        after[:-1] = np.cumprod(gate[:0:-1], axis=0)[::-1]
    with np.errstate(all="ignore"):
        path = safe_norm(ds[-1] * after, axis=1)
    return path, safe_norm(ds, axis=1)
