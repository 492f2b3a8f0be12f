"""The sweep's picture: the share of seeds solved against the length (or gap), one line per
cell in the cell's colour — where each cell stops learning."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from ..common.cell_text import CELL_SPECS, cell_label
from ..common.plot_style import BACKGROUND, FollowFontScale, style_legend, style_plot
from ..common.plot_style import set_title as set_plot_title
from . import training_text as text


class SweepPlot(pg.PlotWidget):
    """x: length; y: % of seeds solved (0 … 100)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=BACKGROUND)
        self.setMinimumHeight(200)
        self.plot_item = self.getPlotItem()
        style_plot(self.plot_item, "", self.tr("% of seeds solved"))
        self.plot_item.showGrid(x=True, y=True, alpha=0.25)
        self.plot_item.setYRange(-4, 104, padding=0)
        self.legend = self.plot_item.addLegend(offset=(10, -10))  # bottom left: short and failed
        ticks = [(v, f"{v}") for v in range(0, 101, 20)]
        self.plot_item.getAxis("left").setTicks([ticks, []])
        style_legend(self.legend)
        self._fonts = FollowFontScale(self, [self.plot_item], [self.legend])
        self.curves: dict[str, pg.PlotDataItem] = {}

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As tall as its minimum: the panel's scroll area gives a page its preferred
        height, and pyqtgraph's 480 px pushed the plot out of a bottom dock's view."""
        return QSize(600, self.minimumHeight())

    def show_sweep(self, task_name: str | None, curves: dict, sizes: dict) -> None:
        """``curves``: cell → (lengths, fraction solved, runs); ``sizes``: cell → (H, P)."""
        for curve in self.curves.values():
            self.plot_item.removeItem(curve)
        self.legend.clear()
        self.curves = {}
        length_name = text.named(text.LENGTH_NAMES.get(task_name or "", "Length T"))
        self.plot_item.setProperty("x_label", length_name)
        style_plot(self.plot_item, length_name, self.tr("% of seeds solved"))
        if task_name:
            set_plot_title(
                self.plot_item,
                self.tr("{0}: share of seeds solved against {1}").format(
                    text.task_name(task_name), length_name
                ),
            )
        else:
            set_plot_title(self.plot_item, self.tr("Run a sweep, or open one"))
        runs = 0
        for k, (cell, (lengths, solved, counts)) in enumerate(curves.items()):
            wider = 3 * (len(curves) - 1 - k)  # cells on the same points stay visible as stripes
            spec = CELL_SPECS[cell]
            H, count = sizes.get(cell, (0, 0))
            name = self.tr("{0}: H = {1}, {2} parameters").format(cell_label(spec), H, f"{count:,}")
            self.curves[cell] = self.plot_item.plot(
                lengths,
                [100.0 * v for v in solved],
                pen=pg.mkPen(spec.color, width=4 + wider),
                symbol="o",
                symbolSize=12 + 2 * wider,
                symbolBrush=spec.color,
                symbolPen=None,
                name=name,
            )
            runs = max([runs, *counts])
        self.plot_item.enableAutoRange(axis="x")
        self.plot_item.setYRange(-4, 104, padding=0)
        self.runs_per_point = runs
