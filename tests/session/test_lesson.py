"""LessonSession: compute once per change, never on cursor moves; errors keep the trace."""

import numpy as np
import pytest

from visualrnn.engine import CELL_SPECS
from visualrnn.session import LessonConfig, LessonSession


@pytest.fixture
def session(qapp):
    return LessonSession()


def test_default_is_the_textbook_example(session):
    assert session.T == 2
    np.testing.assert_allclose(session.trace.h[1], [0.85973818, 0.88366641], atol=1e-8)
    assert session.cursor == 0 and session.step is None


def test_config_change_recomputes_once(session, qtbot):
    with qtbot.waitSignal(session.trace_changed) as blocker:
        assert session.update(hidden_size=8, model_source="init")
    assert blocker.signal_triggered
    counts = []
    session.trace_changed.connect(lambda: counts.append(1))
    session.update(seed=5, model_source="init")
    assert len(counts) == 1
    assert session.trace.H == 8 and session.config.seed == 5


def test_cursor_moves_compute_nothing(session):
    session.generate_input("sine", T=50)
    result = session.result
    changes = []
    session.trace_changed.connect(lambda: changes.append(1))
    cursors = []
    session.cursor_changed.connect(cursors.append)
    session.step_forward()
    session.step_forward()
    session.step_back()
    session.jump_to_end()
    session.set_cursor(10)
    session.rewind()
    assert session.result is result
    assert changes == []
    assert cursors == [1, 2, 1, 50, 10, 0]


def test_cursor_is_clamped(session):
    session.set_cursor(99)
    assert session.cursor == 2 and session.step == 1
    session.set_cursor(-3)
    assert session.cursor == 0


def test_bad_input_keeps_last_trace_and_names_step(session, qtbot):
    result = session.result
    with qtbot.waitSignal(session.error_changed) as blocker:
        assert not session.set_input_text("1, x, 3")
    source, message = blocker.args
    assert source == "input"
    assert "step 2" in message and '"x"' in message
    assert session.result is result
    assert session.config.input_text == "1, 2"
    assert session.error_location("input") == (2, "x")
    with qtbot.waitSignal(session.error_changed) as blocker:
        assert session.set_input_text("1, 2, 3")
    assert blocker.args == ["input", ""]
    assert session.T == 3 and session.errors == {}


def test_preset_clears_all_errors(session, qtbot):
    session.set_input_text("1, x")
    session.set_targets_text("y")
    assert set(session.errors) == {"input", "targets"}
    cleared = []
    session.error_changed.connect(lambda s, m: cleared.append((s, m)))
    assert session.set_config(LessonConfig(cell="gru", hidden_size=4, model_source="init"))
    assert session.errors == {}
    assert ("input", "") in cleared and ("targets", "") in cleared


def test_bad_config_reports_and_keeps_trace(session):
    result = session.result
    errors = []
    session.error_changed.connect(lambda s, m: errors.append((s, m)))
    assert not session.update(hidden_size=0, model_source="init")
    assert session.result is result
    assert errors and errors[0][0] == "config" and "hidden size" in errors[0][1]


def test_set_cell_leaves_textbook_weights(session):
    assert session.set_cell("lstm")
    assert session.model.cell == "lstm" and session.config.model_source == "init"
    assert set(session.trace.gates) == {"i", "f", "z", "o"}


def test_compare_results_cached_per_trace(session):
    session.generate_input("sine", T=20)
    first = session.compare_results()
    assert set(first) == {"rnn", "lstm", "gru", "lstm_nofg"}  # every CellSpec, in order
    assert list(first) == list(CELL_SPECS)
    assert first["rnn"] is session.result
    assert session.compare_results() is first
    assert first["lstm"].trace.T == 20 and first["gru"].trace.H == session.trace.H
    session.update(seed=2, model_source="init")
    assert session.compare_results() is not first


def test_error_pauses_playback(session):
    session.generate_input("sine", T=50)
    session.play()
    assert session.playing
    session.set_input_text("oops")
    assert not session.playing


def test_a_lesson_too_large_to_compute_live_is_refused_and_the_last_trace_kept(qtbot):
    from visualrnn.session import LessonConfig, LessonSession

    session = LessonSession(LessonConfig(cell="lstm", hidden_size=8, model_source="init"))
    before = session.result
    with qtbot.waitSignal(session.error_changed) as blocker:
        assert not session.update(hidden_size=512, input_text="0 " * 4000)
    source, message = blocker.args
    assert source == "config" and "too large to compute live" in message
    assert "H = 512" in message and session.result is before
