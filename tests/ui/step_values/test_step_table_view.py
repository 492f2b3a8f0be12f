"""The step table: a hint before the first step, then the cursor's step with its numbers."""

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.step_values.step_table_view import StepTableView

PRESETS = load_presets()[0]


def _table(qtbot, session):
    table = StepTableView(session)
    qtbot.addWidget(table)
    table.show()
    return table


def test_before_the_first_step_the_table_says_so_and_shows_no_numbers(qtbot):
    table = _table(qtbot, LessonSession(PRESETS["textbook"].config))
    assert table.title().startswith("No step taken yet")
    assert table.row_texts("h_t") == [] and table.io_text() == ""


def test_the_table_follows_the_cursor_with_the_textbook_numbers(qtbot):
    session = LessonSession(PRESETS["textbook"].config)
    table = _table(qtbot, session)
    session.set_cursor(1)
    assert table.title() == f"Step 1 of {session.T} (t = 0)"
    assert table.row_texts("h_t") == ["0.537", "0.462"]  # Fig. 8.5, t = 0
    assert table.column_labels() == ["unit 0", "unit 1"]
    session.set_cursor(0)
    assert table.row_texts("h_t") == []
