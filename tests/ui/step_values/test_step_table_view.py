"""The step table: a hint before the first step, then the cursor's step with its numbers."""

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.step_values.step_table_view import StepTableView

PRESETS = load_presets()[0]


def _table(qtbot, session):
    table = StepTableView(session)
    qtbot.addWidget(table)
    table.resize(700, 420)
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
    from PySide6.QtGui import QColor

    from visualrnn.ui.common.theme import OVERFLOW_COLOR

    session = LessonSession(PRESETS["textbook"].config)
    session.update(activation="identity", spectral_radius=50.0, model_source="init")
    session.set_sequence_length(400)
    table = _table(qtbot, session)
    session.set_cursor(400)
    assert "overflow" in table.row_texts("h_t")
    row = table.row_symbols().index("hₜ") - 1
    assert table.text_color("h_t", 0) == QColor(OVERFLOW_COLOR)
    assert _has_ink(table, row, 0, QColor(OVERFLOW_COLOR))  # what is painted, not only kept
    session.set_cursor(1)
    assert "overflow" not in table.row_texts("h_t")
    assert table.text_color("h_t", 0) != QColor(OVERFLOW_COLOR)
    assert not _has_ink(table, row, 0, QColor(OVERFLOW_COLOR))


def _has_ink(table, row, column, color, tolerance=60) -> bool:
    """Whether the painted cell (row, column) has pixels close to ``color``."""
    grid = table._table
    image = grid.viewport().grab(grid.cell_rect(row, column)).toImage()
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - color.red())
                + abs(c.green() - color.green())
                + abs(c.blue() - color.blue())
                < tolerance
            ):
                return True
    return False


def test_the_values_line_wraps_in_a_narrow_panel_and_stays_one_line_in_a_wide_one(qtbot):
    """One line when it fits; in a narrow panel it breaks between its parts only."""
    session = LessonSession(PRESETS["textbook"].config)
    table = _table(qtbot, session)
    session.set_cursor(1)
    table.resize(1400, 500)
    qtbot.waitUntil(lambda: "\n" not in table.io_text())
    one_line = table._io.height()
    table.resize(220, 500)
    qtbot.waitUntil(lambda: table._io.height() > 1.5 * one_line)
    assert table._io.width() <= 220  # the panel's width, not the line's
    session.set_cursor(2)  # a step keeps the breaks the width needs
    lines = table.io_text().split("\n")
    assert len(lines) > 1 and lines[0].startswith("input xₜ = ")
    assert all(line.split()[0] in ("input", "output", "loss") for line in lines)


def test_a_chinese_values_line_breaks_between_its_parts_never_inside_a_word(qtbot):
    """Qt broke 损失 into 损 / 失 at the end of a line: the breaks are between parts."""
    from PySide6.QtWidgets import QApplication

    from visualrnn.ui.shell.language import install_translators

    install_translators(QApplication.instance(), "zh_CN")
    try:
        session = LessonSession(PRESETS["textbook"].config)
        table = _table(qtbot, session)
        session.set_cursor(1)
        for width in range(200, 700, 25):
            table.resize(width, 500)
            qtbot.waitUntil(lambda w=width: table.width() == w)
            lines = _laid_out_lines(table._io)
            assert all(line.split()[0] in ("输入", "输出", "损失") for line in lines), lines
    finally:
        install_translators(QApplication.instance(), "en")


def test_in_chinese_an_overflowed_value_reads_the_textbook_word_in_table_and_equations(qtbot):
    """No English "overflow" left in a Chinese lesson: the table and the equations say 溢出."""
    from PySide6.QtWidgets import QApplication

    from visualrnn.ui.equations.equation_panel import EquationPanel
    from visualrnn.ui.shell.language import install_translators

    session = LessonSession(PRESETS["textbook"].config)
    session.update(activation="identity", spectral_radius=50.0, model_source="init")
    session.set_sequence_length(400)
    install_translators(QApplication.instance(), "zh_CN")
    try:
        table, equations = _table(qtbot, session), EquationPanel(session)
        qtbot.addWidget(equations)
        session.set_cursor(400)
        assert "溢出" in table.row_texts("h_t") and "overflow" not in table.row_texts("h_t")
        assert "溢出" in equations.plain_text() and "overflow" not in equations.plain_text()
    finally:
        install_translators(QApplication.instance(), "en")


def _laid_out_lines(label) -> list[str]:
    """The lines ``label`` shows, as its text layout breaks them at its width (soft wraps
    too, which its text does not contain)."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml(label.text())
    doc.setTextWidth(label.contentsRect().width() if label.wordWrap() else -1)
    doc.size()  # lays the document out
    lines, block = [], doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for k in range(layout.lineCount()):
            line = layout.lineAt(k)
            start, n = line.textStart(), line.textLength()
            lines += [t.strip() for t in text[start : start + n].split("\u2028") if t.strip()]
        block = block.next()
    return lines
