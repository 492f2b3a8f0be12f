"""Larger text never clips or cuts a label: every view at 1024×768, and presented at 200 %
text (F5), in English and Chinese. A label, button or list box whose text is wider than
the widget showing it (and that does not wrap) is reported with its text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from visualrnn import app as visualrnn_app
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.shell.language import install_translators


def cut_texts(root: QWidget) -> list[str]:
    """The visible texts of ``root`` that do not fit their widget."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        text, room = _text_and_room(widget)
        if text and widget.fontMetrics().horizontalAdvance(text) > room + 1:
            found.append(f"{type(widget).__name__}: {text!r}")
    return found


def _text_and_room(widget: QWidget) -> tuple[str, int]:
    if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
        text = QTextDocumentFragment.fromHtml(widget.text()).toPlainText()
        return max(text.split("\n"), key=len), widget.contentsRect().width()
    if isinstance(widget, QComboBox) and widget.currentText():
        return widget.currentText(), widget.width() - 20
    if isinstance(widget, QAbstractButton) and widget.text() and not _icon_only(widget):
        icon = widget.iconSize().width() if not widget.icon().isNull() else 0
        return widget.text().replace("&", ""), widget.width() - icon
    return "", 0


def _icon_only(button: QAbstractButton) -> bool:
    style = getattr(button, "toolButtonStyle", None)
    return style is not None and style() == Qt.ToolButtonStyle.ToolButtonIconOnly


@pytest.fixture(params=["en", "zh_CN"])
def window(request, qtbot):
    font = QApplication.font()
    presets, errors = load_presets()
    _, window = visualrnn_app._create_window(presets, "lstm_memory", errors, request.param)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.session.set_cursor(40)
    yield window
    font_scale().set_scale(1.0)
    QApplication.setFont(font)
    install_translators(QApplication.instance(), "en")


def test_the_window_at_1024_by_768_cuts_no_text(window, qtbot):
    qtbot.wait(50)
    assert cut_texts(window) == []


def test_every_view_presented_at_200_percent_cuts_no_text(window, qtbot):
    language = QLocale().language()
    window.presenter.show(0)
    font_scale().set_scale(2.0)
    for index, panel in enumerate(window.presenter.presentable()):
        window.presenter.show(index)
        qtbot.wait(30)
        assert cut_texts(window) == [], f"{panel.key} ({language})"
