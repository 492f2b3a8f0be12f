"""One hidden unit over time: all its gates and states as lines (the unit clicked last)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from . import state_quantities as sq
from .plot_helpers import integer_tick_spacing, linear_safe, nice_bound
from .plot_style import BACKGROUND, CursorMarker, apply_fonts, set_title, style_plot


class UnitTimecourseView(pg.PlotWidget):
    """Lines of every quantity of one unit u against t: f_t[u], i_t[u], …, h_t[u].

    The title doubles as the legend: each symbol is written in its line's colour. Not
    bound to the session itself: :class:`StateHeatmapView` feeds it the trace, the cursor
    and the clicked unit.
    """

    def __init__(self, parent=None):
        super().__init__(parent, background=BACKGROUND)
        self.unit = 0
        self._trace = None
        self._shown_T, self._shown_title, self._shown_y = None, None, None
        self.curves: dict[str, pg.PlotDataItem] = {}
        plot = self.getPlotItem()
        style_plot(plot, self.tr("step t"), "")
        plot.showGrid(x=False, y=True, alpha=0.25)
        plot.enableAutoRange(False)
        for name, color in sq.LINE_COLORS.items():
            width = 4 if name == "h" else 2.5
            curve = pg.PlotDataItem(
                pen=pg.mkPen(color, width=width),
                connect="finite",
                # long sequences in a narrow plot: draw each pixel column's min and max only
                # (the same picture; thick lines of T = 2000 points cost ~2 ms each)
                autoDownsample=True,
                downsampleMethod="peak",
                autoDownsampleFactor=1.0,
            )
            self.curves[name] = curve
            plot.addItem(curve)
        self.cursor = CursorMarker(plot)

    def set_trace(self, trace) -> None:
        """Show the time courses of ``trace`` (keeps the unit if it still exists)."""
        self._trace = trace
        self.unit = min(self.unit, trace.H - 1)
        self._show_curves()

    def set_unit(self, unit: int) -> None:
        self.unit = int(unit)
        if self._trace is not None:
            self._show_curves()

    def set_cursor(self, cursor: int) -> None:
        self.cursor.set_step(cursor - 1 if cursor > 0 else None)

    def apply_fonts(self) -> None:
        apply_fonts(self.getPlotItem())
        self._shown_title = None

    def visible_names(self) -> list[str]:
        return [n for n, c in self.curves.items() if c.isVisible()]

    def _show_curves(self) -> None:
        trace, unit = self._trace, self.unit
        names = sq.QUANTITIES[trace.cell]
        t = np.arange(trace.T)
        lo, hi = 0.0, 1.0
        for name, curve in self.curves.items():
            curve.setVisible(name in names)
            if name in names:
                values = linear_safe(sq.quantity_array(trace, name)[:, unit])
                curve.setData(t, values)
                if np.isfinite(values).any():
                    lo, hi = min(lo, np.nanmin(values)), max(hi, np.nanmax(values))
        self._set_y_range(lo, hi)
        if self._shown_T != trace.T:
            self._shown_T = trace.T
            self.getPlotItem().setXRange(-0.5, trace.T - 0.5, padding=0)
            dx = integer_tick_spacing(trace.T, ticks=5)
            self.getPlotItem().getAxis("bottom").setTickSpacing(dx, dx)
        title = self._title(names)
        if title != self._shown_title:
            self._shown_title = title
            set_title(self.getPlotItem(), title)

    def _set_y_range(self, lo: float, hi: float) -> None:
        """A y range in 1-2-5 steps (−1 … 1 for most cells): stable while ρ is dragged."""
        y_range = (-nice_bound(lo) if lo < 0 else 0.0, nice_bound(hi))
        if y_range != self._shown_y:
            self._shown_y = y_range
            self.getPlotItem().setYRange(*y_range, padding=0.02)

    def _title(self, names) -> str:
        legend = " ".join(f"<span style='color:{sq.LINE_COLORS[n]}'>{n}</span>" for n in names)
        return self.tr("unit {u}: {legend}").format(u=self.unit, legend=legend)
