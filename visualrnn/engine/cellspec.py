"""One description per cell type: its gates, states, symbols, names, colours and diagram.

Every view reads what differs between the cells from here instead of comparing cell names;
the engine derives its tables (``CELLS``, ``GATE_BLOCKS``, ``GATE_NAMES``) from it too.

Equation templates are the right-hand side of ``key = …`` with ``{placeholders}`` for the
values of one step record (``Trace.step(t)``): ``{h_prev}``, ``{x}``, ``{c_prev}`` and any
quantity key, ``{hx}`` for the concatenation [h_{t−1}, x_t] and ``{phi}`` for the simple
RNN's activation. :func:`general_form` writes them in symbols, :func:`substitute` with
numbers.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

from .cell_diagrams import (
    ACTIVATION_LABEL,
    Diagram,
    gru_diagram,
    lstm_diagram,
    lstm_nofg_diagram,
    rnn_diagram,
)

#: What each quantity kind is: σ output (0 … 1), tanh output (−1 … 1), unbounded cell
#: state, hidden state (bounded iff its activation is), unbounded pre-activation.
KINDS = ("gate", "candidate", "state", "hidden", "preactivation")

#: Symbols of the placeholders that are not quantities of the cell.
CONTEXT_SYMBOLS = {"h_prev": "h_{t−1}", "c_prev": "c_{t−1}", "x": "x_t", "hx": "[h_{t−1}, x_t]"}


@dataclass(frozen=True)
class QuantitySpec:
    """One per-step (T, H) array that the trace records for a cell.

    Attributes
    ----------
    key : the Trace key (``Trace.step(t)[key]``): "i", "f", "z", "o", "c", "h", "a", "r", "n".
    symbol : the textbook's symbol as shown, e.g. "f".
    kind : one of :data:`KINDS`.
    name_en, name_zh : e.g. "forget gate", "遗忘门".
    color : a distinct Okabe–Ito colour for line plots (h is black).
    equation : the right-hand side template of ``symbol = …`` (see the module docstring).
    """

    key: str
    symbol: str
    kind: str
    name_en: str
    name_zh: str
    color: str
    equation: str

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown quantity kind {self.kind!r}; choose one of {KINDS}")

    @property
    def is_gate(self) -> bool:
        """A gate (σ) or candidate (tanh): the outputs that can saturate."""
        return self.kind in ("gate", "candidate")


@dataclass(frozen=True)
class CellSpec:
    """What one cell type is, for the engine and every view.

    Attributes
    ----------
    key : "rnn" | "lstm" | "gru" | "lstm_nofg", the engine's name (``Model.cell``).
    label, label_zh : shown in the cell chooser, e.g. "LSTM".
    name_en, name_zh : e.g. "long short-term memory", "长短期记忆网络".
    blocks : the row blocks of ``weight_ih_l0`` / ``weight_hh_l0`` in order (G of them).
    quantities : the trace's per-step quantities: gates in engine order, then states.
    memory_state : "c" for the LSTMs (its gradient ‖∂L/∂c_t‖ is shown), else None.
    memory_gate : the gate on the memory path ("f" LSTM, "z" GRU), else None; the memory
        bias of :func:`~visualrnn.engine.init.init_model` is added to its bias block.
    memory_path_en, memory_path_zh : what multiplies the gradient per step back along the
        memory path (one sentence; "" for the simple RNN).
    has_activation_choice : whether the user picks φ (tanh / relu / identity).
    color : the cell's colour in compare plots.
    diagram : activation → the cell's :class:`~visualrnn.engine.cell_diagrams.Diagram`.
    """

    key: str
    label: str
    label_zh: str
    name_en: str
    name_zh: str
    blocks: tuple[str, ...]
    quantities: tuple[QuantitySpec, ...]
    memory_state: str | None
    memory_gate: str | None
    memory_path_en: str
    memory_path_zh: str
    has_activation_choice: bool
    color: str
    diagram: Callable[[str], Diagram]

    def quantity(self, key: str) -> QuantitySpec:
        """The quantity recorded under ``key``; KeyError naming the cell's keys."""
        for q in self.quantities:
            if q.key == key:
                return q
        raise KeyError(f"{self.label} has no quantity {key!r}; it has {', '.join(self.keys)}")

    @property
    def keys(self) -> tuple[str, ...]:
        """The quantity keys in order, e.g. ("i", "f", "z", "o", "c", "h")."""
        return tuple(q.key for q in self.quantities)

    def gates(self) -> tuple[QuantitySpec, ...]:
        """The gates and candidates (kinds "gate" and "candidate") in engine order."""
        return tuple(q for q in self.quantities if q.is_gate)

    @property
    def gate_count(self) -> int:
        """G, the number of weight blocks (rows of ``weight_hh_l0`` = G·H)."""
        return len(self.blocks)

    def block_index(self, block: str) -> int:
        """The position of ``block`` in the weight layout (``weight_ih_l0[k·H:(k+1)·H]``)."""
        return self.blocks.index(block)

    def value_range(self, key: str, activation: str = "tanh") -> tuple[float, float] | None:
        """The fixed range of quantity ``key``'s values, or None when it is unbounded.

        Gates 0 … 1, candidates −1 … 1, h −1 … 1 unless the user's φ is relu or identity;
        c and a are unbounded.
        """
        kind = self.quantity(key).kind
        if kind == "gate":
            return (0.0, 1.0)
        if kind == "candidate":
            return (-1.0, 1.0)
        if kind == "hidden" and (not self.has_activation_choice or activation == "tanh"):
            return (-1.0, 1.0)
        return None


def _q(key, symbol, kind, name_en, name_zh, color, equation) -> QuantitySpec:
    return QuantitySpec(key, symbol, kind, name_en, name_zh, color, equation)


def _lstm_gate(key: str, name_en: str, name_zh: str, color: str) -> QuantitySpec:
    act = "tanh" if key == "z" else "σ"
    kind = "candidate" if key == "z" else "gate"
    return _q(key, key, kind, name_en, name_zh, color, f"{act}({{hx}} · W_{key} + b_{key})")


_LSTM_I = _lstm_gate("i", "input gate", "输入门", "#009E73")
_LSTM_F = _lstm_gate("f", "forget gate", "遗忘门", "#0072B2")
_LSTM_Z = _lstm_gate("z", "candidate", "输入值", "#E69F00")
_LSTM_O = _lstm_gate("o", "output gate", "输出门", "#CC79A7")
_LSTM_H = _q("h", "h", "hidden", "hidden state", "隐藏状态", "#000000", "{o} ⊙ tanh({c})")


def _lstm_c(equation: str) -> QuantitySpec:
    return _q("c", "c", "state", "cell state", "状态 c", "#56B4E9", equation)


RNN = CellSpec(
    key="rnn",
    label="RNN",
    label_zh="RNN",
    name_en="simple recurrent network",
    name_zh="循环神经网络",
    blocks=("a",),
    quantities=(
        _q("a", "a", "preactivation", "pre-activation", "预激活", "#56B4E9", "{hx} · W + b"),
        _q("h", "h", "hidden", "hidden state", "隐藏状态", "#000000", "{phi}({hx} · W + b)"),
    ),
    memory_state=None,
    memory_gate=None,
    memory_path_en="",
    memory_path_zh="",
    has_activation_choice=True,
    color="#D55E00",
    diagram=rnn_diagram,
)

LSTM = CellSpec(
    key="lstm",
    label="LSTM",
    label_zh="LSTM",
    name_en="long short-term memory",
    name_zh="长短时记忆网络",
    blocks=("i", "f", "z", "o"),
    quantities=(_LSTM_I, _LSTM_F, _LSTM_Z, _LSTM_O, _lstm_c("{f} ⊙ {c_prev} + {i} ⊙ {z}"), _LSTM_H),
    memory_state="c",
    memory_gate="f",
    memory_path_en="each step back along c multiplies ∂L/∂c by f",
    memory_path_zh="沿 c 每反向传播一步，∂L/∂c 乘以 f",
    has_activation_choice=False,
    color="#0072B2",
    diagram=lstm_diagram,
)

_GRU_GATE = "σ({{x}} · W_i{k} + b_i{k} + {{h_prev}} · W_h{k} + b_h{k})"
_GRU_R = _q("r", "r", "gate", "reset gate", "重置门", "#0072B2", _GRU_GATE.format(k="r"))
_GRU_Z = _q("z", "z", "gate", "update gate", "更新门", "#D55E00", _GRU_GATE.format(k="z"))
_GRU_N = _q(
    "n",
    "n",
    "candidate",
    "candidate",
    "候选状态",
    "#009E73",
    "tanh({x} · W_in + b_in + {r} ⊙ ({h_prev} · W_hn + b_hn))",
)
_GRU_H = _q(
    "h", "h", "hidden", "hidden state", "隐藏状态", "#000000", "(1 − {z}) ⊙ {n} + {z} ⊙ {h_prev}"
)

GRU = CellSpec(
    key="gru",
    label="GRU",
    label_zh="GRU",
    name_en="gated recurrent unit",
    name_zh="门控循环单元",
    blocks=("r", "z", "n"),
    quantities=(_GRU_R, _GRU_Z, _GRU_N, _GRU_H),
    memory_state=None,
    memory_gate="z",
    memory_path_en="each step back along h multiplies ∂L/∂h by z",
    memory_path_zh="沿 h 每反向传播一步，∂L/∂h 乘以 z",
    has_activation_choice=False,
    color="#009E73",
    diagram=gru_diagram,
)

LSTM_NOFG = CellSpec(
    key="lstm_nofg",
    label="LSTM (no forget gate, 1997)",
    label_zh="LSTM（无遗忘门，1997）",
    name_en="long short-term memory without a forget gate (Hochreiter & Schmidhuber 1997)",
    name_zh="无遗忘门的长短时记忆网络（1997）",
    blocks=("i", "z", "o"),
    quantities=(_LSTM_I, _LSTM_Z, _LSTM_O, _lstm_c("{c_prev} + {i} ⊙ {z}"), _LSTM_H),
    memory_state="c",
    memory_gate=None,
    memory_path_en="each step back along c multiplies ∂L/∂c by 1: the constant error carousel",
    memory_path_zh="沿 c 每反向传播一步，∂L/∂c 乘以 1：恒定误差传送带",
    has_activation_choice=False,
    color="#CC79A7",
    diagram=lstm_nofg_diagram,
)

#: Every cell type, in the order the cell chooser lists them.
CELL_SPECS: dict[str, CellSpec] = {s.key: s for s in (RNN, LSTM, GRU, LSTM_NOFG)}


def cell_spec(cell: str) -> CellSpec:
    """The description of ``cell``; ValueError naming the choices for an unknown one."""
    try:
        return CELL_SPECS[cell]
    except (KeyError, TypeError):
        raise ValueError(f"unknown cell {cell!r}; choose one of {', '.join(CELL_SPECS)}") from None


def placeholders(template: str) -> tuple[str, ...]:
    """The ``{names}`` a template refers to, in order of appearance."""
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def general_form(spec: CellSpec, key: str, activation: str = "tanh") -> str:
    """The equation of quantity ``key`` in symbols, e.g. ``"c = f ⊙ c_{t−1} + i ⊙ z"``.

    ``activation`` names φ of the simple RNN (tanh / relu / identity → "id").
    """
    q = spec.quantity(key)
    symbols = {p: _symbol(spec, p) for p in placeholders(q.equation)}
    symbols["phi"] = ACTIVATION_LABEL.get(activation, activation)
    return f"{q.symbol} = {q.equation.format(**symbols)}"


def substitute(spec: CellSpec, key: str, activation: str, fmt_vec: Callable[[str], str]) -> str:
    """The equation of quantity ``key`` with one step's numbers, ending in ``= result``.

    Parameters
    ----------
    spec, key, activation : as for :func:`general_form`.
    fmt_vec : callable
        ``fmt_vec(name) -> str`` writes the value of a step-record entry (``"h_prev"``,
        ``"x"``, ``"c_prev"``, a quantity key) or of ``"hx"``, [h_{t−1}, x_t]; the caller
        keeps the number format.

    Returns
    -------
    str, e.g. ``"c = 0.5 ⊙ 0.1 + 0.2 ⊙ 0.3 = 0.11"`` (vectors as ``fmt_vec`` writes them).
    """
    q = spec.quantity(key)
    values = {p: fmt_vec(p) for p in placeholders(q.equation) if p != "phi"}
    values["phi"] = ACTIVATION_LABEL.get(activation, activation)
    return f"{q.symbol} = {q.equation.format(**values)} = {fmt_vec(key)}"


def _symbol(spec: CellSpec, name: str) -> str:
    if name in CONTEXT_SYMBOLS:
        return CONTEXT_SYMBOLS[name]
    if name == "phi":
        return "φ"
    return spec.quantity(name).symbol
