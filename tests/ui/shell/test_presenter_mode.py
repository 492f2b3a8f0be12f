"""Presenter mode: F5 shows one view filling the window at a large font; the number keys
choose the view, the transport keys still step, Esc gives the normal window back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.shell.main_window import MainWindow
from visualrnn.ui.shell.presenter import PRESENTER_SCALE


@pytest.fixture
def window(qtbot):
    presets, _ = load_presets()
    window = MainWindow(LessonSession(presets["lstm_memory"].config), presets)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    font_scale().set_scale(1.0)


def test_f5_presents_the_network_and_the_number_keys_choose_the_view(window, qtbot):
    network = window.central_panel
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presenter = window.presenter
    assert presenter.active and presenter.panel.key == "network"
    qtbot.waitUntil(lambda: network.isVisible() and network.width() > 0.9 * window.width())
    assert not window.menuBar().isVisible() and not window.docks["cell"].isVisible()
    assert font_scale().scale == pytest.approx(PRESENTER_SCALE)
    keys = [p.key for p in presenter.presentable()]
    assert "lab" not in keys and keys[:2] == ["network", "cell"]
    qtbot.keyClick(window, Qt.Key.Key_2)
    cell = window.panel_widget("cell")
    assert presenter.panel.key == "cell"
    qtbot.waitUntil(lambda: cell.isVisible() and cell.width() > 0.9 * window.width())


def test_the_transport_keys_step_while_presenting_and_the_indicator_follows(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window, Qt.Key.Key_3)  # the equations
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.session.cursor == 3
    assert window.presenter.stage.step_label.text() == "step 3 / 100 (t = 2)"


def test_esc_gives_back_the_window_as_it_was(window, qtbot):
    widths = {key: dock.width() for key, dock in window.docks.items()}
    central = window.central_panel
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window, Qt.Key.Key_4)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenter.active
    assert window.menuBar().isVisible() and window.docks["cell"].isVisible()
    heatmaps = window.panel_widget("heatmaps")
    assert window.docks["heatmaps"].widget().widget() is heatmaps  # back in its dock
    assert window.centralWidget().widget() is central
    qtbot.waitUntil(lambda: {key: d.width() for key, d in window.docks.items()} == widths)
    assert font_scale().scale == pytest.approx(1.0)
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_1)  # digits do nothing outside
    assert not window.presenter.active


def test_the_network_lent_to_the_presenter_shows_the_current_step(window, qtbot):
    """The view grows from its dock to the whole window: the step the class is on stays in
    the middle of it (it had kept the middle of the *new* viewport under the old scroll
    position, four steps ahead: grey 'not reached yet' cells only)."""
    from visualrnn.ui.network.network_graphics_view import NetworkGraphicsView

    window.resize(1280, 720)
    window.session.set_cursor(12)
    view = window.central_panel.findChild(NetworkGraphicsView)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: view.width() > 0.9 * window.width())
    qtbot.wait(50)
    point = view.mapFromScene(view.cell_center(11))
    assert view.viewport().rect().contains(point)
    assert abs(point.x() - view.viewport().width() / 2) < view.viewport().width() / 4


def test_a_large_text_size_on_a_small_window_points_to_presenter_mode(window, qtbot):
    """1024×768 at 130 % and more: the status line says F5 shows one view at a time; at
    1600×1000 it only says the size."""
    while font_scale().scale < 1.3:
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert "F5" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_F5)  # presenting at 160 %: no hint to press F5
    assert window.presenter.active and "F5" not in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.width() >= 1500)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert message.startswith("Text size") and "F5" not in message
