"""Regressions found in review: a shorter lesson with the cursor at the end, text-mode
length changes, and compare mode for a size only one cell can compute."""

from visualrnn.session import LessonConfig, LessonSession
from visualrnn.session.presets import load_presets

PRESETS = load_presets()[0]


def test_the_cursor_is_in_range_before_views_hear_of_a_shorter_trace(qtbot):
    session = LessonSession(PRESETS["lstm_memory"].config)
    session.jump_to_end()
    seen = []

    def read_current_step():  # what every view does on trace_changed
        seen.append(session.trace.step(session.step) if session.step is not None else None)

    session.trace_changed.connect(read_current_step)
    with qtbot.waitSignal(session.cursor_changed):
        assert session.set_input_text("1, 2, 3")  # T: 100 → 3, cursor 100 → 3
    assert session.cursor == 3 and seen[-1]["t"] == 2


def test_text_mode_length_repeats_or_cuts_the_typed_text(qtbot):
    config = LessonConfig(model_source="init", input_mode="text", input_text="hello", loss="ce")
    session = LessonSession(config)
    assert session.set_sequence_length(12)
    assert session.config.input_text == "hellohellohe" and session.config.input_mode == "text"
    assert session.trace.x.shape == (12, 4)  # vocabulary h, e, l, o
    assert session.set_sequence_length(3) and session.config.input_text == "hel"


def test_compare_mode_leaves_out_a_cell_too_large_to_compute(qtbot):
    config = LessonConfig(
        cell="rnn", hidden_size=512, model_source="init", input_text="0.5 " * 4000
    )
    session = LessonSession(config)
    results = session.compare_results()
    assert set(results) == {"rnn"}
    assert "too large" in session.compare_errors["lstm"]
    assert "too large" in session.compare_errors["gru"]
