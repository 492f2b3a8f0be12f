"""Typing in the sequence, ← → move the text cursor; the status bar says so, and Esc hands
the keyboard back so ← → step the lesson again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.shell.main_window import MainWindow


def test_esc_in_the_text_box_gives_the_arrows_back_to_stepping(qtbot):
    window = MainWindow(LessonSession(), load_presets()[0])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    editor = window.sequence_editor.input_edit
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    assert "Esc" in window.statusBar().currentMessage()
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert window.session.cursor == 0  # the arrow moved the text cursor
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.hasFocus()
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right)
    assert window.session.cursor == 1
    assert "Esc" in editor.toolTip()
