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

from PySide6.QtCore import QCoreApplication

from ..common.number_format import NumberFormat, format_number, number_settings  # noqa: F401

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


def gate_names() -> dict[str, str]:
    """The textbook's names of the LSTM / GRU quantities (translated)."""
    return {
        "z": _tr("candidate z (输入值)"),
        "i": _tr("input gate i (输入门)"),
        "f": _tr("forget gate f (遗忘门)"),
        "o": _tr("output gate o (输出门)"),
        "c": _tr("new cell state c (新状态)"),
        "h": _tr("hidden state h (隐藏状态)"),
        "r": _tr("reset gate r (重置门)"),
        "gz": _tr("update gate z (更新门)"),
        "n": _tr("candidate n (候选状态)"),
        "y": _tr("output layer y (用于输出的全连接层)"),
        "a": _tr("hidden state h (隐藏状态)"),
    }


def cell_equations(step: dict, model, fmt: NumberFormat) -> list[Equation]:
    """The equations of ``model``'s cell at one step, numbers substituted.

    Parameters
    ----------
    step : ``Trace.step(t)``: x (I,), h_prev (H,), h (H,), y (O,), and per cell a (RNN),
        c_prev, c, i, f, z, o (LSTM) or r, z, n (GRU), each (H,).
    model : the Model (its head weights are written out when O = 1 and H is small).
    fmt : how to write the numbers.
    """
    build = {"rnn": _rnn, "lstm": _lstm, "gru": _gru}[model.cell]
    return build(step, model, fmt) + [_output(step, model, fmt)]


def _rnn(s: dict, model, f: NumberFormat) -> list[Equation]:
    phi = PHI[model.activation]
    general = f"h = {phi}([h_{{t−1}}, x_t] · W + b)"
    sub = (
        f"h = {phi}({f.concat(s['h_prev'], s['x'])} · W + b) = {phi}({f.vec(s['a'])})"
        f" = {f.vec(s['h'])}"
    )
    if model.activation == "identity":
        sub = f"h = {f.concat(s['h_prev'], s['x'])} · W + b = {f.vec(s['h'])}"
    return [Equation("h", gate_names()["a"], general, sub)]


def _gate(key, name, act, s, f, W="W", b="b") -> Equation:
    general = f"{key} = {act}([h_{{t−1}}, x_t] · {W}_{key} + {b}_{key})"
    sub = f"{key} = {act}({f.concat(s['h_prev'], s['x'])} · {W}_{key} + {b}_{key}) = "
    return Equation(key, name, general, sub + f.vec(s[key]))


def _lstm(s: dict, model, f: NumberFormat) -> list[Equation]:
    names, sig, v = gate_names(), "σ", f.vec
    eqs = [_gate(k, names[k], "tanh" if k == "z" else sig, s, f) for k in "zifo"]
    eqs.append(
        Equation(
            "c",
            names["c"],
            "c = f ⊙ c_{t−1} + i ⊙ z",
            f"c = {v(s['f'])} ⊙ {v(s['c_prev'])} + {v(s['i'])} ⊙ {v(s['z'])} = {v(s['c'])}",
        )
    )
    eqs.append(
        Equation(
            "h",
            names["h"],
            "h = o ⊙ tanh(c)",
            f"h = {v(s['o'])} ⊙ tanh({v(s['c'])}) = {v(s['h'])}",
        )
    )
    return eqs


def _gru(s: dict, model, f: NumberFormat) -> list[Equation]:
    names, v = gate_names(), f.vec
    hp, x = s["h_prev"], s["x"]
    r = _gate("r", names["r"], "σ", s, f)
    z = _gate("z", names["gz"], "σ", s, f)
    n = Equation(
        "n",
        names["n"],
        "n = tanh(x_t · W_in + b_in + r ⊙ (h_{t−1} · W_hn + b_hn))",
        f"n = tanh({v(x)} · W_in + b_in + {v(s['r'])} ⊙ ({v(hp)} · W_hn + b_hn)) = {v(s['n'])}",
    )
    h = Equation(
        "h",
        names["h"],
        "h = (1 − z) ⊙ n + z ⊙ h_{t−1}",
        f"h = (1 − {v(s['z'])}) ⊙ {v(s['n'])} + {v(s['z'])} ⊙ {v(hp)} = {v(s['h'])}",
    )
    return [r, z, n, h]


def _output(s: dict, model, f: NumberFormat) -> Equation:
    general = "y = h · W_y + b_y"
    y = s["y"]
    result = f.num(y[0]) if y.size == 1 else f.vec(y)
    if not model.has_head:
        return Equation("y", gate_names()["y"], "y = h", f"y = {f.vec(s['h'])}")
    W, b = model.params["head.weight"], model.params["head.bias"]
    if W.shape[0] == 1 and W.shape[1] <= f.first + 1:
        weights, bias = f.vec(W[0], 1, transpose=True), f.num(b[0], 1)
    else:
        weights, bias = "W_y", "b_y"
    sub = f"y = {f.vec(s['h'])} · {weights} + {bias} = {result}"
    return Equation("y", gate_names()["y"], general, sub)
