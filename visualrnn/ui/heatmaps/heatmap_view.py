"""The "heatmaps" panel: every gate and state of the current cell as unit × time images.

Beside the grid, the time course of the unit clicked last; below it, the hover readout
(unit, step, value) and the gate-saturation readout.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...engine.cellspec import cell_spec
from ...session import LessonSession
from ..common.cell_text import cell_label
from ..common.plot_helpers import saturation_share
from ..common.refresh import SessionRefresh
from ..common.theme import font_scale, scaled_font
from . import state_quantities as sq
from .heatmap_grid import HeatmapGrid
from .unit_timecourse_view import UnitTimecourseView


class StateHeatmapView(QWidget):
    """Heatmaps of LSTM f, i, o, z, c, h / GRU r, z, n, h / RNN a, h, following the session.

    Images are set once per ``trace_changed``; ``cursor_changed`` only moves the cursor
    lines and the "not reached yet" veil.
    """

    def __init__(self, session: LessonSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.grids: dict[str, HeatmapGrid] = {}
        self._grid: HeatmapGrid | None = None
        self._building_for = None  # the trace whose grid is being built
        self.stack = QStackedWidget()
        # shown while a new cell type's grid is built (a few turns): never the old cell's
        # gates beside the new cell's diagram
        self.building_label = QLabel()
        self.building_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.building_label.setWordWrap(True)
        self.stack.addWidget(self.building_label)
        self.timecourse = UnitTimecourseView()
        self.reveal = QCheckBox(self.tr("Reveal as you step"))
        self.reveal.setToolTip(self.tr("Grey out the steps not reached yet, like the network."))
        self.reveal.setChecked(True)
        self.stretch = QCheckBox(self.tr("Stretch colours to the data"))
        self.stretch.setToolTip(
            self.tr(
                "Gates: colours span their own min … max instead of 0 … 1; tanh outputs "
                "±their largest |value|. The colour bars show the range. Off: fixed ranges, "
                "comparable between lessons."
            )
        )
        self.hover_label = QLabel()
        self.saturation_label = QLabel()
        self.saturation_label.setToolTip(
            self.tr(
                "Share of values that are saturated: gates below 0.05 or above 0.95, the "
                "candidate (z of the LSTM, n of the GRU) and the RNN's h beyond ±0.95."
            )
        )
        self._build_layout()
        self._refresh = SessionRefresh(self, session, self._show_trace, self._show_cursor)
        self.reveal.toggled.connect(self._on_reveal_toggled)
        self.stretch.toggled.connect(self._on_stretch_toggled)
        font_scale().scale_changed.connect(self._on_font_scale_changed)
        self._on_font_scale_changed()
        self._refresh.request_trace()

    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.timecourse)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.timecourse.setMinimumWidth(190)
        # the hover text: one line, never wrapped (a wrap would change the footer's height
        # and make the heatmaps jump under the mouse); the saturation readout changes only
        # with the trace, so it may wrap on a narrow panel or at a large text size
        self.hover_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hover_label.setWordWrap(False)
        self.hover_label.setMinimumWidth(1)
        self.saturation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saturation_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reveal)
        bottom.addWidget(self.stretch)
        bottom.addWidget(self.saturation_label, 3)
        bottom.addWidget(self.hover_label, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """As tall as the minimum (plus two lines for the wrapping readouts), not the
        preferred height: inside the dock's scroll area the wrapping labels would otherwise
        make the panel taller than the dock and hide the bottom of the heatmaps."""
        return self.minimumSizeHint().height() + 2 * self.fontMetrics().height()

    # ---------------------------------------------------------------- reading
    @property
    def grid(self) -> HeatmapGrid | None:
        """The grid of the current trace, complete and drawn (see :meth:`settle`)."""
        self.settle()
        return self._grid

    def settle(self) -> None:
        """Draw what is waiting now, a grid still being built included (for code that
        reads the panel: exports, tests)."""
        while self._refresh.is_pending():
            self._refresh.flush()

    def _grid_for(self, cell: str) -> HeatmapGrid:
        """The grid of ``cell``, made empty the first time (:meth:`_show_trace` builds it)."""
        if cell not in self.grids:
            grid = HeatmapGrid(cell)
            grid.hovered.connect(self._on_hovered)
            grid.unit_clicked.connect(self._on_unit_clicked)
            self.grids[cell] = grid
            self.stack.addWidget(grid)
        return self.grids[cell]

    def figure_data(self) -> dict:
        """The heatmaps' arrays, for "Export data (CSV)": one row per step t, a column per
        quantity and unit (``h[0]``, ``h[1]``, … in the engine's order), every step."""
        self.settle()
        trace = self.session.trace
        columns = {"t": np.arange(trace.T)}
        for q in sq.quantities(trace.cell):
            columns[q.name] = np.asarray(sq.quantity_array(trace, q.name)).reshape(trace.T, -1)
        return columns

    # ---------------------------------------------------------------- handlers
    def _show_trace(self) -> None:
        trace = self.session.trace
        grid = self._grid_for(trace.cell)
        if not grid.complete:
            # a cell type shown for the first time: its grid is built one heatmap per
            # event-loop turn (~30 ms each; all at once blocked the window 130-200 ms),
            # a note in its place meanwhile
            self._show_building(trace, grid)
            if not grid.complete:
                self._refresh.request(full=True, staged=True)
                return
        self._grid, self._building_for = grid, None
        # the readout first and the layout settled now: a readout that wraps differently
        # (another cell's) laid the panel out again after the first repaint, and every
        # axis of the grid was drawn twice (~40 ms each time at T = 10,000)
        self.saturation_label.setText(self._saturation_text(trace))
        self.stack.setCurrentWidget(grid)
        self.layout().activate()
        grid.set_stretch(self.stretch.isChecked())
        grid.set_trace(trace)
        self.timecourse.set_trace(trace)
        self._show_cursor()

    def _show_building(self, trace, grid: HeatmapGrid) -> None:
        """One more heatmap of ``grid``; meanwhile a note, and the rest of the panel
        already shows ``trace``."""
        if self._building_for is not trace:  # (a newer trace may arrive mid-build)
            self._building_for = trace
            self.building_label.setText(
                self.tr("Drawing the heatmaps of the {cell} …").format(
                    cell=cell_label(cell_spec(trace.cell))
                )
            )
            self.building_label.setFont(scaled_font())
            self.stack.setCurrentWidget(self.building_label)
            self.timecourse.set_trace(trace)
            self.saturation_label.setText(self._saturation_text(trace))
        grid.build_next()

    def _show_cursor(self) -> None:
        cursor = self.session.cursor
        if self._grid is None or self.stack.currentWidget() is not self._grid:
            return  # a grid is being built: its last turn shows the cursor
        self._grid.set_cursor(cursor, self.reveal.isChecked())
        self.timecourse.set_cursor(cursor, self.reveal.isChecked())

    def _on_reveal_toggled(self, _checked: bool) -> None:
        self.settle()
        self._show_cursor()

    def _on_stretch_toggled(self, checked: bool) -> None:
        if self.session.trace is not None:
            self.settle()
            if self._grid is not None:
                self._grid.set_stretch(checked)

    def _on_hovered(self, text: str) -> None:
        self.hover_label.setText(text)

    def _on_unit_clicked(self, unit: int) -> None:
        self.timecourse.set_unit(unit)

    def _on_font_scale_changed(self, _scale: float = 1.0) -> None:
        font = scaled_font()
        for widget in (self.reveal, self.stretch, self.hover_label, self.saturation_label):
            widget.setFont(font)
        for grid in self.grids.values():
            grid.apply_fonts()
        self.timecourse.apply_fonts()

    # ---------------------------------------------------------------- readouts
    def _saturation_text(self, trace) -> str:
        """ "Saturated: f 12 %  i 3 % …" — the shares of the gates' values that are
        saturated (the tooltip says what counts); for the RNN "Saturated units
        (|h| > 0.95): h 4 %"."""
        parts = []
        gateless = not any(q.is_gate for q in sq.quantities(trace.cell))
        for q in sq.quantities(trace.cell):
            if not (q.is_gate or (gateless and q.spec.kind == "hidden")):
                continue
            signed = q.kind == "tanh"
            share = saturation_share(sq.quantity_array(trace, q.name), signed=signed)
            shown = "—" if share is None else f"{100 * share:.0f}\u00a0%"
            parts.append(f"{q.name}\u00a0{shown}")  # never wrapped inside "f 12 %"
        parts = "   ".join(parts)
        if gateless:
            return self.tr("Saturated units (|h| > 0.95): {parts}").format(parts=parts)
        return self.tr("Saturated (near 0 or 1, or ±1): {parts}").format(parts=parts)
