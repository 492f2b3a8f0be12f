"""Backwards (BPTT) the step table lists the gradients too: ∂L/∂h_t per unit (∂L/∂c_t for
a cell with a memory state) and ∂L/∂y_t in the values line."""

from __future__ import annotations

from visualrnn.session import LessonSession
from visualrnn.ui.step_values.step_table_view import StepTableView


def test_the_textbook_gradients_by_unit(qtbot):
    session = LessonSession()
    table = StepTableView(session)
    qtbot.addWidget(table)
    session.set_cursor(2)
    assert "∂L/∂hₜ" not in table.row_symbols()
    session.set_backward(True)
    assert table.row_symbols()[-1] == "∂L/∂yₜ"
    assert table.row_texts("∂L/∂h_t") == ["2.73", "5.45"]  # ∂L/∂y_1 · W_yᵀ at the last step
    session.update(cell="lstm", model_source="init", hidden_size=2)
    assert "∂L/∂cₜ" in table.row_symbols()
    session.set_backward(False)
    assert "∂L/∂hₜ" not in table.row_symbols()
