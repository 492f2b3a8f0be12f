"""The status bar's "Computing…" while a large change is computed off the interface's thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class BusyIndicator(QWidget):
    """A label and a running (indeterminate) bar, shown while ``session.busy``.

    The views keep showing the last computed lesson meanwhile, and stepping, playing and
    other edits keep working (the newest edit wins); the tooltip says so.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(self.tr("Computing…"), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # no known end: the bar runs
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setToolTip(
            self.tr(
                "Computing the changed lesson. The panels show the last result until the "
                "new one is ready; stepping and playing keep working, and a newer change "
                "replaces this one."
            )
        )
        session.busy_changed.connect(self._on_busy_changed)
        self._on_busy_changed(session.busy)

    def _on_busy_changed(self, busy: bool) -> None:
        self.setVisible(busy)
