"""Transport bar: buttons and window-wide shortcuts move the cursor; play stops at the end."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton


def _button(window, action) -> QToolButton:
    return window.transport.widgetForAction(action)


def test_arrow_keys_step_and_table_shows_fig_8_5(window, qtbot):
    assert window.transport.position_label.text() == "step 0 / 2"
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right)
    assert window.session.cursor == 2
    assert window.transport.position_label.text() == "step 2 / 2 (t = 1)"
    assert window.step_table.row_texts("h_t") == ["0.860", "0.884"]
    assert window.step_table.row_texts("y_t") == ["2.73"]  # 3 significant digits, as Fig. 8.5
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Left)
    assert window.step_table.row_texts("h_t") == ["0.537", "0.462"]
    assert window.transport.slider.value() == 1


def test_home_end_and_buttons(window, qtbot):
    window.session.generate_input("sine", T=30)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_End)
    assert window.session.cursor == 30
    assert not window.transport.forward_action.isEnabled()
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Home)
    assert window.session.cursor == 0
    qtbot.mouseClick(_button(window, window.transport.forward_action), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(window, window.transport.forward_action), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(window, window.transport.back_action), Qt.MouseButton.LeftButton)
    assert window.session.cursor == 1
    qtbot.mouseClick(_button(window, window.transport.end_action), Qt.MouseButton.LeftButton)
    assert window.transport.position_label.text() == "step 30 / 30 (t = 29)"


def test_slider_scrubs_the_cursor(window):
    window.session.generate_input("sine", T=50)
    window.transport.slider.setValue(12)
    assert window.session.cursor == 12
    assert window.transport.position_label.text() == "step 12 / 50 (t = 11)"


def test_play_reaches_end_and_stops(window, qtbot):
    window.session.generate_input("sine", T=40)
    window.transport.speed_box.setCurrentIndex(window.transport.speed_box.count() - 1)
    assert window.session.speed == 64.0
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Space)
    assert window.session.playing
    assert window.transport.play_action.text() == "Pause"
    qtbot.waitUntil(lambda: not window.session.playing, timeout=5000)
    assert window.session.cursor == 40
    assert window.transport.play_action.text() == "Play"
    assert window.transport.position_label.text() == "step 40 / 40 (t = 39)"


def test_space_in_sequence_editor_types_instead_of_playing(window, qtbot):
    editor = window.sequence_editor.input_edit
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, ", 3")
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert not window.session.playing
    assert window.session.cursor == 0
    assert editor.toPlainText() == "1, 2, 3 "


def test_tooltips_name_the_shortcuts(window):
    assert "Space" in window.transport.play_action.toolTip()
    assert "Home" in window.transport.reset_action.toolTip()
    icon = window.transport.play_action.icon()
    assert not icon.isNull()
