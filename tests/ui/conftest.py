"""A real MainWindow on the textbook preset, shown offscreen."""

import pytest
from PySide6.QtGui import QTextCharFormat, QTextDocument

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.shell.main_window import MainWindow


@pytest.fixture(scope="session")
def presets():
    return load_presets()[0]


@pytest.fixture
def app_window(qtbot, presets):
    """``make(preset, width, height)``: a MainWindow with the app's own base font (as
    ``python main.py`` has it; the ``window`` fixture has Qt's smaller default), shown."""
    from PySide6.QtWidgets import QApplication

    from visualrnn.ui.common.theme import BASE_POINT_SIZE

    before = QApplication.font()
    font = QApplication.font()
    font.setPointSizeF(BASE_POINT_SIZE)
    QApplication.setFont(font)

    def make(preset: str, width: int, height: int) -> MainWindow:
        win = MainWindow(LessonSession(presets[preset].config), presets)
        qtbot.addWidget(win)
        win.resize(width, height)
        win.show()
        qtbot.waitExposed(win)
        qtbot.wait(50)  # the window hides the stale tab bars Qt leaves (on the next turn)
        return win

    yield make
    QApplication.setFont(before)


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


@pytest.fixture
def shown_text(qapp):
    """What a rich-text label shows, as plain text: tests assert on the words and numbers
    a reader sees, not on the HTML that draws them (see :func:`rich_to_text`)."""
    return rich_to_text


_SUB = QTextCharFormat.VerticalAlignment.AlignSubScript
_SUP = QTextCharFormat.VerticalAlignment.AlignSuperScript


def rich_to_text(rich: str) -> str:
    """Qt's reading of ``rich``: tags dropped, entities decoded, no-break spaces as spaces,
    every paragraph and table cell on a line of its own — and sub/superscripts written the
    textbook's way (``W_h``, ``c_{t−1}``, ``x^{k−1}``), so that a test still tells a real
    subscript from "Wh" without naming a tag."""
    doc = QTextDocument()
    doc.setHtml(rich)
    lines, block = [], doc.begin()
    while block.isValid():
        parts, fragments = [], block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            text, align = fragment.text(), fragment.charFormat().verticalAlignment()
            if align in (_SUB, _SUP):
                mark = "_" if align == _SUB else "^"
                text = mark + (text if len(text) == 1 else "{" + text + "}")
            parts.append(text)
            fragments += 1
        lines.append("".join(parts).replace("\u00a0", " "))
        block = block.next()
    return "\n".join(lines)
