"""Backwards (BPTT) the equations show the gradients with this step's numbers, and the
network's Backward button turns every view backwards (the session's direction)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from visualrnn.session import LessonSession
from visualrnn.ui.equations.equation_panel import EquationPanel
from visualrnn.ui.network.unrolled_network_view import UnrolledNetworkView


def _lines(panel: EquationPanel) -> list[str]:
    return panel.plain_text().splitlines()


def test_the_textbook_example_backwards_can_be_checked_by_hand(qtbot):
    session = LessonSession()  # Fig. 8.5, targets 0, mse at every step
    panel = EquationPanel(session)
    qtbot.addWidget(panel)
    session.set_cursor(2)
    session.set_backward(True)
    lines = _lines(panel)
    assert lines[0].startswith("Backwards (BPTT), step t = 1")
    assert "∂L/∂yt = 2.73 − 0 = 2.73" in lines  # y_1 − target
    assert "∂L/∂ht = 2.73 · [1.0, 2.0] = [2.73, 5.45]" in lines  # only through W_y: the last
    assert any("nothing comes back from t + 1" in line for line in lines)
    assert "∂L/∂at = [2.73, 5.45] ⊙ [0.261, 0.219] = [0.711, 1.20]" in lines
    session.step_back()
    lines = _lines(panel)
    assert "∂L/∂yt = 1.56 − 0 = 1.56" in lines
    # t = 0: the output's share plus what came back from t = 1 through W_h
    assert "∂L/∂ht = [1.56, 3.12] + [0.310, 0.691] = [1.87, 3.81]" in lines
    assert any(line.startswith("step t adds ‖ht−1ᵀ · ∂L/∂at‖ = 0;") for line in lines)


def test_a_cell_with_a_memory_state_shows_dc_and_its_memory_path(qtbot):
    session = LessonSession()
    session.update(cell="lstm", model_source="init", hidden_size=2)
    panel = EquationPanel(session)
    qtbot.addWidget(panel)
    session.set_backward(True)
    session.set_cursor(1)
    text = panel.plain_text()
    assert "∂L/∂ct = ∂L/∂ct+1 ⊙ ft+1 + (through ht and the gates)" in text
    assert "memory path alone" in text
    session.update(cell="lstm_nofg", model_source="init")
    assert "∂L/∂ct = ∂L/∂ct+1 + (through ht and the gates)" in panel.plain_text()


def test_the_backward_button_turns_the_equations_backwards(qtbot):
    session = LessonSession()
    network = UnrolledNetworkView(session)
    panel = EquationPanel(session)
    for widget in (network, panel):
        qtbot.addWidget(widget)
    session.set_cursor(1)
    assert "Backwards" not in panel.plain_text()
    qtbot.mouseClick(network.backward_button, Qt.MouseButton.LeftButton)
    assert session.backward and "Backwards (BPTT)" in panel.plain_text()
    session.set_backward(False)
    assert not network.backward_button.isChecked()
    assert panel.plain_text().startswith("Step t = 0")
