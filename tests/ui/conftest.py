"""A real MainWindow on the textbook preset, shown offscreen."""

import pytest

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.shell.main_window import MainWindow


@pytest.fixture(scope="session")
def presets():
    return load_presets()[0]


@pytest.fixture
def window(qtbot, presets):
    session = LessonSession(presets["textbook"].config)
    win = MainWindow(session, presets)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    session.pause()
    font_scale().set_scale(1.0)
