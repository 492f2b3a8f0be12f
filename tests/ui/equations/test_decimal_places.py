"""Digits can count places after the point, so the textbook's 0.537 and 1.561 show
together (significant digits give 0.537 and 1.56)."""

from __future__ import annotations

from visualrnn.session import LessonSession
from visualrnn.ui.common.number_format import number_settings
from visualrnn.ui.equations.equation_panel import EquationPanel


def test_after_the_point_writes_the_textbooks_numbers(qtbot):
    session = LessonSession()
    panel = EquationPanel(session)
    qtbot.addWidget(panel)
    session.set_cursor(1)
    try:
        assert "= 1.56" in panel.plain_text() and "1.561" not in panel.plain_text()
        panel.digit_mode.setCurrentIndex(1)  # "after the point"
        text = panel.plain_text()
        assert "[0.537, 0.462]" in text and "= 1.561" in text
        session.set_cursor(2)
        assert "[0.860, 0.884]" in panel.plain_text() and "= 2.727" in panel.plain_text()
    finally:
        number_settings().set_decimals(False)


def test_the_rnn_line_can_write_out_w_and_b(qtbot):
    session = LessonSession()
    panel = EquationPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    session.set_cursor(1)
    assert "· W + b)" in panel.plain_text()
    assert panel.show_weights.isVisible()
    panel.show_weights.setChecked(True)
    line = "h = tanh([0, 0, 1] · [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]] + [0.1, −0.1])"
    assert line in panel.plain_text()
    session.update(cell="lstm", model_source="init", hidden_size=4)
    assert not panel.show_weights.isVisible()
