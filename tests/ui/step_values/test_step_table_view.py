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


def test_an_overflowed_value_reads_overflow_in_red_and_a_finite_one_after_it_does_not(qtbot):
    """Identity activation with ρ = 50: h overflows to inf after a few hundred steps. The
    table says "overflow" in the overflow colour there, and goes back to plain numbers in
    the default colour at an early step."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from visualrnn.ui.common.theme import OVERFLOW_COLOR

    session = LessonSession(PRESETS["textbook"].config)
    session.update(activation="identity", spectral_radius=50.0, model_source="init")
    session.set_sequence_length(400)
    table = _table(qtbot, session)
    session.set_cursor(400)
    assert "overflow" in table.row_texts("h_t")
    item = table._table.item(table.row_symbols().index("hₜ") - 1, 0)
    assert item.foreground().color() == QColor(OVERFLOW_COLOR)
    session.set_cursor(1)
    assert "overflow" not in table.row_texts("h_t")
    assert item.data(Qt.ItemDataRole.ForegroundRole) is None
