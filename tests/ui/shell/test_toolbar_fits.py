"""The lesson toolbar keeps its controls in view on a 1280-pixel projector: the lesson and
cell boxes are as wide as the item they show (never cut), their lists as wide as the
longest item, so Seed, Re-roll and Reset weights stay out of the toolbar's » menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from visualrnn.app import install_translators
from visualrnn.session import LessonSession
from visualrnn.ui.common.theme import BASE_POINT_SIZE
from visualrnn.ui.shell.main_window import MainWindow


@pytest.fixture
def app_font():
    """The app's own base font (the test window otherwise has Qt's smaller default)."""
    before = QApplication.font()
    font = QApplication.font()
    font.setPointSizeF(BASE_POINT_SIZE)
    QApplication.setFont(font)
    yield
    QApplication.setFont(before)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_toolbar_control_shows_at_1280(qtbot, presets, app_font, language):
    install_translators(QApplication.instance(), language)
    try:
        window = MainWindow(LessonSession(presets["lstm_memory"].config), presets)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        bar = window.model_toolbar
        window.select_preset("lstm_memory")
        qtbot.wait(50)
        for widget in (bar.seed_spin, bar.reroll_button, bar.reset_button):
            assert widget.isVisible(), widget
            assert bar.rect().contains(widget.geometry())
        box = bar.preset_box
        text = box.fontMetrics().horizontalAdvance(box.currentText())
        assert box.width() > text  # the lesson's name is never cut
        longest = max(
            box.fontMetrics().horizontalAdvance(box.itemText(k)) for k in range(box.count())
        )
        assert box.view().minimumWidth() >= longest  # the list shows every name whole
    finally:
        install_translators(QApplication.instance(), "en")
