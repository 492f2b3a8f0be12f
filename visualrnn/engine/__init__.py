"""The NumPy recurrent engine: RNN, LSTM, GRU and 1997-LSTM cells, their descriptions
(:mod:`.cellspec`), traces, BPTT, parsing, weight files.

Imports NumPy only; no Qt.
"""

from .backward import backward_batch, cut_steps, jacobian_norms
from .cellspec import CELL_SPECS, CellSpec, QuantitySpec, cell_spec
from .forward import Stepper, Trace, forward_batch, run_forward
from .gradients import Gradients, Result, clip_by_global_norm, run
from .init import (
    INIT_SCHEMES,
    TEXTBOOK_INPUT,
    init_model,
    recurrent_stats,
    sigma_max,
    spectral_radius,
    textbook_model,
)
from .losses import LOSS_AT, LOSSES
from .model import CELLS, GATE_BLOCKS, GATE_NAMES, Model
from .numerics import ACTIVATIONS, GAMMA, safe_norm, sigmoid
from .weights import WeightFileError, load_weights, save_weights

__all__ = [
    "ACTIVATIONS",
    "CELLS",
    "CELL_SPECS",
    "GAMMA",
    "GATE_BLOCKS",
    "GATE_NAMES",
    "INIT_SCHEMES",
    "LOSSES",
    "LOSS_AT",
    "TEXTBOOK_INPUT",
    "CellSpec",
    "Gradients",
    "Model",
    "QuantitySpec",
    "Result",
    "Stepper",
    "Trace",
    "backward_batch",
    "cell_spec",
    "clip_by_global_norm",
    "cut_steps",
    "forward_batch",
    "init_model",
    "jacobian_norms",
    "recurrent_stats",
    "run",
    "run_forward",
    "safe_norm",
    "sigma_max",
    "sigmoid",
    "spectral_radius",
    "textbook_model",
    "WeightFileError",
    "load_weights",
    "save_weights",
]
