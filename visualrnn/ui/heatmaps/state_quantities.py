"""Which per-step quantities a cell has, what they are called and how they are coloured.

LSTM: f, i, o, z (candidate, "输入值"), c, h. GRU: r, z (update gate), n (candidate), h.
Simple RNN: a (pre-activation), h. The symbols are the textbook's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from ..common.plot_helpers import LINEAR_LIMIT
from ..common.theme import DIVERGING_MAP, SEQUENTIAL_MAP
from ..common.value_scales import percentile_range

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


def levels(
    quantity: Quantity, values: np.ndarray, activation: str = "tanh", stretch: bool = False
) -> tuple[float, float]:
    """The colour range of one heatmap.

    Fixed by default: 0…1 gates, −1…1 tanh outputs. Unbounded quantities (c, a, and h of an
    RNN whose φ is relu or identity) get the network's rule, ±the 99th percentile of |value|
    rounded up to 1, 2, 3, 5 × 10ᵏ (:func:`percentile_level`), so c has the same scale here
    and in the network. ``stretch`` ("stretch colours to the data") spans the data instead:
    gates min … max of their values, tanh outputs ±max|value| (:func:`data_span`,
    :func:`data_bound`).
    """
    bounded = not (quantity.cell == "rnn" and activation != "tanh")
    if quantity.kind == "gate":
        return data_span(values) if stretch else (0.0, 1.0)
    if quantity.kind == "tanh" and bounded:
        m = data_bound(values) if stretch else 1.0
        return -m, m
    m = percentile_level(values)
    return -m, m


def percentile_level(values: np.ndarray) -> float:
    """The network's symmetric colour range (network_items.value_ranges): the 99th
    percentile of the finite |values|, rounded up to 1, 2, 3, 5 × 10ᵏ (1 when nothing is
    finite or all are 0), at most LINEAR_LIMIT (a colour bar beyond it overflows Qt)."""
    return min(percentile_range(values), LINEAR_LIMIT)


def data_bound(values: np.ndarray) -> float:
    """max |finite value| rounded up to 0.01, between 0.01 and 1 (a tanh output's range
    stretched to the data, symmetric so that 0 stays the neutral colour)."""
    v = np.abs(np.asarray(values, dtype=float))
    v = v[np.isfinite(v)]
    peak = float(np.ceil(v.max() * 100) / 100) if v.size else 1.0
    return min(max(peak, 0.01), 1.0)


def data_span(values: np.ndarray, minimum: float = 0.02) -> tuple[float, float]:
    """min … max of the finite values, rounded out to 0.01 and at least ``minimum`` wide
    (a gate that never moves still gets a readable colour bar); 0 … 1 when nothing is
    finite."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return 0.0, 1.0
    lo, hi = np.floor(v.min() * 100) / 100, np.ceil(v.max() * 100) / 100
    if hi - lo < minimum:
        mid = 0.5 * (lo + hi)
        lo, hi = mid - minimum / 2, mid + minimum / 2
    return float(lo), float(hi)


def title(quantity: Quantity, short: bool = False) -> str:
    """ "f — forget gate (遗忘门)": the textbook symbol, the name, the textbook's term;
    ``short``: "f (遗忘门)", for a narrow heatmap."""
    tr = QCoreApplication.translate
    key = (quantity.cell, quantity.name)
    if short:
        return SHORT_TITLES.get(key) or tr("Quantity", "a (pre-activation)")
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
        ("rnn", "a"): tr("Quantity", "a = hₜ₋₁·Wₕ + xₜ·Wₓ + b (pre-activation)"),
        ("rnn", "h"): tr("Quantity", "h — hidden state (隐藏状态)"),
    }
    return names[key]


#: Short titles: the symbol and the textbook's Chinese term (no translation needed).
SHORT_TITLES = {
    ("lstm", "f"): "f (遗忘门)",
    ("lstm", "i"): "i (输入门)",
    ("lstm", "o"): "o (输出门)",
    ("lstm", "z"): "z (输入值)",
    ("lstm", "c"): "c (状态 c)",
    ("lstm", "h"): "h (隐藏状态)",
    ("gru", "r"): "r (重置门)",
    ("gru", "z"): "z (更新门)",
    ("gru", "n"): "n (候选状态)",
    ("gru", "h"): "h (隐藏状态)",
    ("rnn", "h"): "h (隐藏状态)",
}
