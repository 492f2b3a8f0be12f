"""The equation panel shows the step's numbers; digits, units and overflow."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from visualrnn.session.lesson import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.number_format import number_settings
from visualrnn.ui.equations.equation_panel import EquationPanel


@pytest.fixture(autouse=True)
def _default_digits():
    """The digits setting is app-wide: every test starts and ends at 3."""
    number_settings().set_digits(3)
    yield
    number_settings().set_digits(3)


def _panel(qtbot, session):
    panel = EquationPanel(session)
    qtbot.addWidget(panel)
    panel.resize(520, 400)
    panel.show()
    return panel


def test_textbook_numbers_at_t0_and_t1(qtbot):
    s = LessonSession()
    panel = _panel(qtbot, s)
    assert "first step" in panel.plain_text()
    s.step_forward()
    text = panel.plain_text()
    for number in ("0.537", "0.462", "1.56", "[0, 0, 1]", "tanh([0.6, 0.5])"):
        assert number in text
    s.step_forward()
    text = panel.plain_text()
    for number in ("0.860", "0.884", "2.73"):
        assert number in text


def test_digits_selector_changes_the_numbers(qtbot):
    s = LessonSession()
    panel = _panel(qtbot, s)
    s.set_cursor(1)
    panel.digits.clear()
    qtbot.keyClicks(panel.digits, "5")
    assert "0.53705" in panel.plain_text()


def test_show_all_units_for_large_h(qtbot):
    s = LessonSession()
    s.update(cell="lstm", model_source="init", hidden_size=32, input_text="1, 2")
    panel = _panel(qtbot, s)
    s.set_cursor(2)
    assert panel.show_all.isVisible()
    assert "…" in panel.plain_text()
    qtbot.mouseClick(panel.show_all, Qt.MouseButton.LeftButton)
    assert panel.show_all.isChecked()
    assert "…" not in panel.plain_text()


def test_overflow_is_written_as_overflow(qtbot):
    presets, _ = load_presets()
    config = presets["exploding"].config.replace(clip=None, spectral_radius=2000.0)
    s = LessonSession(config)
    assert not np.all(np.isfinite(s.trace.h))
    panel = _panel(qtbot, s)
    s.jump_to_end()
    assert "overflow" in panel.plain_text()


def test_stepping_rewrites_the_numbers_in_place(qtbot):
    """A step rewrites only the numbers: the text equals a freshly rendered panel's, and a
    teacher who scrolled down to the h line stays there."""
    s = LessonSession()
    s.update(cell="lstm", hidden_size=32, model_source="init")
    s.generate_input("sine", T=50, period=10.0)
    panel = _panel(qtbot, s)
    panel.resize(520, 200)
    s.set_cursor(3)
    bar = panel.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    s.set_cursor(4)
    assert bar.value() == bar.maximum() > 0
    fresh = _panel(qtbot, s)
    assert panel.plain_text() == fresh.plain_text()
    assert "Step t = 3" in panel.plain_text()


def test_digits_apply_to_the_network_cell_and_step_table(qtbot):
    from visualrnn.ui.cell.cell_internals_view import CellInternalsView
    from visualrnn.ui.network.unrolled_network_view import UnrolledNetworkView
    from visualrnn.ui.step_values.step_table_view import StepTableView

    presets, _ = load_presets()
    s = LessonSession(presets["textbook"].config)
    panel = _panel(qtbot, s)
    net, table, cell = UnrolledNetworkView(s), StepTableView(s), CellInternalsView(s)
    for w in (net, table, cell):
        qtbot.addWidget(w)
        w.resize(700, 500)
        w.show()
    s.set_cursor(2)
    net.finish_animations()
    assert table.row_texts("yₜ") == ["2.73"]
    assert net.network.cell_items()[1].data.y.texts == ["2.73"]
    panel.digits.setValue(4)
    assert number_settings().digits == 4
    assert table.row_texts("yₜ") == ["2.727"]
    assert table.row_texts("hₜ") == ["0.8597", "0.8837"]
    assert net.network.cell_items()[1].data.y.texts == ["2.727"]
    assert "xₜ = 2" in table.io_text() and "ℓₜ" in table.io_text()
