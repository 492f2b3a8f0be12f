"""The race's two plots: the task metric on the test set (with the chance baseline and the
solved line) and the loss, one thick line per cell in the cell's colour, over updates.

Curves are created once per race (one per cell) and updated with ``setData``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget

from ..common.cell_text import CELL_SPECS, cell_label
from ..common.plot_helpers import log_range
from ..common.plot_items import DecadeTicks
from ..common.plot_style import BACKGROUND, FollowFontScale, label_below, style_legend, style_plot
from ..common.plot_style import set_title as set_plot_title
from ..common.theme import font_scale
from . import training_text as text
from .training_plots import show_fraction_axis

CHANCE_COLOR, SOLVED_COLOR = "#7F7F7F", "#333333"


def _positive(values) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    return np.where(np.isfinite(v) & (v > 0), v, np.nan)


#: The plot height (at 100 % text) below which the legend hides.
LEGEND_MIN_HEIGHT = 320


class RacePlots(pg.GraphicsLayoutWidget):
    """Metric (wide, left) and loss (right), every cell in one plot each."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setBackground(BACKGROUND)
        self.setMinimumHeight(140)
        self.metric_plot = self.addPlot(row=0, col=0, enableMenu=False)
        style_plot(self.metric_plot, self.tr("update"), "")
        self.metric_plot.showGrid(x=False, y=True, alpha=0.25)
        self.loss_plot = self.addPlot(row=0, col=1, enableMenu=False)
        style_plot(self.loss_plot, self.tr("update"), "")
        self.loss_plot.setLogMode(y=True)
        self._ticks = DecadeTicks(self.loss_plot)  # decades only (no piled-up 2 … 9)
        self.loss_plot.showGrid(x=False, y=True, alpha=0.25)
        self.ci.layout.setColumnStretchFactor(0, 3)
        self.ci.layout.setColumnStretchFactor(1, 2)
        self.legend = self.metric_plot.addLegend(offset=(-10, 40))
        style_legend(self.legend)
        self.chance_line = self._hline(CHANCE_COLOR, self.tr("chance"))
        self.solved_line = self._hline(SOLVED_COLOR, self.tr("solved"))
        lines = (self.chance_line, self.solved_line)
        self._fonts = FollowFontScale(
            self, [self.metric_plot, self.loss_plot], [self.legend], labels=[x.label for x in lines]
        )
        self.metric_curves: dict[str, pg.PlotDataItem] = {}
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        # A solved cell's run ends: a star where it was solved, a dashed line on from there.
        self.tails: dict[str, pg.PlotDataItem] = {}
        self.marks: dict[str, pg.PlotDataItem] = {}
        self._key = None
        self._log_metric = False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """On a short plot the legend would cover the curves: it hides, and the line above
        the plots (each cell in its colour) names them."""
        super().resizeEvent(event)
        if hasattr(self, "legend"):  # pyqtgraph resizes once while it is being built
            self.legend.setVisible(self.height() >= LEGEND_MIN_HEIGHT * font_scale().scale)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As tall as its minimum: the panel's scroll area gives a page its preferred
        height, and pyqtgraph's 480 px pushed the plot out of a bottom dock's view."""
        return QSize(600, self.minimumHeight())

    def _hline(self, color: str, label: str) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=0,
            movable=False,
            pen=pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine),
            label=label,
            # at the left end: the raced curves start at the first test (update 25 or so),
            # while at the right they sit on the solved line and hid its label
            labelOpts={"position": 0.01, "color": color, "anchors": [(0, 1), (0, 1)]},
        )
        self.metric_plot.addItem(line, ignoreBounds=True)
        return line

    # ---------------------------------------------------------------- a new race
    def set_race(self, task, sizes: dict[str, tuple[int, int]]) -> None:
        """Titles, lines and one curve per cell (``sizes``: cell → (H, parameters))."""
        key = (task.name, task.length, tuple(sizes.items()))
        if key == self._key:
            return
        self._key = key
        set_plot_title(
            self.metric_plot,
            self.tr("Test set: {0} (higher is better)").format(text.metric_name(task))
            if task.higher_is_better
            else self.tr("Test set: {0} (lower is better)").format(text.metric_name(task)),
        )
        set_plot_title(self.loss_plot, self.tr("Loss L (log scale)"))
        self._log_metric = not task.higher_is_better
        self.metric_plot.setLogMode(y=self._log_metric)
        # the legend where the curves rarely are: under chance for accuracy, on top for errors
        corner = (1, 1) if task.higher_is_better else (1, 0)
        self.legend.anchor(corner, corner, (-10, -30 if task.higher_is_better else 40))
        for line, value in ((self.chance_line, task.chance), (self.solved_line, task.threshold)):
            line.setVisible(bool(np.isfinite(value)))
            if np.isfinite(value):
                line.setPos(np.log10(value) if self._log_metric else value)
        # each label on the side of its line away from the plot's edge and from the other
        # label: "solved" at 99 % under its line, "chance" under its own
        label_below(self.solved_line, task.higher_is_better, left=True)
        label_below(self.chance_line, True, left=True)
        show_fraction_axis(self.metric_plot, task.higher_is_better)
        for item in [*self.metric_curves.values(), *self.tails.values(), *self.marks.values()]:
            self.metric_plot.removeItem(item)
        for item in self.loss_curves.values():
            self.loss_plot.removeItem(item)
        self.legend.clear()
        self.metric_curves, self.loss_curves, self.tails, self.marks = {}, {}, {}, {}
        for k, (cell, (H, count)) in enumerate(sizes.items()):
            spec = CELL_SPECS[cell]
            wider = 2 * (len(sizes) - 1 - k)  # cells on the same values stay visible as stripes
            name = self.tr("{0}: H = {1}, {2} parameters").format(cell_label(spec), H, f"{count:,}")
            self.metric_curves[cell] = self.metric_plot.plot(
                pen=pg.mkPen(spec.color, width=4 + wider), name=name
            )
            dashed = pg.mkPen(spec.color, width=3, style=Qt.PenStyle.DashLine)
            self.tails[cell] = self.metric_plot.plot(pen=dashed)
            self.marks[cell] = self.metric_plot.plot(
                symbol="star", symbolSize=26, symbolBrush=spec.color, symbolPen="#202020", pen=None
            )
            self.loss_curves[cell] = self.loss_plot.plot(
                pen=pg.mkPen(spec.color, width=3), connect="finite"
            )

    # ---------------------------------------------------------------- the curves
    def show_race(self, race) -> None:
        """Redraw from a RaceSession (setData only)."""
        last, losses = 10, []
        for cell, curve in self.metric_curves.items():
            log = race.logs.get(cell)
            if log is None:
                continue
            steps, test = log.column("profile_step"), log.column("test_metric")
            curve.setData(steps, _positive(test) if self._log_metric else test)
            s, loss = race.smoothed_loss(cell)
            self.loss_curves[cell].setData(s, _positive(loss))
            losses.append(loss)
            last = max(last, log.last_step)
        for cell, tail in self.tails.items():
            log = race.logs.get(cell)
            solved = log is not None and race.outcomes.get(cell) == "solved" and log.n_profiles
            if solved:
                x, y = float(log.column("profile_step")[-1]), float(log.column("test_metric")[-1])
                tail.setData([x, max(x, last)], [y, y])
                self.marks[cell].setData([x], [y])
            tail.setVisible(bool(solved))
            self.marks[cell].setVisible(bool(solved))
        for plot in (self.metric_plot, self.loss_plot):
            plot.setXRange(0, last, padding=0.02)
        lo, hi = log_range([np.asarray(c, dtype=float) for c in losses], pad=0.1)
        self.loss_plot.setYRange(lo, hi, padding=0)
        if self._log_metric:
            tests = [
                race.logs[c].column("test_metric") for c in self.metric_curves if c in race.logs
            ]
            lines = np.array([10 ** line.value() for line in (self.chance_line, self.solved_line)])
            lo, hi = log_range([np.asarray(c, dtype=float) for c in [*tests, lines]], pad=0.1)
            self.metric_plot.setYRange(lo, hi, padding=0)
