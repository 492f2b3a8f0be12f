"""The parameters view: the textbook's numbers as it prints them, every gate block of the
gated cells in the engine's order, bounded for large H, following the session and the
text size."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QWidget

from visualrnn.engine.cellspec import CELL_SPECS
from visualrnn.session import LessonSession
from visualrnn.ui.common.cell_text import quantity_name
from visualrnn.ui.common.number_format import format_number, number_settings
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.parameters import create_panels
from visualrnn.ui.parameters.matrix_canvas import LIMIT
from visualrnn.ui.parameters.parameters_view import ParametersView


@pytest.fixture
def view(qtbot):
    def make(session=None, width=900, height=700):
        widget = ParametersView(session or LessonSession())
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    yield make
    font_scale().set_scale(1.0)
    number_settings().set_digits(3)


def _fmt(values):
    return [[format_number(v, 3, 1) for v in row] for row in np.atleast_2d(values)]


def test_the_textbook_lesson_shows_fig_8_5s_parameters_as_printed(view):
    v = view()
    assert v.matrix_texts("W_h") == [["0.1", "0.2"], ["0.3", "0.4"]]
    assert v.matrix_texts("W_x") == [["0.5", "0.6"]]
    assert v.matrix_texts("b") == [["0.1", "−0.1"]]
    assert v.matrix_texts("W_y") == [["1.0"], ["2.0"]]  # W_y = [1.0, 2.0]ᵀ as Fig. 8.5 prints it
    assert v.matrix_texts("b_y") == [["0.1"]]
    assert len(v.groups()) == 2 and "用于输出的全连接层" in v.group_titles()[1]
    assert "H = 2" in v.header_text()


def test_a_tooltip_names_the_parameter_its_row_and_column_and_its_equation(view):
    tip = view().tooltip_for("W_h", 0, 1)
    assert "W<sub>h</sub>[0, 1] = 0.2" in tip
    assert "h₀" in tip and "a₁" in tip  # from unit 0 of h_{t−1} into unit 1 of a
    assert "acts in: a = [h<sub>t−1</sub>, x<sub>t</sub>] · W + b" in tip
    assert "weight_hh_l0[0:2]ᵀ" in tip


def test_an_lstm_shows_its_four_blocks_in_the_engines_order_transposed(view):
    session = LessonSession()
    session.set_cell("lstm")
    session.update(hidden_size=3)
    v = view(session)
    spec, model = CELL_SPECS["lstm"], session.model
    titles = v.group_titles()
    assert titles[:4] == [quantity_name(spec.quantity(b)) for b in spec.blocks]
    assert titles[:4] == [
        "input gate i (输入门)",
        "forget gate f (遗忘门)",
        "candidate z (输入值)",
        "output gate o (输出门)",
    ]
    for k, block in enumerate(spec.blocks):
        assert v.matrix_texts(f"W_h{block}") == _fmt(model.block("weight_hh_l0", block).T)
        assert v.matrix_texts(f"W_x{block}") == _fmt(model.block("weight_ih_l0", block).T)
        bias = model.block("bias_ih_l0", block) + model.block("bias_hh_l0", block)
        assert v.matrix_texts(f"b_{block}") == _fmt(bias)
        assert v.groups()[k].key == block
    data = v.figure_data()
    np.testing.assert_array_equal(data["W_hf"], model.block("weight_hh_l0", "f").T)
    np.testing.assert_array_equal(data["W_y"], model.params["head.weight"].T)


def test_the_1997_lstm_shows_three_blocks_and_the_gru_keeps_b_hn_apart(view):
    session = LessonSession()
    session.set_cell("lstm_nofg")
    v = view(session)
    assert [g.key for g in v.groups()] == ["i", "z", "o", ""]
    session.set_cell("gru")
    symbols = [[p.symbol for p in g.parts] for g in v.groups()]
    assert symbols[2] == ["W_hn", "W_in", "b_in", "b_hn"]  # b_hn sits inside r ⊙ ( )
    assert symbols[0] == ["W_hr", "W_ir", "b_ir + b_hr"]
    b_hn = session.model.block("bias_hh_l0", "n")
    assert v.matrix_texts("b_hn") == _fmt(b_hn)


def test_switching_the_cell_and_loading_weights_update_the_view(view):
    session = LessonSession()
    v = view(session)
    assert v.matrix_texts("W_h") == [["0.1", "0.2"], ["0.3", "0.4"]]
    session.set_cell("lstm")
    assert len(v.groups()) == 5 and v.matrix_texts("W_h") == []
    session.set_cell("rnn")
    model = session.model.with_params(weight_hh_l0=np.full((2, 2), 0.25))
    assert session.load_model(model)
    assert v.matrix_texts("W_h") == [["0.25", "0.25"], ["0.25", "0.25"]]


def test_a_cursor_step_redoes_nothing(view):
    session = LessonSession()
    v = view(session)
    hits = v.canvas.hits()
    session.set_cursor(1)
    session.set_cursor(2)
    assert all(a is b for a, b in zip(v.canvas.hits(), hits, strict=True))


def test_h_64_stays_bounded_and_says_what_it_leaves_out(view):
    session = LessonSession()
    session.set_cell("lstm")
    session.update(hidden_size=64)
    v = view(session, 1600, 1000)
    widgets_before = len(v.findChildren(QWidget))
    rows = v.matrix_texts("W_hf")
    assert len(rows) == LIMIT - 1 and all(len(r) <= LIMIT - 1 for r in rows)
    assert len(v.canvas.hits()) < 5 * 4 * LIMIT * LIMIT
    assert v.canvas.width() < 4000 and v.canvas.height() < 4000
    assert any("of 64 columns shown" in t for t in v.canvas.texts())
    assert v.figure_data()["W_hf"].shape == (64, 64)  # the export has them all
    session.update(hidden_size=2)
    session.update(hidden_size=64)
    assert len(v.findChildren(QWidget)) == widgets_before


def test_a_larger_text_size_grows_the_numbers(view):
    v = view()
    small = v.canvas.hits()[0].rect
    font_scale().set_scale(1.6)
    large = v.canvas.hits()[0].rect
    assert large.height() > 1.4 * small.height() and large.width() > 1.3 * small.width()
    assert v.matrix_texts("W_h") == [["0.1", "0.2"], ["0.3", "0.4"]]


def test_the_digits_setting_is_followed(view):
    session = LessonSession()
    session.set_cell("lstm")
    v = view(session)
    number_settings().set_digits(5)
    value = session.model.block("weight_hh_l0", "i")[0, 0]
    assert v.matrix_texts("W_hi")[0][0] == format_number(value, 5, 1)


def test_hovering_a_number_marks_it_and_says_which_parameter(view, qtbot):
    v = view()
    hit = next(h for h in v.canvas.hits() if h.text == "0.6")
    seen = []
    v.canvas.parameter_hovered.connect(lambda block, symbol: seen.append((block, symbol)))
    qtbot.mouseMove(v.canvas, hit.rect.center().toPoint())
    assert seen and seen[-1] == ("a", "W_x")
    assert v.canvas.tooltip_at(QPointF(hit.rect.center())).startswith("<b>W<sub>x</sub>[0, 1]")


def test_the_panel_goes_in_the_right_dock(qtbot):
    (panel,) = create_panels(LessonSession())
    qtbot.addWidget(panel.widget)
    assert panel.key == "parameters" and panel.title == "Parameters"
