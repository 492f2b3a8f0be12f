"""The model's parameters in the textbook's row-vector form, as labelled matrices.

The engine stores PyTorch's layout (``weight_hh_l0`` (G·H, H) …); the textbook writes
``a = h_{t−1}·W_h + x_t·W_x + b``, so each gate's ``W_h`` is the transposed block of
``weight_hh_l0``, ``W_x`` that of ``weight_ih_l0``, and ``b`` the sum of the two bias blocks —
except where the engine keeps them apart (the GRU's candidate, whose ``b_hn`` sits inside
``r ⊙ ( )``). The symbols are read from each gate's equation template in
:mod:`visualrnn.engine.cellspec`, so no cell is named here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...engine.cellspec import CONTEXT_SYMBOLS, general_form
from ..common.cell_text import quantity_name, spec_of

#: Row kinds: which vector a row multiplies ("" for a bias row).
H_PREV, X, H_OUT, BIAS = "h_prev", "x", "h", ""

_STACKED = re.compile(r"\{hx\} · (W\w*)")
_X_SIDE = re.compile(r"\{x\} · (W\w*)")
_H_SIDE = re.compile(r"\{h_prev\} · (W\w*)")
_BIAS = re.compile(r"\b(b\w*)")
#: A recurrent product inside ``⊙ ( )``: its bias cannot be folded into the input side.
_GATED_H = "⊙ ({h_prev}"


@dataclass(frozen=True)
class MatrixPart:
    """One labelled matrix of a group, in the textbook's orientation.

    Attributes
    ----------
    symbol : "W_h", "W_hf", "b_f", "b_ir + b_hr", "W_y" (``_`` starts a subscript).
    values : (rows, cols) float64; a bias is one row.
    rows : what each row multiplies: :data:`H_PREV`, :data:`X`, :data:`H_OUT` or
        :data:`BIAS` (one row, no label).
    source : where it is stored, e.g. "weight_hh_l0[4:8]ᵀ".
    """

    symbol: str
    values: np.ndarray
    rows: str
    source: str

    @property
    def row_symbol(self) -> str:
        """ "h" or "x": the vector a row multiplies ("" for a bias)."""
        return _ROW_SYMBOL.get(self.rows, "")

    def row_label(self, k: int) -> str:
        """ "h₀", "x₁" (an index into the vector the row multiplies); "" for a bias."""
        return "" if self.rows == BIAS else _ROW_SYMBOL[self.rows] + sub(k)


_ROW_SYMBOL = {H_PREV: "h", X: "x", H_OUT: "h"}


@dataclass(frozen=True)
class ParameterGroup:
    """One gate's block (or the output layer): the matrices sharing its columns.

    Attributes
    ----------
    key : the block ("f", "a", "r") or "" for the output layer.
    title : translated, e.g. "forget gate f (遗忘门)".
    column : the symbol of what each column computes ("f" → f₀, f₁ …; "y" for the output).
    equation : the equation the parameters act in, in symbols.
    parts : the matrices, top to bottom (W_h, W_x, then the biases).
    stacked : the equation's symbol for W_h stacked on W_x ("W", "W_f": it multiplies
        [h_{t−1}, x_t]), "" when the equation writes the two apart.
    color : the gate's colour in the other views (its line in plots), "" for none.
    """

    key: str
    title: str
    column: str
    equation: str
    parts: tuple[MatrixPart, ...]
    stacked: str = ""
    color: str = ""

    @property
    def width(self) -> int:
        """The number of columns (H for a gate block, O for the output layer)."""
        return self.parts[0].values.shape[1]

    def column_label(self, k: int) -> str:
        return self.column + sub(k)


def sub(index: int) -> str:
    """``12`` → ``₁₂``."""
    return str(index).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def parameter_groups(model, activation: str | None = None) -> list[ParameterGroup]:
    """Every parameter of ``model`` as groups of labelled matrices: one group per gate
    block in the engine's order, then the output layer (if the model has one)."""
    spec = spec_of(model)
    activation = model.activation if activation is None else activation
    groups = [_gate_group(model, spec, block, activation) for block in spec.blocks]
    if model.has_head:
        groups.append(_output_group(model))
    return groups


def _gate_group(model, spec, block: str, activation: str) -> ParameterGroup:
    q = spec.quantity(block)
    template = q.equation
    H, k = model.hidden_size, spec.block_index(block)
    rows = f"[{k * H}:{(k + 1) * H}]"
    w_hh = model.block("weight_hh_l0", block).T
    w_ih = model.block("weight_ih_l0", block).T
    b_ih = model.block("bias_ih_l0", block)[None, :]
    b_hh = model.block("bias_hh_l0", block)[None, :]
    biases = _BIAS.findall(template)
    stacked = _STACKED.search(template)
    if stacked:
        suffix = stacked.group(1)[2:]  # "W" → "", "W_f" → "f"
        h_symbol, x_symbol = "W_h" + suffix, "W_x" + suffix
    else:
        x_match, h_match = _X_SIDE.search(template), _H_SIDE.search(template)
        h_symbol = h_match.group(1) if h_match else "W_h" + block
        x_symbol = x_match.group(1) if x_match else "W_x" + block
    parts = [
        MatrixPart(h_symbol, w_hh, H_PREV, f"weight_hh_l0{rows}ᵀ"),
        MatrixPart(x_symbol, w_ih, X, f"weight_ih_l0{rows}ᵀ"),
    ]
    if _GATED_H in template and len(biases) >= 2:
        parts.append(MatrixPart(biases[0], b_ih, BIAS, f"bias_ih_l0{rows}"))
        parts.append(MatrixPart(biases[1], b_hh, BIAS, f"bias_hh_l0{rows}"))
    else:
        symbol = " + ".join(biases) if biases else "b"
        parts.append(MatrixPart(symbol, b_ih + b_hh, BIAS, f"bias_ih_l0{rows} + bias_hh_l0{rows}"))
    if q.kind == "preactivation":
        title = QCoreApplication.translate(
            "ParametersView", "fully connected layer in the cell (循环体中的全连接层)"
        )
    else:
        title = quantity_name(q)
    equation = general_form(spec, block, activation)
    stacked_symbol = stacked.group(1) if stacked else ""
    return ParameterGroup(block, title, q.symbol, equation, tuple(parts), stacked_symbol, q.color)


def _output_group(model) -> ParameterGroup:
    title = QCoreApplication.translate("ParametersView", "output layer (用于输出的全连接层)")
    parts = (
        MatrixPart("W_y", model.params["head.weight"].T, H_OUT, "head.weightᵀ"),
        MatrixPart("b_y", model.params["head.bias"][None, :], BIAS, "head.bias"),
    )
    return ParameterGroup("", title, "y", "y = h · W_y + b_y", parts)


def row_meaning(part: MatrixPart, k: int) -> str:
    """What row ``k`` of ``part`` multiplies, in words (translated)."""
    if part.rows == H_PREV:
        text = QCoreApplication.translate("ParametersView", "multiplies {h}, unit {k} of {state}")
        return text.format(h=part.row_label(k), k=k, state=CONTEXT_SYMBOLS["h_prev"])
    if part.rows == X:
        text = QCoreApplication.translate(
            "ParametersView", "multiplies {x}, component {k} of the input {vec}"
        )
        return text.format(x=part.row_label(k), k=k, vec=CONTEXT_SYMBOLS["x"])
    if part.rows == H_OUT:
        text = QCoreApplication.translate("ParametersView", "multiplies {h}, unit {k} of {state}")
        return text.format(h=part.row_label(k), k=k, state="h_t")
    return QCoreApplication.translate("ParametersView", "added once, no input multiplies it")


def column_meaning(group: ParameterGroup, k: int) -> str:
    """What column ``k`` of ``group`` feeds, in words (translated)."""
    if not group.key:
        text = QCoreApplication.translate("ParametersView", "feeds {y}, output {k} of y_t")
        return text.format(y=group.column_label(k), k=k)
    text = QCoreApplication.translate("ParametersView", "feeds {col}, unit {k} of {name}")
    return text.format(col=group.column_label(k), k=k, name=group.title)


def displayed(n: int, limit: int) -> list[int | None]:
    """The indices shown of ``n`` rows or columns, at most ``limit`` slots: all when they
    fit, else the first ``limit − 1`` and ``None`` for one "…" standing for the rest."""
    if n <= limit:
        return list(range(n))
    return [*range(limit - 1), None]
