"""The input box wraps anywhere only when the text holds a run of LONG_RUN characters
without a space (the run search is anchored at each run's start: unanchored it took 0.65 s
on a text of long runs just under the limit)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextOption

from visualrnn.ui.shell.sequence_text_edit import LONG_RUN, SequenceTextEdit

ANYWHERE = QTextOption.WrapMode.WrapAnywhere
WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("1" * LONG_RUN, ANYWHERE),  # a run at the very start
        ("0, " + "1" * LONG_RUN + ", 2", ANYWHERE),  # after a space
        ("0,\n" + "1" * LONG_RUN, ANYWHERE),  # after a line break
        (", ".join(["1" * (LONG_RUN - 2)] * 500), WORDS),  # many runs just under it
        ("0.5, 1, -2", WORDS),
    ],
)
def test_the_wrap_follows_the_longest_run(qtbot, text, mode):
    edit = SequenceTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    assert edit.wordWrapMode() == mode
    assert edit.toPlainText() == text
