"""Every preset says what to notice, above the views, in the interface's language."""

from __future__ import annotations

import pytest

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.shell.main_window import MainWindow

PRESETS = load_presets()[0]


@pytest.fixture
def window(qtbot):
    window = MainWindow(LessonSession(), PRESETS)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("name", ["textbook", "vanishing", "exploding", "lstm_memory"])
def test_the_preset_says_what_to_notice(window, name):
    window.select_preset(name)
    bar = window.notice_bar
    assert bar.isVisible() and bar.text().startswith("What to notice:")
    assert bar.text() == PRESETS[name].notice


def test_the_exploding_preset_says_it_is_a_linear_rnn(window):
    window.select_preset("exploding")
    assert "linear RNN (φ = identity, no tanh)" in window.notice_bar.text()


def test_the_note_can_be_closed_and_a_new_lesson_brings_its_own(window, qtbot):
    window.select_preset("vanishing")
    window.notice_bar.close_button.click()
    assert not window.notice_bar.isVisible()
    window.select_preset("truncated")
    assert window.notice_bar.isVisible() and "k = 20" in window.notice_bar.text()


def test_the_note_hides_while_the_lesson_shows_another_cell(window, qtbot):
    """The LSTM lesson's note (∂L/∂c, f ≈ 0.98) does not describe a GRU: switching the cell
    type hides it, switching back shows it again."""
    window.select_preset("lstm_memory")
    assert window.notice_bar.isVisible()
    _pick_cell(window, "gru")
    assert window.session.wait_until_computed(10) and window.session.config.cell == "gru"
    qtbot.waitUntil(lambda: not window.notice_bar.isVisible())
    assert "f ≈ 0.98" in window.notice_bar.text()  # kept, only hidden
    _pick_cell(window, "lstm")
    qtbot.waitUntil(lambda: window.notice_bar.isVisible())


def test_the_note_hides_while_the_lesson_shows_another_sequence(window, qtbot):
    """The note's numbers ("over 100 steps") belong to the lesson's sequence: a new length
    or the training lab's task hides it; the lesson's own length brings it back."""
    window.select_preset("lstm_memory")
    seq = window.sequence_editor
    assert window.notice_bar.isVisible() and window.session.T == 100
    seq.length_spin.setValue(40)
    assert window.session.wait_until_computed(10) and window.session.T == 40
    qtbot.waitUntil(lambda: not window.notice_bar.isVisible())
    seq.length_spin.setValue(100)
    assert window.session.wait_until_computed(10)
    qtbot.waitUntil(lambda: window.notice_bar.isVisible())
    lab = window.panel_widget("training_lab").training
    assert lab.set_settings(task="sky_color", length=5) and lab.prepare_lesson(hidden=8)
    assert window.session.wait_until_computed(10)
    qtbot.waitUntil(lambda: not window.notice_bar.isVisible())


def test_a_closed_note_stays_closed_when_the_cell_comes_back(window, qtbot):
    window.select_preset("lstm_memory")
    window.notice_bar.close_button.click()
    window.session.set_cell("gru")
    window.session.set_cell("lstm")
    assert window.session.wait_until_computed(10)
    qtbot.wait(50)
    assert not window.notice_bar.isVisible()


def _pick_cell(window, cell: str) -> None:
    """Choose ``cell`` in the toolbar's cell box, as a click on an item does."""
    box = window.model_toolbar.cell_box
    box.setCurrentIndex(box.findData(cell))
    box.activated.emit(box.currentIndex())
