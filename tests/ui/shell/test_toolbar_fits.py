"""The lesson toolbar keeps its controls in view on a 1280-pixel projector: the lesson and
cell boxes are as wide as the item they show (never cut), their lists as wide as the
longest item, so Seed, Re-roll and Reset weights stay out of the toolbar's » menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from visualrnn.app import install_translators


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_toolbar_control_shows_at_1280(qtbot, app_window, language):
    install_translators(QApplication.instance(), language)
    try:
        window = app_window("lstm_memory", 1280, 720)
        window.select_preset("lstm_memory")  # as the app opens its first lesson
        qtbot.wait(50)
        bar = window.model_toolbar
        for widget in (bar.seed_spin, bar.reroll_button, bar.reset_button):
            assert widget.isVisible(), widget
            assert bar.rect().contains(widget.geometry())
        box, metrics = bar.preset_box, bar.preset_box.fontMetrics()
        assert box.width() > metrics.horizontalAdvance(box.currentText())  # never cut
        longest = max(metrics.horizontalAdvance(box.itemText(k)) for k in range(box.count()))
        box.showPopup()
        assert box.view().minimumWidth() >= longest  # the list shows every name whole
        box.hidePopup()
    finally:
        install_translators(QApplication.instance(), "en")
