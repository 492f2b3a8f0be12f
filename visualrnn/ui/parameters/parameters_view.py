"""Every number of the model on screen: W_h, W_x, b per gate block, W_y and b_y.

The textbook prints its weights as matrices (Fig. 8.5: ``w_rnn`` with W_h's rows above
W_x's, ``b_rnn``, ``w_output``, ``b_output``); this view shows the current model's the same
way, coloured on the diverging scale the other views use, with a tooltip per number.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ...session import LessonSession
from ..common.cell_text import cell_label, spec_of
from ..common.color_legend import ColorLegend
from ..common.color_scales import Scale, cached_palette, percentile_range
from ..common.number_format import number_settings
from ..common.refresh import SessionRefresh
from ..common.theme import font_scale, scaled_font
from .matrix_canvas import MatrixCanvas, rich
from .parameter_blocks import ParameterGroup, parameter_groups


class ParametersView(QWidget):
    """The parameters of ``session.model`` as labelled, coloured matrices.

    Rebuilt when the model changes (``trace_changed``: presets, cell switches, loaded or
    trained weights), the digits or the text size; nothing to do on a cursor step.
    """

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._header = QLabel(self)
        self._header.setWordWrap(True)
        self._header.setTextFormat(Qt.TextFormat.RichText)
        self.legend = ColorLegend(self, compact=True)
        self.canvas = MatrixCanvas()
        self._scroll = QScrollArea(self)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidget(self.canvas)
        self._scroll.setWidgetResizable(False)
        self._scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._scroll.viewport().installEventFilter(self)
        # the matrices scroll inside the panel: their size must not become the panel's
        self._scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._scroll.setMinimumSize(120, 80)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._header)
        layout.addWidget(self.legend)
        layout.addWidget(self._scroll, 1)
        self._groups: list[ParameterGroup] = []
        self._shown: tuple | None = None
        self._refresh = SessionRefresh(self, session, self._show_trace, self._show_cursor)
        number_settings().digits_changed.connect(self._on_style_changed)
        font_scale().scale_changed.connect(self._on_style_changed)
        self._apply_fonts()
        self._refresh.request_trace()

    # ---------------------------------------------------------------- reading (tests)
    def groups(self) -> list[ParameterGroup]:
        self._refresh.flush()
        return list(self._groups)

    def group_titles(self) -> list[str]:
        return [g.title for g in self.groups()]

    def header_text(self) -> str:
        self._refresh.flush()
        return self._header.text()

    def matrix_texts(self, symbol: str, group: int | None = None) -> list[list[str]]:
        """The numbers shown for the matrix ``symbol`` ("W_h", "b_f"), row by row (only
        what is drawn: a large matrix's first rows and columns); ``group``: which block
        when several have a matrix of that name."""
        groups = self.groups()
        rows: dict[int, list[str]] = {}
        for hit in self.canvas.hits():
            part = groups[hit.group].parts[hit.part]
            if part.symbol == symbol and (group is None or hit.group == group):
                rows.setdefault(hit.row, []).append(hit.text)
        return [rows[k] for k in sorted(rows)]

    def tooltip_for(self, symbol: str, row: int, col: int) -> str:
        """The tooltip of one number, as the mouse would show it."""
        self._refresh.flush()
        groups = self._groups
        for hit in self.canvas.hits():
            part = groups[hit.group].parts[hit.part]
            if part.symbol == symbol and (hit.row, hit.col) == (row, col):
                return self.canvas.tooltip_at(QPointF(hit.rect.center()))
        raise KeyError(f"{symbol}[{row}, {col}] is not shown")

    def figure_data(self) -> dict:
        """The matrices in full (every unit, full precision), in the textbook's orientation:
        ``"W_h"`` (H × H) → columns ``W_h[0]`` …, one row per row of the matrix."""
        return {p.symbol: np.asarray(p.values) for g in self.groups() for p in g.parts}

    # ---------------------------------------------------------------- updating
    def _show_trace(self) -> None:
        model = self.session.model
        style = (number_settings().digits, font_scale().scale)
        if self._shown is not None and self._shown[1] == style and _same(self._shown[0], model):
            return
        self._shown = (model, style)
        self._groups = parameter_groups(model)
        values = np.concatenate([np.ravel(v) for v in model.params.values()])
        vmax = percentile_range(values)
        self.legend.set_scales([(self.tr("parameters"), vmax)], future=False)
        self.canvas.set_groups(self._groups, cached_palette(Scale(vmax)), number_settings().digits)
        self._fit_width()
        self._header.setText(self._header_html(model))

    def _show_cursor(self) -> None:
        """The parameters do not change with the step."""

    def _header_html(self, model) -> str:
        spec = spec_of(model)
        sizes = self.tr("{cell} · H = {H} hidden units · I = {I} · O = {O}").format(
            cell=cell_label(spec), H=model.hidden_size, I=model.input_size, O=model.output_size
        )
        form = self.tr("row vectors, as in the textbook: h_{t−1} · W_h + x_t · W_x + b")
        lines = [f"<b>{html.escape(sizes)}</b>", rich(form)]
        if not model.has_head:
            lines.append(rich(self.tr("No output layer: y_t = h_t")))
        return "<br>".join(lines)

    def _on_style_changed(self, *_args) -> None:
        self._apply_fonts()
        self._refresh.request(full=True)

    def _apply_fonts(self) -> None:
        self._header.setFont(scaled_font(11.0))

    def _fit_width(self) -> None:
        self.canvas.set_available_width(self._scroll.viewport().width())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_width()
        return super().eventFilter(watched, event)


def _same(a, b) -> bool:
    """Whether two models have the same cell and the same parameter values (a session
    builds a new model on every change, often with the same weights)."""
    if a is b:
        return True
    if (a.cell, a.activation) != (b.cell, b.activation) or a.params.keys() != b.params.keys():
        return False
    return all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
