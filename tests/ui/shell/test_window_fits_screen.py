"""The first start fits the window to the screen's free area (a 1280×720 projector)."""

from __future__ import annotations

from visualrnn import app as visualrnn_app
from visualrnn.session import LessonSession
from visualrnn.ui.shell.main_window import MainWindow


def test_the_window_opens_inside_the_available_screen(qtbot):
    window = MainWindow(LessonSession())
    qtbot.addWidget(window)
    visualrnn_app._fit_to_screen(window)
    area = window.screen().availableGeometry()
    assert window.width() <= max(area.width(), 1) and window.height() <= max(area.height(), 1)
    assert window.width() <= visualrnn_app.DEFAULT_SIZE[0]
    assert area.contains(window.frameGeometry().center())
