"""A log axis labelled at decades keeps readable labels on a short plot: none at the very
ends (pyqtgraph drops a gridded axis's label that reaches past it) and none touching."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from tests.ui.axis_labels import left_tick_labels
from visualrnn.ui.common.plot_items import DecadeTicks


def _short_log_plot(qtbot, lo: float, hi: float, height: int):
    """(widget, plot): a log plot with decade ticks and a y grid, ``height`` px tall."""
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setLogMode(y=True)
    ticks = DecadeTicks(plot)
    plot.plot(np.arange(50), 10 ** np.linspace(lo, hi, 50))
    widget.resize(400, height)
    widget.show()
    qtbot.waitExposed(widget)
    plot.setYRange(lo, hi, padding=0)
    ticks._on_range_changed()
    return widget, plot


def test_a_short_plot_over_five_decades_labels_inner_decades_apart(qtbot):
    """A race's loss over 10⁻⁵ … 1 on a ~50 px plot: it had labels only at 10⁻⁵ and 1 (the
    ends), which pyqtgraph drew as nothing."""
    _widget, plot = _short_log_plot(qtbot, -5.0, 0.0, 110)
    labels = left_tick_labels(plot)
    assert len(labels) >= 2 and "10⁻⁵" not in labels and "1" not in labels
    values = [v for v, _ in plot.getAxis("left")._tickLevels[0]]
    pixels_per_decade = plot.vb.height() / 5.0
    assert min(np.diff(sorted(values))) * pixels_per_decade >= 12  # labels never touch


def test_a_tall_plot_labels_every_decade_inside(qtbot):
    _widget, plot = _short_log_plot(qtbot, -5.0, 0.0, 500)
    assert left_tick_labels(plot) == ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹"]
