"""The batch loss with a mask, and its gradients by BPTT.

    L = (1/B) Σ_b Σ_t mask[b, t] · ℓ_t(b)

with ℓ_t as in traces (``mse``: ½‖y_t − target_t‖², ``ce``: −log softmax(y_t)[target_t]).
For B = 1 and a mask that is all (or only the last) steps this is the trace's loss.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..backward import backward_batch
from ..forward import forward_batch
from ..losses import loss_and_grad
from ..model import Model
from .tasks import Batch


@dataclass(frozen=True)
class Evaluation:
    """One forward + backward pass over a batch.

    Attributes
    ----------
    loss : float, L.
    grads : dict PyTorch name → ∂L/∂θ (unclipped).
    states : dict, ``dh`` (T, B, H) = ∂L/∂h_t, and ``dc`` for cells with a cell state.
    cache : dict, the forward pass (time-major (T, B, ·) arrays, see ``forward_batch``).
    """

    loss: float
    grads: dict
    states: dict
    cache: dict

    @property
    def y(self) -> np.ndarray:
        """The outputs batch-major, (B, T, O)."""
        return self.cache["y"].transpose(1, 0, 2)


def time_major_targets(loss_kind: str, targets: np.ndarray) -> np.ndarray:
    """(B, T, O) → (T, B, O) for mse; (B, T) → (T, B) for ce."""
    return np.swapaxes(targets, 0, 1)


def masked_loss(model_y: np.ndarray, loss_kind: str, batch: Batch):
    """L and ∂L/∂y for time-major outputs y (T, B, O).

    Returns
    -------
    loss : float
    dy : (T, B, O)
    """
    T, B = model_y.shape[:2]
    tg = time_major_targets(loss_kind, batch.targets)
    loss_t, dy = loss_and_grad(loss_kind, model_y, tg, np.ones(T, dtype=bool))
    mask = batch.mask.T
    with np.errstate(all="ignore"):
        loss = float(np.sum(np.where(mask, loss_t, 0.0)) / B)
    return loss, np.where(mask[:, :, None], dy, 0.0)


def evaluate(model: Model, batch: Batch, loss_kind: str, truncate=None, *, workspace=None):
    """Forward, masked batch loss and BPTT: an :class:`Evaluation`.

    With a :class:`~..workspace.Workspace` the arrays of the previous evaluation that used
    it are reused (and so overwritten): keep nothing of that one.
    """
    cache = forward_batch(model, batch.x, workspace=workspace)
    loss, dy = masked_loss(cache["y"], loss_kind, batch)
    grads, states = backward_batch(model, cache, dy, truncate, workspace=workspace)
    return Evaluation(loss, grads, states, cache)


def outputs(model: Model, x: np.ndarray, max_floats: int = 2_000_000) -> np.ndarray:
    """y for inputs x (N, T, I), batch-major (N, T, O).

    Computed a few rows at a time, so that each (T, rows, H) state array of the forward pass
    holds at most ``max_floats`` numbers (16 MB) whatever N and T are.
    """
    N, T = x.shape[:2]
    chunk = max(1, max_floats // max(1, T * model.hidden_size))
    parts = [
        forward_batch(model, x[s : s + chunk])["y"].transpose(1, 0, 2) for s in range(0, N, chunk)
    ]
    return np.concatenate(parts, axis=0)
