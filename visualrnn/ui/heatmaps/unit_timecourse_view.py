"""One hidden unit over time: all its gates and states as lines (the unit clicked last)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...engine.cellspec import CELL_SPECS
from ..common.plot_helpers import linear_safe, nice_bound, step_ticks
from ..common.plot_items import StepLine
from ..common.plot_style import (
    BACKGROUND,
    apply_fonts,
    follow_cursor_cheaply,
    peak_downsampling,
    replay_when_exposed,
    style_plot,
)
from ..common.theme import FUTURE_GREY, scaled_font
from ..common.veil import Veil
from . import state_quantities as sq

#: Every quantity any cell has (one curve each, coloured per cell); x is the input.
ALL_NAMES = tuple(dict.fromkeys(q.key for s in CELL_SPECS.values() for q in s.quantities))


class UnitTimecourseView(QWidget):
    """Lines of every quantity of one unit u against t: f_t[u], i_t[u], …, h_t[u], and the
    input x_t (thin grey) when there is one input.

    A legend above the plot names every line in its colour. Not bound to the session
    itself: :class:`StateHeatmapView` feeds it the trace, the cursor and the clicked unit.
    With "reveal as you step" an opaque grey veil covers the steps not reached yet (one
    rectangle moved per cursor step: the curves keep the whole trace).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unit = 0
        self._trace = None
        self._shown_T, self._shown_legend, self._shown_y, self._cell = None, None, None, None
        self._shown_ticks = None
        self._cursor, self._reveal = 0, False
        self.legend_label = QLabel()
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setWordWrap(True)
        self.plot_widget = pg.PlotWidget(background=BACKGROUND, enableMenu=False)
        follow_cursor_cheaply(self.plot_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.plot_widget, 1)
        plot = self.plot_widget.getPlotItem()
        style_plot(plot, self.tr("step t"), self.tr("value"))
        plot.showGrid(x=False, y=True, alpha=0.25)
        plot.enableAutoRange(False)
        # the first and last step labels sit on the plot's edges: let them stick out
        # (room on the right for half a label) instead of being dropped
        plot.getAxis("bottom").setStyle(hideOverlappingLabels=40)
        plot.layout.setContentsMargins(0, 0, 14, 0)
        self.curves = {name: self._curve(plot) for name in ALL_NAMES}
        self.input_curve = self._curve(plot)
        # solid, thin and light: a dashed pen on a long path costs ~150 ms per repaint
        self.input_curve.setPen(pg.mkPen(sq.INPUT_COLOR, width=1.5))
        self.cursor = StepLine(plot)
        self.future = Veil(QColor(FUTURE_GREY))
        self.future.setZValue(5)  # above the curves: nothing past the cursor shows
        self.future.setVisible(False)
        plot.addItem(self.future, ignoreBounds=True)
        plot.vb.sigResized.connect(self._on_plot_resized)
        self.apply_fonts()

    def _curve(self, plot: pg.PlotItem) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(connect="finite")
        # long sequences in a narrow plot: draw each pixel column's min and max only (the
        # same picture; a cursor step repaints every curve, and thick lines of T = 10,000
        # points cost ~3 ms each). After addItem, which applies the plot's own mode.
        plot.addItem(curve)
        peak_downsampling(curve)
        replay_when_exposed(curve.curve)
        return curve

    def set_trace(self, trace) -> None:
        """Show the time courses of ``trace`` (keeps the unit if it still exists)."""
        self._trace = trace
        self.unit = min(self.unit, trace.H - 1)
        if trace.cell != self._cell:
            self._cell = trace.cell
            for name, color in sq.line_colors(trace.cell).items():
                self.curves[name].setPen(pg.mkPen(color, width=4 if name == "h" else 2.5))
        self._show_curves()

    def set_unit(self, unit: int) -> None:
        self.unit = int(unit)
        if self._trace is not None:
            self._show_curves()

    def set_cursor(self, cursor: int, reveal: bool = False) -> None:
        """The cursor line at step cursor − 1; with ``reveal`` the steps ≥ cursor veiled."""
        self.cursor.set_step(cursor - 1 if cursor > 0 else None)
        self._cursor, self._reveal = cursor, reveal
        self._show_veil()

    def _show_veil(self) -> None:
        T = self._trace.T if self._trace is not None else 0
        veil = self._reveal and self._cursor < T
        self.future.setVisible(veil)
        if veil:
            y0, y1 = self._shown_y or (-1.0, 1.0)
            pad = y1 - y0
            # from just after the current step t = cursor − 1: the line towards t + 1 is the
            # future too (half a step of it used to show where the curve was heading)
            left = self._cursor - 1 + 0.02 if self._cursor > 0 else -0.5
            self.future.set_rect(QRectF(left, y0 - pad, T - left + 0.5, 3 * pad), -0.5)

    def is_revealed(self, step: int) -> bool:
        """Whether step t is visible (not under the "not reached yet" veil)."""
        return not (self.future.isVisible() and self.future.rect().left() <= step)

    def apply_fonts(self) -> None:
        apply_fonts(self.plot_widget.getPlotItem())
        self.legend_label.setFont(scaled_font())
        self._shown_legend = None
        if self._trace is not None:
            self._show_legend()

    def visible_names(self) -> list[str]:
        return [n for n, c in self.curves.items() if c.isVisible()]

    def _shows_input(self) -> bool:
        return self._trace is not None and self._trace.x.shape[1] == 1

    def _show_curves(self) -> None:
        trace, unit = self._trace, self.unit
        names = [q.name for q in sq.quantities(trace.cell)]
        t = np.arange(trace.T)
        lo, hi = 0.0, 1.0
        lines = [(name, sq.quantity_array(trace, name)[:, unit]) for name in names]
        if self._shows_input():
            lines.append(("x", trace.x[:, 0]))
        for name, curve in [*self.curves.items(), ("x", self.input_curve)]:
            curve.setVisible(name in names or (name == "x" and self._shows_input()))
        for name, column in lines:
            values = linear_safe(column)
            (self.input_curve if name == "x" else self.curves[name]).setData(t, values)
            if np.isfinite(values).any():
                lo, hi = min(lo, np.nanmin(values)), max(hi, np.nanmax(values))
        self._set_y_range(lo, hi)
        if self._shown_T != trace.T:
            self._shown_T = trace.T
            self.plot_widget.getPlotItem().setXRange(-0.5, trace.T - 0.5, padding=0)
            self._set_x_ticks()
        self._show_legend()

    def _on_plot_resized(self, *_args) -> None:
        self._set_x_ticks()

    def _set_x_ticks(self) -> None:
        """Whole steps 0, Δ, 2Δ, … and the last step T − 1, as many as the width holds
        (so the reader sees that the plot spans every step)."""
        if self._trace is None:
            return
        width = self.plot_widget.getPlotItem().vb.width()
        ticks = step_ticks(self._trace.T, width, 3.5 * scaled_font().pointSizeF())
        if ticks != self._shown_ticks:
            self._shown_ticks = ticks
            self.plot_widget.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    def _set_y_range(self, lo: float, hi: float) -> None:
        """A y range in 1-2-5 steps (−1 … 1 for most cells): stable while ρ is dragged."""
        y_range = (-nice_bound(lo) if lo < 0 else 0.0, nice_bound(hi))
        if y_range != self._shown_y:
            self._shown_y = y_range
            self.plot_widget.getPlotItem().setYRange(*y_range, padding=0.02)
            self._show_veil()

    def _show_legend(self) -> None:
        legend = self._legend([q.name for q in sq.quantities(self._trace.cell)])
        if legend != self._shown_legend:
            self._shown_legend = legend
            self.legend_label.setText(legend)

    def _legend(self, names) -> str:
        """ "Unit 5:  ━ f  ━ i  …  ─ x input", each sample in its line's colour."""
        colors = sq.line_colors(self._trace.cell)
        entries = [(f"<b style='color:{colors[n]}'>━━</b>&nbsp;<i>{n}</i>") for n in names]
        if self._shows_input():
            entries.append(
                f"<b style='color:{sq.INPUT_COLOR}'>──</b>&nbsp;<i>x</i>&nbsp;" + self.tr("(input)")
            )
        head = self.tr("<b>Unit {u}:</b>").format(u=self.unit)
        items = " ".join(f"<span style='white-space:nowrap'>{e}</span>&nbsp;" for e in entries)
        return f"{head}&nbsp;&nbsp; {items}"
