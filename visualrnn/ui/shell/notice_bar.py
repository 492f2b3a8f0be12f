"""The lesson's "what to notice" line, under the toolbar, where the whole class sees it.

Every preset says in one sentence what the class should look for ("What to notice: the
loss sits at the last step only; …"). The bar shows it while the lesson is open, in the
interface's language, wraps on a narrow window, and can be closed for the rest of the
lesson.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolBar, QToolButton, QWidget

from ..common.theme import font_scale, scaled_font


class NoticeBar(QToolBar):
    """A toolbar row holding one wrapped line of text and a close button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("NoticeBar", "What to notice"), parent)
        self.setObjectName("notice_bar")
        self.setMovable(False)
        self.setFloatable(False)
        box = QWidget(self)
        box.setStyleSheet("background: #FFF4D6; border-radius: 4px;")
        self.label = QLabel(box)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QToolButton(box, text="×", autoRaise=True)
        self.close_button.setToolTip(
            QCoreApplication.translate("NoticeBar", "Hide this note for this lesson")
        )
        self.close_button.clicked.connect(self._on_closed)
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.addWidget(box)
        self._closed, self._applies = False, True
        font_scale().scale_changed.connect(self._on_scale_changed)
        self._on_scale_changed()
        self.show_notice("")

    def show_notice(self, text: str) -> None:
        """Show ``text`` (already translated); an empty text hides the bar."""
        self.label.setText(text)
        self._closed, self._applies = False, True
        self._update_visibility()

    def set_applies(self, applies: bool) -> None:
        """Hide the note while it does not describe the lesson on screen (the lesson's
        cell type was changed: an LSTM's note beside a GRU), show it again when it does."""
        self._applies = bool(applies)
        self._update_visibility()

    def _on_closed(self) -> None:
        self._closed = True
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.setVisible(bool(self.label.text()) and self._applies and not self._closed)

    def text(self) -> str:
        return self.label.text()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """As tall as the wrapped text needs at this width, no taller."""
        super().resizeEvent(event)
        width = event.size().width() - 60  # the bar's margins and the close button
        if width > 100:
            self.label.setMaximumHeight(self.label.heightForWidth(width))

    def _on_scale_changed(self, _scale: float = 1.0) -> None:
        self.label.setFont(scaled_font(12))
        self.label.setMaximumHeight(16_777_215)
