"""Which per-step quantities a cell has, what they are called and how they are coloured.

LSTM: f, i, o, z (candidate, "输入值"), c, h. GRU: r, z (update gate), n (candidate), h.
Simple RNN: a (pre-activation), h. The symbols are the textbook's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from .plot_helpers import symmetric_level
from .theme import DIVERGING_MAP, SEQUENTIAL_MAP

#: Heatmaps per cell, in display order (rows of a grid).
QUANTITIES = {
    "lstm": ("f", "i", "o", "z", "c", "h"),
    "gru": ("r", "z", "n", "h"),
    "rnn": ("a", "h"),
}
#: Grid columns per cell (the bottom dock is wide and short).
COLUMNS = {"lstm": 3, "gru": 2, "rnn": 2}

#: "gate": sigmoid, 0 … 1, sequential map; "tanh": −1 … 1 diverging (h, candidates);
#: "free": unbounded (c, a), symmetric ±max|value| diverging.
KINDS = {
    ("lstm", "f"): "gate",
    ("lstm", "i"): "gate",
    ("lstm", "o"): "gate",
    ("lstm", "z"): "tanh",
    ("lstm", "c"): "free",
    ("gru", "r"): "gate",
    ("gru", "z"): "gate",
    ("gru", "n"): "tanh",
    ("rnn", "a"): "free",
}

#: Okabe–Ito line colours of the unit time-course plot, per cell: every quantity of one cell
#: gets its own colour (h black, the thickest line).
LINE_COLORS = {
    "lstm": {
        "f": "#0072B2",
        "i": "#009E73",
        "o": "#CC79A7",
        "z": "#E69F00",
        "c": "#56B4E9",
        "h": "#000000",
    },
    "gru": {"r": "#0072B2", "z": "#D55E00", "n": "#009E73", "h": "#000000"},
    "rnn": {"a": "#56B4E9", "h": "#000000"},
}
#: The input x_t drawn with the time courses (thin, grey).
INPUT_COLOR = "#8C8C8C"


@dataclass(frozen=True)
class Quantity:
    """One heatmap: its symbol, kind ("gate", "tanh" or "free") and colour map name."""

    cell: str
    name: str
    kind: str

    @property
    def colormap(self) -> str:
        return SEQUENTIAL_MAP if self.kind == "gate" else DIVERGING_MAP

    @property
    def is_gate(self) -> bool:
        """A gate or candidate of an LSTM / GRU (included in the saturation readout)."""
        return self.name in {"f", "i", "o", "z", "r", "n"}


def quantities(cell: str) -> list[Quantity]:
    """The heatmaps of ``cell`` in display order."""
    return [Quantity(cell, n, KINDS.get((cell, n), "tanh")) for n in QUANTITIES[cell]]


def quantity_array(trace, name: str) -> np.ndarray:
    """The (T, H) array of ``name`` in the trace (gates, h, c or a)."""
    if name == "h":
        return trace.h
    if name == "c":
        return trace.c
    if name == "a":
        return trace.a
    return trace.gates[name]


def levels(quantity: Quantity, values: np.ndarray, activation: str = "tanh") -> tuple[float, float]:
    """The fixed colour range: 0…1 gates, −1…1 tanh outputs, ±max|value| (≥ 1) otherwise
    (c, a, and h of an RNN whose φ is relu or identity)."""
    if quantity.kind == "gate":
        return 0.0, 1.0
    if quantity.kind == "tanh" and not (quantity.cell == "rnn" and activation != "tanh"):
        return -1.0, 1.0
    m = symmetric_level(values)
    return -m, m


def title(quantity: Quantity) -> str:
    """ "f — forget gate (遗忘门)": the textbook symbol, the name, the textbook's term."""
    tr = QCoreApplication.translate
    names = {
        ("lstm", "f"): tr("Quantity", "f — forget gate (遗忘门)"),
        ("lstm", "i"): tr("Quantity", "i — input gate (输入门)"),
        ("lstm", "o"): tr("Quantity", "o — output gate (输出门)"),
        ("lstm", "z"): tr("Quantity", "z — candidate (输入值)"),
        ("lstm", "c"): tr("Quantity", "c — cell state (状态 c)"),
        ("lstm", "h"): tr("Quantity", "h — hidden state (隐藏状态)"),
        ("gru", "r"): tr("Quantity", "r — reset gate (重置门)"),
        ("gru", "z"): tr("Quantity", "z — update gate (更新门)"),
        ("gru", "n"): tr("Quantity", "n — candidate (候选状态)"),
        ("gru", "h"): tr("Quantity", "h — hidden state (隐藏状态)"),
        ("rnn", "a"): tr("Quantity", "a — pre-activation (h·W_h + x·W_x + b)"),
        ("rnn", "h"): tr("Quantity", "h — hidden state (隐藏状态)"),
    }
    return names[(quantity.cell, quantity.name)]
