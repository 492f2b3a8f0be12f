"""The equation formatter: pure strings, the textbook's worked example (Fig. 8.5)."""

import numpy as np

from visualrnn.session.lesson import LessonSession
from visualrnn.ui.common.number_format import NumberFormat, format_number
from visualrnn.ui.equations.equation_text import cell_equations


def test_numbers_are_written_like_the_textbook():
    assert format_number(0.85973818) == "0.860"
    assert format_number(0.6000000000000001) == "0.6"
    assert format_number(2.72707101) == "2.73"
    assert format_number(1.0, 3, 1) == "1.0"
    assert format_number(float("inf")) == "overflow"
    assert format_number(np.nan) == "overflow"
    assert format_number(-0.5) == "\u22120.5"


def test_textbook_t0_and_t1(qapp):
    s = LessonSession()
    lines = [e.substituted for e in cell_equations(s.trace.step(0), s.model, NumberFormat())]
    assert lines == [
        "h = tanh([0, 0, 1] · W + b) = tanh([0.6, 0.5]) = [0.537, 0.462]",
        "y = [0.537, 0.462] · [1.0, 2.0]ᵀ + 0.1 = 1.56",
    ]
    t1 = [e.substituted for e in cell_equations(s.trace.step(1), s.model, NumberFormat())]
    assert t1[0].endswith("= [0.860, 0.884]") and t1[1].endswith("= 2.73")


def test_long_vectors_show_first_units_and_the_selected_one(qapp):
    s = LessonSession()
    s.update(cell="gru", model_source="init", hidden_size=32, input_text="1, 2, 3")
    step = s.trace.step(2)
    short = cell_equations(step, s.model, NumberFormat(selected=17))
    keys = [e.key for e in short]
    assert keys == ["r", "z", "n", "h", "y"]
    h = short[3].substituted
    assert "unit 17: " + format_number(step["h"][17]) in h and "…" in h
    full = cell_equations(step, s.model, NumberFormat(show_all=True))[3].substituted
    assert format_number(step["h"][31]) in full and "…" not in full


def test_lstm_names_every_gate_as_the_textbook_does(qapp):
    s = LessonSession()
    s.update(cell="lstm", model_source="init", hidden_size=2)
    eqs = cell_equations(s.trace.step(0), s.model, NumberFormat())
    assert [e.key for e in eqs] == ["i", "f", "z", "o", "c", "h", "y"]  # the engine's order
    assert eqs[3].general == "o = σ([h_{t−1}, x_t] · W_o + b_o)"
    assert eqs[4].general == "c = f ⊙ c_{t−1} + i ⊙ z"
    names = " ".join(e.name for e in eqs)
    for name in ("遗忘门", "输入门", "输出门", "输入值"):
        assert name in names


def test_rich_vectors_never_wrap_inside_their_brackets():
    fmt = NumberFormat(rich=True)
    assert fmt.vec([0.86, 0.884]) == "[0.86,\u00a00.884]"
    assert " " not in fmt.concat([0.5, 0.25], [2.0])
    assert NumberFormat().vec([0.86, 0.884]) == "[0.86, 0.884]"


def test_the_1997_lstm_has_no_forget_gate_line(qapp):
    s = LessonSession()
    s.update(cell="lstm_nofg", model_source="init", hidden_size=2)
    eqs = cell_equations(s.trace.step(1), s.model, NumberFormat())
    assert [e.key for e in eqs] == ["i", "z", "o", "c", "h", "y"]
    assert eqs[3].general == "c = c_{t−1} + i ⊙ z"
    assert "遗忘门" not in " ".join(e.name for e in eqs)
