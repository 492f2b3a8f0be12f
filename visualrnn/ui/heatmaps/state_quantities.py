"""The heatmaps of a cell: which quantities (from the engine's cell description), what they
are called and how they are coloured (fixed levels for bounded values, the network's rule
for unbounded ones).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...engine.cellspec import CellSpec, QuantitySpec, cell_spec
from ..common.cell_text import quantity_short_title, quantity_title, quantity_values
from ..common.color_scales import percentile_range
from ..common.plot_helpers import LINEAR_LIMIT
from ..common.theme import DIVERGING_MAP, SEQUENTIAL_MAP

#: The input x_t drawn with the time courses (thin, grey).
INPUT_COLOR = "#8C8C8C"


@dataclass(frozen=True)
class Quantity:
    """One heatmap: the quantity's description and the cell it belongs to."""

    spec: QuantitySpec
    cell: CellSpec

    @property
    def name(self) -> str:
        """The trace key, e.g. "f"."""
        return self.spec.key

    def kind_for(self, activation: str = "tanh") -> str:
        """ "gate" (0 … 1), "tanh" (−1 … 1) or "free" (unbounded): how it is coloured."""
        bounds = self.cell.value_range(self.spec.key, activation)
        if bounds is None:
            return "free"
        return "gate" if bounds[0] == 0.0 else "tanh"

    @property
    def kind(self) -> str:
        """:meth:`kind_for` a tanh activation."""
        return self.kind_for()

    @property
    def colormap(self) -> str:
        return SEQUENTIAL_MAP if self.kind == "gate" else DIVERGING_MAP

    @property
    def is_gate(self) -> bool:
        """A gate or candidate (included in the saturation readout)."""
        return self.spec.is_gate


def quantities(cell: str) -> list[Quantity]:
    """The heatmaps of ``cell`` in the engine's order (gates, then states)."""
    spec = cell_spec(cell)
    return [Quantity(q, spec) for q in spec.quantities]


def columns(cell: str) -> int:
    """Grid columns: two rows of heatmaps at most (the bottom dock is wide and short)."""
    n = len(cell_spec(cell).quantities)
    return n if n <= 2 else -(-n // 2)


def line_colors(cell: str) -> dict[str, str]:
    """The colour of each quantity's line in the unit time-course plot."""
    return {q.key: q.color for q in cell_spec(cell).quantities}


def quantity_array(trace, name: str) -> np.ndarray:
    """The (T, H) array of ``name`` in the trace (gates, h, c or a)."""
    return quantity_values(trace, name)


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
    kind = quantity.kind_for(activation)
    if kind == "gate":
        return data_span(values) if stretch else (0.0, 1.0)
    if kind == "tanh":
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
    return quantity_short_title(quantity.spec) if short else quantity_title(quantity.spec)
