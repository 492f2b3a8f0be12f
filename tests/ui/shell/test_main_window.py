"""The main window: opens on the textbook preset, presets and cells update every part,
the font scale grows the panels, and errors in handlers are survived."""

import math
import sys

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from visualrnn.ui.common.panels import CENTRAL
from visualrnn.ui.shell.exception_hook import ExceptionHook, log_path


def test_opens_with_the_textbook_preset(window):
    assert "Textbook example (Fig. 8.5)" in window.windowTitle()
    assert window.model_toolbar.preset_box.currentText() == "Textbook example (Fig. 8.5)"
    assert window.session.T == 2 and window.session.model.cell == "rnn"
    assert window.model_toolbar.cell_box.currentText() == "RNN"
    assert window.model_toolbar.hidden_spin.value() == 2
    assert window.sequence_editor.input_edit.toPlainText() == "1, 2"
    central = [p.widget for p in window.panels if p.area == CENTRAL]
    if central:
        assert window.central_panel is central[0]
        assert window.centralWidget().widget() is central[0]
        assert window.docks["step_table"].widget().widget() is window.step_table
    else:
        assert window.central_panel is window.step_table
    assert "RNN" in window.status_text() and "H = 2" in window.status_text()
    assert "T = 2" in window.status_text()
    assert isinstance(window.docks["sequence"], QDockWidget)


def test_preset_tooltips_are_the_descriptions(window, presets):
    box = window.model_toolbar.preset_box
    tip = box.itemData(box.findData("lstm_memory"), Qt.ItemDataRole.ToolTipRole)
    assert tip == presets["lstm_memory"].description


def test_switching_presets_updates_everything(window, qtbot):
    box = window.model_toolbar.preset_box
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right)
    index = box.findData("lstm_memory")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    session = window.session
    assert session.model.cell == "lstm" and session.T == 100 and session.cursor == 0
    assert "LSTM keeps a long memory" in window.windowTitle()
    assert window.model_toolbar.cell_box.currentText() == "LSTM"
    assert window.model_toolbar.hidden_spin.value() == 16
    assert window.model_toolbar.seed_spin.value() == 3
    assert window.transport.position_label.text() == "step 0 / 100"
    assert window.transport.slider.maximum() == 100
    assert window.sequence_editor.generator_buttons["noise"].isChecked()
    assert "loss only at the last step" in window.status_text()
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_End)
    assert window.step_table.row_symbols()[:5] == ["xₜ", "i", "f", "z", "o"]
    assert len(window.step_table.row_texts("c_t")) == 16
    assert window.step_table.column_labels()[:2] == ["unit 0", "unit 1"]


def test_switching_cell_types_updates_everything(window, qtbot):
    toolbar = window.model_toolbar
    for index, cell, rows in ((2, "gru", ["r", "z", "n"]), (1, "lstm", ["f", "i", "z", "o"])):
        toolbar.cell_box.setCurrentIndex(index)
        toolbar.cell_box.activated.emit(index)
        qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right)
        assert window.session.model.cell == cell
        assert all(r in window.step_table.row_symbols() for r in rows)
        assert cell.upper() in window.status_text()
    toolbar.hidden_spin.setValue(5)
    assert window.session.trace.H == 5
    assert len(window.step_table.row_texts("h_t")) == 5
    toolbar.rho_spin.setValue(0.5)
    stats = window.session.recurrent_stats()
    assert window.session.config.spectral_radius == 0.5
    assert stats["spectral_radius"] > 0
    seed = window.session.config.seed
    qtbot.mouseClick(toolbar.reroll_button, Qt.MouseButton.LeftButton)
    assert window.session.config.seed != seed
    assert toolbar.seed_spin.value() == window.session.config.seed
    h = window.session.trace.h.copy()
    toolbar.seed_spin.setValue(7)
    qtbot.mouseClick(toolbar.reset_button, Qt.MouseButton.LeftButton)
    assert window.session.config.seed == 7
    assert (window.session.trace.h != h).any()


def test_font_scale_changes_panel_fonts(window, qtbot):
    before_table = window.step_table.font().pointSizeF()
    before_editor = window.sequence_editor.input_edit.font().pointSizeF()
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.step_table.font().pointSizeF() > before_table * 1.2)
    assert window.sequence_editor.input_edit.font().pointSizeF() > before_editor * 1.2
    assert window.transport.position_label.font().pointSizeF() > before_table
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: abs(window.step_table.font().pointSizeF() - before_table) < 0.01)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.step_table.font().pointSizeF() < before_table)


def test_view_menu_toggles_docks_and_full_screen(window):
    menu = window.view_menu
    titles = [a.text() for a in menu.actions()]
    assert "Input sequence" in titles and "Full screen" in titles
    dock_action = window.docks["sequence"].toggleViewAction()
    dock_action.trigger()
    assert not window.docks["sequence"].isVisible()
    dock_action.trigger()
    assert window.docks["sequence"].isVisible()
    assert menu.fullscreen_action.shortcut().toString() == "F11"


def test_overflow_is_shown_as_overflow(window, presets):
    window.select_preset("exploding")
    window.session.update(
        input_text="1000, 1000, 1000",
        generator=None,
        activation="identity",
        spectral_radius=1000.0,
        hidden_size=4,
        model_source="init",
    )
    window.session.set_sequence_length(200)
    window.session.jump_to_end()
    texts = window.step_table.row_texts("h_t")
    if window.session.trace.finite:
        raise AssertionError("this configuration is meant to overflow")
    assert "overflow" in texts
    assert "overflow" in window.status_text()
    assert not math.isfinite(window.session.trace.loss)  # L reads the table's word, not NaN
    assert "L = overflow" in window.status_text() and "NaN (" not in window.status_text()


def test_exception_in_a_handler_is_survived(window, qtbot, tmp_path, monkeypatch):
    QStandardPaths.setTestModeEnabled(True)
    hook = ExceptionHook(window.session, window)
    hook.exception_caught.connect(window.show_exception)
    window.session.generate_input("sine", T=200)
    window.session.play()
    hook.install()
    try:

        def broken(_cursor):
            raise RuntimeError("boom in a view")

        window.session.cursor_changed.connect(broken)
        qtbot.waitUntil(lambda: not window.session.playing, timeout=3000)
        window.session.cursor_changed.disconnect(broken)
    finally:
        hook.uninstall()
        QStandardPaths.setTestModeEnabled(False)
    assert sys.excepthook is not hook.handle
    assert "boom in a view" in window.error_label.text()
    assert window.details_button.isVisible()
    assert window.session.cursor < 200
    assert "RuntimeError: boom in a view" in window._exception_details
    QStandardPaths.setTestModeEnabled(True)
    assert "boom in a view" in log_path().read_text(encoding="utf-8")
    QStandardPaths.setTestModeEnabled(False)
    qtbot.mouseClick(window.details_button, Qt.MouseButton.LeftButton)
    assert window._details_box.detailedText().startswith("Traceback")
    window._details_box.close()
    QApplication.processEvents()


def test_the_toolbar_says_when_the_lesson_differs_from_its_preset(window, qtbot):
    label = window.model_toolbar.modified_label
    assert not label.isVisible()
    window.model_toolbar.cell_box.setCurrentIndex(window.model_toolbar.cell_box.findData("gru"))
    window.model_toolbar.cell_box.activated.emit(window.model_toolbar.cell_box.currentIndex())
    qtbot.waitUntil(label.isVisible)
    assert window.session.model.cell == "gru"
    window.select_preset("textbook")
    qtbot.waitUntil(lambda: not label.isVisible())
