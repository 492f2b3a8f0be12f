"""A combo box as wide as the item it shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox


class FitComboBox(QComboBox):
    """A combo box as wide as its current item (never cut), its list as wide as the longest.

    A box sized to its longest item took a third of a 1280-pixel toolbar for one long
    lesson name and pushed Seed, Re-roll and Reset weights into the toolbar's » menu.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.currentIndexChanged.connect(self._fit)

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 (Qt override)
        super().setCurrentIndex(index)
        self._fit()  # also when the caller blocks the box's signals

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.horizontalAdvance(self.currentText()) + 4, metrics.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return QSize(size.width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def showPopup(self) -> None:  # noqa: N802 (Qt override)
        self._fit()  # items may have come since the last change of the current one
        super().showPopup()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def _fit(self, *_args) -> None:
        metrics = self.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(self.itemText(k)) for k in range(self.count())), default=0
        )
        self.view().setMinimumWidth(longest + 40)
        self.updateGeometry()
