"""The backward pass (BPTT) of one step as equations with this step's numbers.

For the textbook example at t = 1 (the last step, target 0, mse)::

    ∂L/∂y_t = y_t − target_t = 2.73 − 0 = 2.73
    ∂L/∂h_t = ∂L/∂y_t · W_yᵀ = 2.73 · W_yᵀ = [2.73, 5.45]
    ∂L/∂a_t = ∂L/∂h_t ⊙ (1 − h_t²) = [2.73, 5.45] ⊙ [0.261, 0.219] = [0.712, 1.19]

and at t = 0 the gradient that came back from t = 1 is added:
``∂L/∂h_t = ∂L/∂y_t · W_yᵀ + ∂L/∂a_{t+1} · W_hᵀ = [1.56, 3.12] + [0.31, 0.69] = […]``.
The pieces come from :meth:`LessonSession.breakdown`; nothing is computed here.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...engine.cellspec import CellSpec, cell_spec
from ..common.number_format import NumberFormat
from .equation_text import Equation

#: φ′(a_t) of the simple RNN as the equations write it, per activation.
SLOPE = {"tanh": "(1 − h_t²)", "relu": "[a_t > 0]", "identity": "1"}


def backward_equations(t: int, trace, grads, pieces, model, fmt: NumberFormat) -> list:
    """The backward equations of step ``t``: ∂L/∂y_t, ∂L/∂h_t, ∂L/∂a_t (simple RNN) or
    ∂L/∂c_t (a memory state), and step t's share of ∂L/∂W_h."""
    spec = cell_spec(model.cell)
    eqs = [_output(t, trace, pieces, fmt), _hidden(t, trace, grads, pieces, model, fmt)]
    if pieces.delta is not None:
        eqs.append(_activation(t, pieces, model.activation, fmt))
    if spec.memory_state is not None and grads.dc is not None:
        eqs.append(_memory(t, grads, pieces, spec, fmt))
    eqs.append(_weights(t, grads, pieces, spec, fmt))
    return eqs


def _carries_loss(t: int, trace) -> bool:
    return trace.loss_at == "all" or t == trace.T - 1


def _output(t, trace, pieces, fmt: NumberFormat) -> Equation:
    translate = QCoreApplication.translate
    name = translate("Equations", "gradient at the output ∂L/∂y (输出的梯度)")
    dy = fmt.vec(pieces.dy[t]) if pieces.dy.shape[1] > 1 else fmt.num(pieces.dy[t, 0])
    if not _carries_loss(t, trace):
        general = translate("Equations", "∂L/∂y_t = 0 (no loss at this step)")
        return Equation("dy", name, general, f"∂L/∂y_t = {dy}")
    if trace.loss_kind == "ce":
        k = int(trace.targets[t])
        general = "∂L/∂y_t = softmax(y_t) − e_target"
        return Equation(
            "dy", name, general, f"∂L/∂y_t = softmax({_y(t, trace, fmt)}) − e_{k} = {dy}"
        )
    target = trace.targets[t]
    target = fmt.vec(target) if np.size(target) > 1 else fmt.num(float(np.ravel(target)[0]))
    general = "∂L/∂y_t = y_t − target_t"
    return Equation("dy", name, general, f"∂L/∂y_t = {_y(t, trace, fmt)} − {target} = {dy}")


def _y(t: int, trace, fmt: NumberFormat) -> str:
    y = trace.y[t]
    return fmt.vec(y) if y.size > 1 else fmt.num(y[0])


def _hidden(t, trace, grads, pieces, model, fmt: NumberFormat) -> Equation:
    translate = QCoreApplication.translate
    name = translate("Equations", "gradient of the hidden state ∂L/∂h (隐藏状态的梯度)")
    W_y = " · W_yᵀ" if model.has_head else ""
    from_y = f"∂L/∂y_t{W_y}"
    total = fmt.vec(grads.dh[t])
    if not np.any(pieces.dh_from_next[t]):  # the last step, or a truncation cut after t
        why = (
            translate("Equations", "the last step: nothing comes back from t + 1")
            if t == trace.T - 1
            else translate("Equations", "nothing comes back from t + 1 (a cut, or no loss)")
        )
        general = f"∂L/∂h_t = {from_y}   ({why})"
        sub = f"∂L/∂h_t = {_output_share(t, pieces, model, fmt)} = {total}"
        return Equation("dh", name, general, sub)
    spec = cell_spec(model.cell)
    back = "∂L/∂a_{t+1} · W_hᵀ" if spec.has_activation_choice else _back_from_gates()
    general = f"∂L/∂h_t = {from_y} + {back}"
    parts = f"{fmt.vec(pieces.dh_from_y[t])} + {fmt.vec(pieces.dh_from_next[t])}"
    return Equation("dh", name, general, f"∂L/∂h_t = {parts} = {total}")


def _output_share(t: int, pieces, model, fmt: NumberFormat) -> str:
    """∂L/∂y_t · W_yᵀ written out ("2.73 · [1.0, 2.0]") when W_y is a short column, as
    the textbook writes its example; else the product's value."""
    if not model.has_head:
        return fmt.vec(pieces.dy[t])
    W = model.params["head.weight"]
    if W.shape[0] == 1 and W.shape[1] <= fmt.first + 1:
        return f"{fmt.num(pieces.dy[t, 0])} · {fmt.vec(W[0], 1)}"
    return fmt.vec(pieces.dh_from_y[t])


def _back_from_gates() -> str:
    return QCoreApplication.translate("Equations", "(from step t + 1, through its gates)")


def _activation(t, pieces, activation: str, fmt: NumberFormat) -> Equation:
    name = QCoreApplication.translate("Equations", "through the activation ∂L/∂a (激活函数)")
    general = f"∂L/∂a_t = ∂L/∂h_t ⊙ {SLOPE.get(activation, 'φ′(a_t)')}"
    sub = f"∂L/∂a_t = {fmt.vec(pieces.dh_from_y[t] + pieces.dh_from_next[t])} ⊙ "
    return Equation(
        "da", name, general, sub + f"{fmt.vec(pieces.slope[t])} = {fmt.vec(pieces.delta[t])}"
    )


def _memory(t, grads, pieces, spec: CellSpec, fmt: NumberFormat) -> Equation:
    translate = QCoreApplication.translate
    name = translate("Equations", "gradient of the cell state ∂L/∂c (状态 c 的梯度)")
    gate = f" ⊙ {spec.memory_gate}_{{t+1}}" if spec.memory_gate else ""
    through = translate("Equations", "(through h_t and the gates)")
    general = f"∂L/∂c_t = ∂L/∂c_{{t+1}}{gate} + {through}"
    path = fmt.num(float(pieces.memory_path[t]))
    alone = translate("Equations", "memory path alone: ‖·‖ = {0}").format(path)
    return Equation("dc", name, general, f"∂L/∂c_t   ({alone}) = {fmt.vec(grads.dc[t])}")


def _weights(t, grads, pieces, spec: CellSpec, fmt: NumberFormat) -> Equation:
    translate = QCoreApplication.translate
    name = translate("Equations", "the recurrent weights' gradient ∂L/∂Wₕ (a sum over steps)")
    d = "∂L/∂a_t" if spec.has_activation_choice else "∂L/∂gates_t"
    general = f"∂L/∂W_h = Σₜ h_{{t−1}}ᵀ · {d}"
    share = fmt.num(float(pieces.step_norms["W_h"][t]))
    total = fmt.num(float(grads.param_norms["weight_hh_l0"]))
    this = translate("Equations", "step t adds ‖h_{{t−1}}ᵀ · {d}‖ = {share}; all steps: ‖∂L/∂W_h‖")
    return Equation("dW", name, general, this.format(d=d, share=share) + f" = {total}")
