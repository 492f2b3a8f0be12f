"""Bugs a lecturer's rehearsal found, each kept fixed: the textbook's weights survive a
trip through text mode, Reset weights restores the lesson's own weights, a lesson opens at
its first step, and the lesson box asks the window before it replaces the lesson."""

from __future__ import annotations

import numpy as np
import pytest

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.shell.main_window import MainWindow

TEXTBOOK_Y = [1.56128388, 2.72707101]


@pytest.fixture
def window(qtbot):
    presets, _ = load_presets()
    window = MainWindow(LessonSession(presets["textbook"].config), presets)
    qtbot.addWidget(window)
    window.model_toolbar.select_preset("textbook")
    return window


def test_text_mode_and_back_keeps_the_textbook_weights(window, qtbot):
    editor, session = window.sequence_editor, window.session
    editor.text_radio.click()
    assert session.config.input_mode == "text" and session.config.model_source == "init"
    editor.numbers_radio.click()
    editor.input_edit.setPlainText("1, 2")
    session.flush_pending()
    qtbot.waitUntil(lambda: session.config.input_text == "1, 2")
    np.testing.assert_allclose(session.trace.y.ravel(), TEXTBOOK_Y, atol=1e-8)
    assert not window.model_toolbar._modified_action.isVisible()  # no "(changed)"


def test_reset_weights_restores_the_lessons_own_weights(window):
    session = window.session
    session.update(model_source="init")  # e.g. what a trip through text mode leaves
    assert not np.allclose(session.trace.y.ravel(), TEXTBOOK_Y)
    window.model_toolbar.reset_button.click()
    assert session.config.model_source == "textbook"
    np.testing.assert_allclose(session.trace.y.ravel(), TEXTBOOK_Y, atol=1e-8)


def test_a_lesson_opens_at_its_first_step(window):
    window.session.jump_to_end()
    assert window.select_preset("vanishing")
    assert window.session.cursor == 0 and window.session.T == 100


def test_the_lesson_box_asks_the_window_and_shows_the_open_lesson(window):
    box = window.model_toolbar.preset_box
    window.lessons.may_discard = lambda: False  # the teacher answers "Cancel"
    index = box.findData("vanishing")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert window.session.T == 2  # still the textbook lesson
    assert box.currentData() == "textbook"


def test_the_toolbar_names_the_rho_the_lab_shows(window):
    window.select_preset("lstm_memory")
    rho = window.session.recurrent_stats()["spectral_radius"]
    assert window.model_toolbar.rho_spin.text() == f"default ({rho:.2f})"


def test_loaded_weights_are_named_in_the_title(window, tmp_path):
    from visualrnn.engine import init_model, save_weights

    path = tmp_path / "trained.safetensors"
    save_weights(init_model("gru", 1, 3, 1, seed=2), path)
    assert window.file_menu.load_weights(str(path))
    assert "with the weights of trained.safetensors" in window.windowTitle()
    rho = window.session.recurrent_stats()["spectral_radius"]  # no "default": the file's ρ
    assert window.model_toolbar.rho_spin.text() == f"of the weights ({rho:.2f})"
    window.select_preset("vanishing")
    assert "trained.safetensors" not in window.windowTitle()


def test_weights_refused_in_text_mode_say_what_the_six_is(window, tmp_path):
    from visualrnn.engine import init_model, save_weights

    window.sequence_editor.text_radio.click()
    assert window.session.wait_until_computed(10)
    path = tmp_path / "three_inputs.safetensors"
    save_weights(init_model("lstm", 3, 3, 1, seed=2), path)
    assert not window.file_menu.load_weights(str(path))
    assert "one per distinct character" in window.error_label.text()
