"""A shorter trace never reaches a view with the cursor past its end."""

from visualrnn.session import LessonSession
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
