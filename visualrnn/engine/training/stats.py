"""Per-cell facts the trainer reports: the memory gate and ρ(W_hh).

The memory gate is the gate on the memory path: the LSTM's forget gate f (c_t = f ⊙ c_{t−1}
+ …) and the GRU's update gate z (h_t = … + z ⊙ h_{t−1}); cells without one report None.
The facts come from :mod:`visualrnn.engine.cellspec` when it exists, else from a table.
"""

from __future__ import annotations

import numpy as np

from ..init import recurrent_stats
from ..model import Model

try:  # the per-cell description module, once the engine has it
    from ..cellspec import cell_spec as _cell_spec
except ImportError:  # pragma: no cover - older engines
    _cell_spec = None

_MEMORY_GATE = {"lstm": "f", "gru": "z"}


def memory_gate_name(cell: str) -> str | None:
    """The memory gate's key ("f" LSTM, "z" GRU), or None for cells without one."""
    if _cell_spec is not None:
        return _cell_spec(cell).memory_gate
    return _MEMORY_GATE.get(cell)


def memory_gate(cell: str, cache: dict) -> tuple[str | None, float | None]:
    """(gate key, its mean value over steps, batch and units) from a forward cache."""
    gate = memory_gate_name(cell)
    if gate is None or gate not in cache:
        return None, None
    return gate, float(np.mean(cache[gate]))


def recurrent_radius(model: Model) -> float:
    """ρ(W_hh): the largest |eigenvalue| over the recurrent gate blocks (W_h for the RNN)."""
    with np.errstate(all="ignore"):
        return recurrent_stats(model)["spectral_radius"]
