"""Per-cell facts the trainer reports: the memory gate and ρ(W_hh).

The memory gate is the gate on the memory path (:attr:`CellSpec.memory_gate`): the LSTM's
forget gate f (c_t = f ⊙ c_{t−1} + …) and the GRU's update gate z (h_t = … + z ⊙ h_{t−1});
cells without one (the simple RNN, the 1997 LSTM without forget gate) report None.
"""

from __future__ import annotations

import numpy as np

from ..cellspec import cell_spec
from ..init import recurrent_stats
from ..model import Model


def memory_gate(cell: str, cache: dict) -> tuple[str | None, float | None]:
    """(gate key, its mean value over steps, batch and units) from a forward cache."""
    gate = cell_spec(cell).memory_gate
    if gate is None or gate not in cache:
        return None, None
    return gate, float(np.mean(cache[gate]))


def recurrent_radius(model: Model) -> float:
    """ρ(W_hh): the largest |eigenvalue| over the recurrent gate blocks (W_h for the RNN)."""
    with np.errstate(all="ignore"):
        return recurrent_stats(model)["spectral_radius"]
