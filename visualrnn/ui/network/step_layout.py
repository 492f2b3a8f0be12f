"""Geometry of one step of the unrolled network and how one vector is drawn in it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
)

from ...engine.cellspec import cell_spec
from ..common import theme
from ..common.color_scales import Palette
from ..common.painting import short_number, vector_norm

#: Vectors with more units than this are drawn as a colour strip instead of numbered boxes.
MAX_BOXES = 4


#: Below this level of detail (scene → screen scale) numbers and captions are hidden; above
#: it they scale with the zoom (at 0.25 a 13 pt number is still ~4 px: a visible hint).
TEXT_LOD = 0.25


#: Colour of the truncation cut lines (and their legend swatch).
#: The gradient entering from a loss ℓ_t (backward mode), and the loss marker's radius.
LOSS_INK = "#B36B00"


LOSS_R = 15.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnrolledNetworkView", text)


@dataclass
class StepLayout:
    """Geometry of one step, relative to the cell's centre, from the fonts' metrics.

    Attributes
    ----------
    dx : distance between neighbouring cells.
    box : the cell A_t; h_row / c_row : where h_t and c_t sit inside it.
    x_node, y_node : the input and output nodes.
    """

    cell: str
    dx: float
    box: QRectF
    h_row: QRectF
    c_row: QRectF | None
    x_node: QRectF
    y_node: QRectF
    unit: float
    number_font: QFont
    caption_font: QFont

    @classmethod
    def build(cls, cell: str, H: int, I: int, O: int, digits: int = 3) -> StepLayout:  # noqa: E741
        number_font, caption_font = theme.scaled_font(13.0), theme.scaled_font(16.0, True)
        fm = QFontMetricsF(number_font)
        unit = max(48.0, fm.horizontalAdvance("−0." + "0" * digits) + 10)
        row_h = fm.height() + 12
        widths = [_vector_width(n, unit) for n in (H, I, O)]
        # the cell at least as wide as its input and output nodes: neighbours never overlap
        box_w = max(widths[0] + 48, widths[1] + 40, widths[2] + 40, 150.0)
        memory = cell_spec(cell).memory_state is not None  # a c_t row under h_t
        rows = 2 if memory else 1
        cap = QFontMetricsF(caption_font).height()
        box_h = cap + rows * (row_h + 10) + 14
        box = QRectF(-box_w / 2, -box_h / 2, box_w, box_h)
        gap = max(84.0, QFontMetricsF(caption_font).horizontalAdvance("h₁₀₀₀₀") + 20)
        h_row = QRectF(-widths[0] / 2, box.bottom() - row_h - 10, widths[0], row_h)
        c_row = None
        if memory:
            c_row = QRectF(-widths[0] / 2, h_row.top() - row_h - 10, widths[0], row_h)
        x_node = QRectF(-widths[1] / 2, box.bottom() + 44, widths[1], row_h)
        y_node = QRectF(-widths[2] / 2, box.top() - 44 - row_h, widths[2], row_h)
        return cls(
            cell, box_w + gap, box, h_row, c_row, x_node, y_node, unit, number_font, caption_font
        )

    def bounds(self) -> QRectF:
        """Everything step t paints, including its arrow to the next cell."""
        top = self.y_node.top() - 16
        bottom = self.x_node.bottom() + 16
        return QRectF(-self.dx / 2, top, self.dx + 40, bottom - top)


def _vector_width(n: int, unit: float) -> float:
    return n * unit if n <= MAX_BOXES else MAX_BOXES * unit


@dataclass
class VectorGlyph:
    """How one vector is drawn: numbered boxes (n ≤ MAX_BOXES) or a colour strip (with its
    norm written on it, so that a strip always shows a number)."""

    values: np.ndarray
    colors: list
    strip: QImage | None
    texts: list
    norm_text: str = ""

    @classmethod
    def label(cls, text: str, value: float, palette: Palette) -> VectorGlyph:
        """One box showing ``text`` (a character, "e 45 %") coloured like ``value``."""
        v = np.array([float(value)])
        return cls(v, palette.colors_of(v), None, [text])

    @classmethod
    def of(cls, values, palette: Palette, digits: int = 3) -> VectorGlyph:
        v = np.asarray(values, dtype=float).ravel()
        if v.size > MAX_BOXES:
            return cls(v, [], palette.strip(v), [], short_number(vector_norm(v), digits))
        texts = [short_number(x, digits) for x in v]
        return cls(v, palette.colors_of(v), None, texts)
