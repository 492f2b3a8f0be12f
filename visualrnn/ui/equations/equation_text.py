"""The cell's equations with one step's numbers substituted, as text (no widgets).

The textbook works its example like this (Fig. 8.5, t0)::

    h = tanh([0, 0, 1] · W + b) = tanh([0.6, 0.5]) = [0.537, 0.462]
    y = [0.537, 0.462] · [1.0, 2.0]ᵀ + 0.1 = 1.56

:func:`cell_equations` produces such lines for the RNN, LSTM and GRU from a step record
(``Trace.step(t)``). :class:`NumberFormat` decides how numbers and vectors are written:
significant digits, how many units of a long vector, the selected unit, plain text or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...engine.cellspec import cell_spec, general_form, substitute
from ..common.cell_text import quantity_name
from ..common.number_format import NumberFormat

#: Symbol of φ for the simple RNN, per activation.
PHI = {"tanh": "tanh", "relu": "relu", "identity": "id"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Equations", text)


@dataclass(frozen=True)
class Equation:
    """One line of the equation panel.

    Attributes
    ----------
    key : the quantity computed, e.g. ``"f"``, ``"c"``, ``"h"``, ``"y"``.
    name : what the textbook calls it, e.g. "forget gate f (遗忘门)" (translated).
    general : the equation in symbols, e.g. ``f = σ([h_{t−1}, x_t] · W_f + b_f)``.
    substituted : the same with this step's numbers, ending in ``= result``.
    """

    key: str
    name: str
    general: str
    substituted: str


def output_name() -> str:
    """The textbook's name of the output layer (translated)."""
    return QCoreApplication.translate("Equations", "output layer y (用于输出的全连接层)")


def cell_equations(step: dict, model, fmt: NumberFormat, weights: bool = False) -> list[Equation]:
    """The equations of ``model``'s cell at one step, numbers substituted.

    One line per quantity of the cell's description (:mod:`visualrnn.engine.cellspec`), in
    the engine's order, then the output layer. The simple RNN's pre-activation a is not a
    line of its own: the h line writes it out, as the textbook does (Fig. 8.5).

    Parameters
    ----------
    step : ``Trace.step(t)``: x (I,), h_prev (H,), h (H,), y (O,), c_prev (H,) when the cell
        has a memory state, and every quantity of the cell (H,).
    model : the Model (its head weights are written out when O = 1 and H is small).
    fmt : how to write the numbers.
    weights : write the simple RNN's W and b out when they are small (Fig. 8.5).
    """
    spec = cell_spec(model.cell)
    lines = [q for q in spec.quantities if q.kind != "preactivation"]
    written: dict[str, str] = {}  # each vector once: [h, x] appears in every gate's line
    eqs = [_equation(spec, q, step, model.activation, fmt, written) for q in lines]
    if weights and spec.has_activation_choice:
        eqs = [_with_weights(e, model, fmt) for e in eqs]
    return eqs + [_output(step, model, fmt)]


#: Write W and b out in the simple RNN's line when they are this small (the textbook's 3 × 2).
MAX_WRITTEN_OUT = 8


def _with_weights(eq: Equation, model, f: NumberFormat) -> Equation:
    """The textbook's Fig. 8.5 writes the stacked W = [W_h; W_x] and b with their numbers:
    so does the simple RNN's line when they are small."""
    p = model.params
    W = np.vstack([p["weight_hh_l0"].T, p["weight_ih_l0"].T])  # rows h_{t−1}, then x_t
    if W.size > MAX_WRITTEN_OUT or " · W + b" not in eq.substituted:
        return eq
    rows = ", ".join(f.vec(row, 1) for row in W)
    b = f.vec(p["bias_ih_l0"] + p["bias_hh_l0"], 1)
    written = eq.substituted.replace(" · W + b", f" · [{rows}] + {b}", 1)
    return Equation(eq.key, eq.name, eq.general, written)


def _equation(spec, q, s: dict, activation: str, f: NumberFormat, written: dict) -> Equation:
    def vec(name: str) -> str:
        if name not in written:
            written[name] = f.concat(s["h_prev"], s["x"]) if name == "hx" else f.vec(s[name])
        return written[name]

    general = general_form(spec, q.key, activation)
    sub = substitute(spec, q.key, activation, vec)
    pre = next((p for p in spec.quantities if p.kind == "preactivation"), None)
    if pre is not None and q.kind == "hidden":
        sub = _with_preactivation(spec, q, pre, activation, vec, sub)
    return Equation(q.key, quantity_name(q), general, sub)


def _with_preactivation(spec, q, pre, activation, vec, sub: str) -> str:
    """h = φ([h, x] · W + b) = φ(a) = h; with φ = identity simply h = [h, x] · W + b = h."""
    if activation == "identity":
        return q.symbol + substitute(spec, pre.key, activation, vec)[len(pre.symbol) :]
    head, result = sub.rsplit(" = ", 1)
    return f"{head} = {PHI[activation]}({vec(pre.key)}) = {result}"


def _output(s: dict, model, f: NumberFormat) -> Equation:
    general = "y = h · W_y + b_y"
    y = s["y"]
    result = f.num(y[0]) if y.size == 1 else f.vec(y)
    if not model.has_head:
        return Equation("y", output_name(), "y = h", f"y = {f.vec(s['h'])}")
    W, b = model.params["head.weight"], model.params["head.bias"]
    if W.shape[0] == 1 and W.shape[1] <= f.first + 1:
        weights, bias = f.vec(W[0], 1, transpose=True), f.num(b[0], 1)
    else:
        weights, bias = "W_y", "b_y"
    sub = f"y = {f.vec(s['h'])} · {weights} + {bias} = {result}"
    return Equation("y", output_name(), general, sub)
