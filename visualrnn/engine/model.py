"""The model: a recurrent cell plus the textbook's linear output layer.

Parameters are stored under PyTorch's names and in PyTorch's layout, so that weight files
map one to one (``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` layer 0 and an ``nn.Linear`` head):

=================  ===========  ====================================================
name               shape        meaning
=================  ===========  ====================================================
``weight_ih_l0``   (G·H, I)     input weights, gate blocks stacked (W_x = blockᵀ)
``weight_hh_l0``   (G·H, H)     recurrent weights (textbook W_h = blockᵀ)
``bias_ih_l0``     (G·H,)       input-side bias
``bias_hh_l0``     (G·H,)       hidden-side bias
``head.weight``    (O, H)       output layer W_yᵀ (optional)
``head.bias``      (O,)         output bias b_y (optional)
=================  ===========  ====================================================

G = 1 for the RNN, 4 for the LSTM (blocks i, f, z, o — PyTorch's i, f, g, o), 3 for the GRU
(blocks r, z, n) and 3 for the 1997 LSTM without a forget gate (blocks i, z, o); see
:mod:`.cellspec`. The textbook writes row vectors, ``a = h·W_h + x·W_x + b``;
with PyTorch's layout that is ``a = h @ weight_hhᵀ + x @ weight_ihᵀ + b_ih + b_hh``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .cellspec import CELL_SPECS, CellSpec, cell_spec
from .numerics import ACTIVATIONS

#: The cell types, in the chooser's order (views of :data:`.cellspec.CELL_SPECS`).
CELLS = tuple(CELL_SPECS)

#: The gate blocks of ``weight_ih_l0`` / ``weight_hh_l0`` in row order, per cell.
GATE_BLOCKS = {k: s.blocks for k, s in CELL_SPECS.items()}

#: The gates and candidates a trace records per step (``Trace.gates``), per cell.
GATE_NAMES = {k: tuple(q.key for q in s.gates()) for k, s in CELL_SPECS.items()}

RECURRENT_KEYS = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")
HEAD_KEYS = ("head.weight", "head.bias")


def _readonly(a) -> np.ndarray:
    a = np.array(a, dtype=np.float64)
    a.flags.writeable = False
    return a


@dataclass(frozen=True)
class Model:
    """A recurrent cell with an optional linear head ``y_t = h_t·W_y + b_y``.

    Parameters
    ----------
    cell : {"rnn", "lstm", "gru", "lstm_nofg"}
    params : mapping of str to ndarray
        PyTorch-named parameters (see the module docstring); copied, float64, read-only.
    activation : {"tanh", "relu", "identity"}
        φ of the simple RNN; the gated cells always use σ and tanh.
    """

    cell: str
    params: Mapping[str, np.ndarray]
    activation: str = "tanh"
    _validated: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self):
        cell_spec(self.cell)  # ValueError naming the choices
        if self.activation not in ACTIVATIONS:
            raise ValueError(
                f"unknown activation {self.activation!r}; choose one of {', '.join(ACTIVATIONS)}"
            )
        frozen = {k: _readonly(v) for k, v in self.params.items()}
        object.__setattr__(self, "params", frozen)
        self._check_shapes()

    def _check_shapes(self) -> None:
        p = self.params
        missing = [k for k in RECURRENT_KEYS if k not in p]
        if ("head.weight" in p) != ("head.bias" in p):
            missing += [k for k in HEAD_KEYS if k not in p]
        if missing:
            raise ValueError(f"model is missing parameters: {', '.join(missing)}")
        for k, v in p.items():
            if v.ndim != (1 if "bias" in k else 2):
                raise ValueError(f"{k} must be {'1' if 'bias' in k else '2'}-D, got {v.shape}")
        G, H = len(GATE_BLOCKS[self.cell]), self.hidden_size
        expected = {
            "weight_ih_l0": (G * H, self.input_size),
            "weight_hh_l0": (G * H, H),
            "bias_ih_l0": (G * H,),
            "bias_hh_l0": (G * H,),
        }
        if self.has_head:
            O = p["head.weight"].shape[0]
            expected.update({"head.weight": (O, H), "head.bias": (O,)})
        for k, shape in expected.items():
            if p[k].shape != shape:
                raise ValueError(f"{k} has shape {p[k].shape}, expected {shape} for a {self.cell}")
        extra = set(p) - set(expected)
        if extra:
            raise ValueError(f"unexpected parameters: {', '.join(sorted(extra))}")

    @property
    def hidden_size(self) -> int:
        """H, the number of hidden units."""
        return self.params["weight_hh_l0"].shape[1]

    @property
    def input_size(self) -> int:
        """I, the size of one input step x_t."""
        return self.params["weight_ih_l0"].shape[1]

    @property
    def has_head(self) -> bool:
        """Whether y_t = h_t·W_y + b_y (True) or y_t = h_t (False)."""
        return "head.weight" in self.params

    @property
    def output_size(self) -> int:
        """O, the size of y_t (H without a head)."""
        return self.params["head.weight"].shape[0] if self.has_head else self.hidden_size

    @property
    def num_parameters(self) -> int:
        return int(sum(v.size for v in self.params.values()))

    @property
    def spec(self) -> CellSpec:
        """The :class:`~.cellspec.CellSpec` of this model's cell."""
        return CELL_SPECS[self.cell]

    def block(self, name: str, gate: str) -> np.ndarray:
        """The rows of parameter ``name`` that belong to ``gate`` (e.g. ``"f"``)."""
        H = self.hidden_size
        k = self.spec.block_index(gate)
        return self.params[name][k * H : (k + 1) * H]

    def with_params(self, **changes) -> Model:
        """A copy with some parameters replaced (keyword names use ``_`` for ``.``)."""
        params = dict(self.params)
        for k, v in changes.items():
            params[k.replace("head_", "head.")] = v
        return Model(self.cell, params, self.activation)
