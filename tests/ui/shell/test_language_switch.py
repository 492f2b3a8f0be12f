"""View → Language switches the running window at once and remembers the choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from visualrnn import app as visualrnn_app
from visualrnn.session.presets import load_presets
from visualrnn.ui.shell.language import current_language, install_translators
from visualrnn.ui.shell.preferences import Preferences


@pytest.fixture(autouse=True)
def _keep_the_application_font():
    """Start-up sets the application's base font; later tests expect theirs."""
    font = QApplication.font()
    yield
    QApplication.setFont(font)
    install_translators(QApplication.instance(), "en")


@pytest.fixture
def window(qtbot):
    presets, errors = load_presets()
    _, window = visualrnn_app._create_window(presets, "lstm_memory", errors, "en")
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


def _switch(qtbot, window, lang: str) -> None:
    """Pick ``lang`` in View → Language and wait for the rebuilt window."""
    file_menu = {"en": "&File", "zh_CN": "文件(&F)"}[lang]
    window.view_menu.language_actions[lang].trigger()
    bar = window.menuBar()
    qtbot.waitUntil(lambda: [a.text() for a in bar.actions()][:1] == [file_menu], timeout=5000)
    assert window.view_menu.language_actions[lang].isChecked()


def test_switching_to_chinese_retranslates_every_panel_and_keeps_the_lesson(window, qtbot):
    session = window.session
    session.set_cursor(40)
    widths = {key: dock.width() for key, dock in window.docks.items()}
    old_table = window.step_table
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.docks["sequence"].windowTitle() == "Input sequence"
    _switch(qtbot, window, "zh_CN")
    assert current_language() == "zh_CN"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.docks["sequence"].windowTitle() == "输入序列"
    assert "时刻" in window.status_text() or "步" in window.status_text()
    assert window.step_table is not old_table  # the panels were made anew, in Chinese
    assert session.cursor == 40 and window.model_toolbar.current_preset() == "lstm_memory"
    assert {key: dock.width() for key, dock in window.docks.items()} == widths
    assert Preferences().language == "zh_CN"
    _switch(qtbot, window, "en")
    assert window.menuBar().actions()[0].text() == "&File"
    assert Preferences().language == "en"


def test_the_remembered_language_is_used_at_the_next_start(qtbot):
    Preferences().language = "zh_CN"
    try:
        presets, errors = load_presets()
        _, window = visualrnn_app._create_window(presets, "textbook", errors, None)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "文件(&F)"
    finally:
        Preferences().language = None


def test_the_rebuild_is_spread_over_event_loop_turns(window, qtbot):
    """All panels at once blocked the window for 1.2 s; the rebuild makes one feature's
    panels per turn, and the window answers in between."""
    old = {p.key: p.widget for p in window.panels}
    window.view_menu.language_actions["zh_CN"].trigger()
    QApplication.processEvents()  # the switch's LanguageChange starts the rebuild
    renewed = [key for key, widget in old.items() if window.panel_widget(key) is not widget]
    assert len(renewed) < len(old)  # not everything in one turn
    assert window.menuBar().actions() == []  # the menus come back in the last turn
    # the picture is held meanwhile (no half-translated window), with a busy cursor
    assert not window.updatesEnabled() and window.cursor().shape() == Qt.CursorShape.WaitCursor
    bar = window.menuBar()
    qtbot.waitUntil(lambda: [a.text() for a in bar.actions()][:1] == ["文件(&F)"], timeout=5000)
    assert all(window.panel_widget(key) is not widget for key, widget in old.items())
    assert window.updatesEnabled() and window.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert window.docks["heatmaps"].windowTitle() != "Heatmaps"


def test_a_switch_back_during_the_rebuild_ends_in_the_language_chosen_last(window, qtbot):
    window.view_menu.language_actions["zh_CN"].trigger()
    QApplication.processEvents()
    window.view_menu.language_actions["en"].trigger()
    QApplication.processEvents()  # its LanguageChange: a new rebuild replaces the first
    window.finish_animations()  # what a screenshot does: the rebuild's turns run now
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.docks["sequence"].windowTitle() == "Input sequence"
    titles = [window.docks[p.key].windowTitle() for p in window.panels if p.key in window.docks]
    assert not any("门" in t or "热" in t for t in titles)


def test_a_failing_turn_never_leaves_the_window_frozen(window):
    from visualrnn.ui.shell.turns import HeldTurns

    def turns():
        yield
        raise RuntimeError("a panel failed to build")

    held = HeldTurns(window)
    held.start(turns)
    assert held.running and not window.updatesEnabled()
    with pytest.raises(RuntimeError):
        held.finish()
    assert not held.running and window.updatesEnabled()
    assert window.cursor().shape() == Qt.CursorShape.ArrowCursor
