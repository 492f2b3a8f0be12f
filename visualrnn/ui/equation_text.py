"""The cell's equations with one step's numbers substituted, as text (no widgets).

The textbook works its example like this (Fig. 8.5, t0)::

    h = tanh([0, 0, 1] · W + b) = tanh([0.6, 0.5]) = [0.537, 0.462]
    y = [0.537, 0.462] · [1.0, 2.0]ᵀ + 0.1 = 1.56

:func:`cell_equations` produces such lines for the RNN, LSTM and GRU from a step record
(``Trace.step(t)``). :class:`NumberFormat` decides how numbers and vectors are written:
significant digits, how many units of a long vector, the selected unit, plain text or HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

OVERFLOW = "overflow"
MINUS = "\u2212"
ELLIPSIS = "\u2026"
#: Symbol of φ for the simple RNN, per activation.
PHI = {"tanh": "tanh", "relu": "relu", "identity": "id"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Equations", text)


class NumberSettings(QObject):
    """The app-wide number format: significant digits (the equation panel's "Digits:").

    The network, the cell diagram and the step table follow ``digits_changed`` so that one
    number reads the same in every panel.
    """

    digits_changed = Signal(int)

    def __init__(self):
        super().__init__()
        self._digits = 3

    @property
    def digits(self) -> int:
        return self._digits

    def set_digits(self, digits: int) -> None:
        digits = int(min(6, max(2, digits)))
        if digits != self._digits:
            self._digits = digits
            self.digits_changed.emit(digits)


_SETTINGS: NumberSettings | None = None


def number_settings() -> NumberSettings:
    """The one :class:`NumberSettings` of the application."""
    global _SETTINGS
    if _SETTINGS is None:
        _SETTINGS = NumberSettings()
    return _SETTINGS


def format_number(value: float, digits: int = 3, min_decimals: int = 0) -> str:
    """``value`` with ``digits`` significant digits, the way the textbook writes numbers.

    Values that are short exactly (1, 0.6, −0.1) are written short; others keep trailing
    zeros (0.860); non-finite values are written "overflow".

    >>> format_number(0.85973818), format_number(0.6000000000000001), format_number(1.0, 3, 1)
    ('0.860', '0.6', '1.0')
    """
    v = float(value)
    if not np.isfinite(v):
        return OVERFLOW
    text = _short(v, digits, min_decimals)
    if text is None:
        text = f"{v:#.{digits}g}".rstrip(".")
        if "e" in text:
            mant, exp = text.split("e")
            text = f"{mant.rstrip('.')}e{int(exp)}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text.replace("-", MINUS)


def _short(v: float, digits: int, min_decimals: int) -> str | None:
    """The exact short form of ``v`` (fewer decimals than ``digits``), if there is one."""
    if abs(v) >= 10**digits or (v != 0 and abs(v) < 10 ** (-digits)):
        return None
    for d in range(min_decimals, digits):
        if abs(v - round(v, d)) <= 1e-9 * max(1.0, abs(v)):
            return f"{v:.{d}f}"
    return None


@dataclass(frozen=True)
class NumberFormat:
    """How numbers and vectors are written.

    Attributes
    ----------
    digits : significant digits (2 … 6; the textbook uses 3).
    first : how many leading units of a long vector are written (the rest elided).
    selected : a unit that is always written (and marked), or None.
    show_all : write every unit.
    rich : produce HTML (escaped, with the selected unit and overflow marked) or plain text.
    """

    digits: int = 3
    first: int = 3
    selected: int | None = None
    show_all: bool = False
    rich: bool = False

    def num(self, value: float, min_decimals: int = 0) -> str:
        text = format_number(value, self.digits, min_decimals)
        if self.rich and text == OVERFLOW:
            return f'<span style="color:#CC0000;font-weight:bold">{text}</span>'
        return text

    @property
    def sep(self) -> str:
        """The separator inside a vector: in HTML a no-break space, so that a line never
        wraps inside brackets (it wraps between the terms of the equation instead)."""
        return ",\u00a0" if self.rich else ", "

    def vec(self, values, min_decimals: int = 0, transpose: bool = False) -> str:
        """``[v0, v1, …]`` — a long vector shows its first units and the selected one."""
        body = self.sep.join(self._items(np.ravel(values), min_decimals))
        return f"[{body}]" + ("\u1d40" if transpose else "")

    def concat(self, *parts) -> str:
        """``[h…, x…]``, the textbook's concatenation [h_{t−1}, x_t]."""
        sep = self.sep
        return "[" + sep.join(sep.join(self._items(np.ravel(p), 0)) for p in parts) + "]"

    def sym(self, text: str) -> str:
        """A symbol or operator, escaped for HTML."""
        return html.escape(text) if self.rich else text

    def _items(self, v: np.ndarray, min_decimals: int) -> list[str]:
        n = v.size
        if self.show_all or n <= self.first + 1:
            keep = list(range(n))
        else:
            keep = list(range(self.first))
            if self.selected is not None and self.first <= self.selected < n:
                keep.append(self.selected)
        items, prev = [], -1
        for k in keep:
            if k != prev + 1:
                items.append(ELLIPSIS)
            items.append(self._unit(k, v[k], min_decimals))
            prev = k
        if prev < n - 1:
            items.append(ELLIPSIS)
        return items

    def _unit(self, k: int, value: float, min_decimals: int) -> str:
        text = self.num(value, min_decimals)
        if self.selected != k or (k < self.first and not self.show_all):
            return text
        if not self.rich:
            return f"{_tr('unit')} {k}: {text}"
        label = f"{_tr('unit')}\u00a0{k}:\u00a0{text}"
        return f'<b style="color:#B36B00"><u>{label}</u></b>'


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
