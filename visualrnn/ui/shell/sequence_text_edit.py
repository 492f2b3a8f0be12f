"""The input box of the sequence editor, safe against what a class pastes into it.

Two things froze the window: a paste of 100,000 characters, and a long line without a
space (Qt's word wrap measures such a run again on every key press: ~0.5 s at 100,000
characters). :class:`SequenceTextEdit` refuses a paste or drop that would make the text
longer than :data:`MAX_INPUT_CHARS` before it reaches the document, and wraps anywhere
(not only at spaces) once the text holds a run of :data:`LONG_RUN` characters without one.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit

#: The longest input text a paste may make: 10,000 steps of a few values each.
MAX_INPUT_CHARS = 250_000
#: Runs without white space this long are wrapped anywhere.
LONG_RUN = 400
# anchored at the start of a run: unanchored, the search tried every position inside a
# run again (0.65 s on a text of 5,000 runs of 310 characters)
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN}}}")
_WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
_ANYWHERE = QTextOption.WrapMode.WrapAnywhere


class SequenceTextEdit(QPlainTextEdit):
    """A plain-text box that refuses over-long pastes (``refused(message)``)."""

    refused = Signal(str)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 (Qt override)
        text = source.text() if source.hasText() else ""
        cursor = self.textCursor()
        kept = (
            self.document().characterCount() - 1 - (cursor.selectionEnd() - cursor.selectionStart())
        )
        if kept + len(text) > MAX_INPUT_CHARS:
            message = self.tr(
                "Not pasted: the input would have {0} characters; it takes at most {1}."
            )
            self.refused.emit(message.format(f"{kept + len(text):,}", f"{MAX_INPUT_CHARS:,}"))
            return
        self.fit_wrap(text)
        super().insertFromMimeData(source)

    def setPlainText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        """Show ``text`` (wrapped anywhere if it has long runs without spaces). The old
        text goes first: wrapping a long run of it again at word boundaries took ~1 s."""
        mode = _ANYWHERE if _LONG_RUN.search(text) else _WORDS
        if mode != self.wordWrapMode():
            super().setPlainText("")
            self.setWordWrapMode(mode)
        super().setPlainText(text)

    def fit_wrap(self, text: str) -> None:
        """Wrap anywhere from now on if ``text`` holds a long run without a space."""
        if self.wordWrapMode() != _ANYWHERE and _LONG_RUN.search(text):
            self.setWordWrapMode(_ANYWHERE)
