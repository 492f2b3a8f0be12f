"""A row of check boxes, one per cell type, each in its cell's colour (the race's and the
sweep's choice of cells). The cells, their names and colours come from the engine's
descriptions (``CELL_SPECS``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from ..common.cell_text import CELL_SPECS, cell_label
from ..common.theme import font_scale, scaled_font


class CellChoice(QWidget):
    """Tick the cells to run. ``changed(list)`` gives the ticked keys in CELL_SPECS order."""

    changed = Signal(list)

    def __init__(self, ticked, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for key, spec in CELL_SPECS.items():
            box = QCheckBox(cell_label(spec), self)
            box.setChecked(key in ticked)
            palette = box.palette()  # a palette, not a style sheet: those freeze the font
            palette.setColor(QPalette.ColorRole.WindowText, QColor(spec.color))
            box.setPalette(palette)
            box.toggled.connect(self._on_toggled)
            row.addWidget(box)
            self.boxes[key] = box
        font_scale().scale_changed.connect(self._apply_fonts)
        self._apply_fonts()

    def _apply_fonts(self, _scale: float = 1.0) -> None:
        for box in self.boxes.values():
            box.setFont(scaled_font(bold=True))

    def ticked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def set_enabled(self, on: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(on)

    def _on_toggled(self, _checked: bool) -> None:
        self.changed.emit(self.ticked())
