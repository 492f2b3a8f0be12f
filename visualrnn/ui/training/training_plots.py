"""The live curves of a training run: the loss (log axis), the task metric with its chance
baseline and solved line, ‖g‖ before and after clipping, and the memory gate's mean (or
ρ(W_hh) for cells without one).

Every item is created once; :meth:`TrainingPlots.show_log` updates them with ``setData``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from ..common.cell_text import quantity_meaning, spec_of
from ..common.plot_helpers import log_range
from ..common.plot_items import DecadeTicks
from ..common.plot_style import BACKGROUND, FollowFontScale, label_below, style_plot
from ..common.plot_style import set_title as set_plot_title
from ..common.theme import font_scale
from . import training_text as text

LOSS_COLOR, METRIC_COLOR, TEST_COLOR = "#0072B2", "#7F7F7F", "#D55E00"
RAW_COLOR, CLIPPED_COLOR, GATE_COLOR = "#9A9A9A", "#0072B2", "#009E73"
CHANCE_COLOR, SOLVED_COLOR = "#7F7F7F", "#009E73"
#: Below this width per plot (pixels at 100 % text) the four plots go two by two.
MIN_PLOT_WIDTH = 300
#: The height of a row of plots (at 100 % text): titles, ticks and a readable curve (the
#: curves and the gradient images below them fit the docked panel of a 1600×1000 window).
ROW_HEIGHT = 150
#: The ticks and range of a fraction's axis (accuracy, a gate's mean).
FRACTION_TICKS = [(0.0, "0"), (0.5, "0.5"), (1.0, "1")]
FRACTION_RANGE = (-0.08, 1.1)


def show_fraction_axis(plot: pg.PlotItem, on: bool, ticks: DecadeTicks | None = None) -> None:
    """A fraction's y axis (``on``): 0, 0.5 and 1 labelled, without the grid — pyqtgraph
    drops an end label that reaches past a gridded axis, and on a short row it kept only
    "0.5". Off: the grid and automatic ticks again (``ticks``: the axis's DecadeTicks)."""
    plot.showGrid(x=False, y=not on, alpha=0.25)
    if on:
        plot.setYRange(*FRACTION_RANGE, padding=0)
    if ticks is not None:
        ticks.set_linear(FRACTION_TICKS if on else None)
    else:
        plot.getAxis("left").setTicks([FRACTION_TICKS, []] if on else None)


def _positive(values: np.ndarray) -> np.ndarray:
    """Values a log axis can draw (≤ 0 and inf / NaN become gaps)."""
    v = np.asarray(values, dtype=float)
    return np.where(np.isfinite(v) & (v > 0), v, np.nan)


class TrainingPlots(pg.GraphicsLayoutWidget):
    """Four small plots over updates: in a row, or two by two when a row would make them
    too narrow (a narrow panel, a large text size); never squeezed below a readable
    height (the panel scrolls instead)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setBackground(BACKGROUND)
        self._columns = 4
        self.loss_plot = self._plot(0, self.tr("update"), "")
        self.loss_plot.setLogMode(y=True)
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen(LOSS_COLOR, width=2), connect="finite")
        self.metric_plot = self._plot(1, self.tr("update"), "")
        self.metric_curve = self.metric_plot.plot(pen=pg.mkPen(METRIC_COLOR, width=1))
        self.test_curve = self.metric_plot.plot(
            pen=pg.mkPen(TEST_COLOR, width=3),
            symbol="o",
            symbolSize=7,
            symbolBrush=TEST_COLOR,
            symbolPen=None,
        )
        self.chance_line = self._hline(self.metric_plot, CHANCE_COLOR, self.tr("chance"))
        self.solved_line = self._hline(self.metric_plot, SOLVED_COLOR, self.tr("solved"))
        self.grad_plot = self._plot(2, self.tr("update"), "")
        self.grad_plot.setLogMode(y=True)
        # wide, under the clipped curve: where nothing was clipped it shows as a grey rim
        self.raw_curve = self.grad_plot.plot(pen=pg.mkPen(RAW_COLOR, width=5), connect="finite")
        self.clipped_curve = self.grad_plot.plot(
            pen=pg.mkPen(CLIPPED_COLOR, width=2), connect="finite"
        )
        self.gate_plot = self._plot(3, self.tr("update"), "")
        self.gate_curve = self.gate_plot.plot(
            pen=pg.mkPen(GATE_COLOR, width=3),
            symbol="o",
            symbolSize=6,
            symbolBrush=GATE_COLOR,
            symbolPen=None,
        )
        self._task_key = None
        self._log_metric = False
        self._gate_key = None
        # decades only on the log axes (pyqtgraph's 2 … 9 labels pile up on a short plot)
        self._ticks = [DecadeTicks(p) for p in (self.loss_plot, self.metric_plot, self.grad_plot)]
        plots = (self.loss_plot, self.metric_plot, self.grad_plot, self.gate_plot)
        labels = [line.label for line in (self.chance_line, self.solved_line)]
        self._fonts = FollowFontScale(self, plots, labels=labels)  # grow with the text size
        font_scale().scale_changed.connect(self._arrange)
        self.setMinimumHeight(int(ROW_HEIGHT * font_scale().scale))  # one row until laid out

    @property
    def columns(self) -> int:
        """How many plots are side by side: 4 (one row) or 2 (two rows)."""
        return self._columns

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if hasattr(self, "_fonts"):  # pyqtgraph resizes the view inside its constructor
            # on the next turn: the window's first layout passes through narrow widths, and
            # a two-row minimum height taken then kept the plots too tall in the splitter
            QTimer.singleShot(0, self, self._arrange)

    def _arrange(self, *_args) -> None:
        scale = font_scale().scale
        columns = 4 if self.width() >= 4 * MIN_PLOT_WIDTH * scale else 2
        if columns != self._columns:
            self._columns = columns
            plots = (self.loss_plot, self.metric_plot, self.grad_plot, self.gate_plot)
            for plot in plots:
                self.ci.removeItem(plot)
            for k, plot in enumerate(plots):
                self.ci.addItem(plot, row=k // columns, col=k % columns)
        self.setMinimumHeight(int(ROW_HEIGHT * scale * (4 // columns)))

    def _plot(self, column: int, x_label: str, y_label: str) -> pg.PlotItem:
        plot = self.addPlot(row=0, col=column, enableMenu=False)
        style_plot(plot, x_label, y_label)
        plot.showGrid(x=False, y=True, alpha=0.25)
        return plot

    def _hline(self, plot, color: str, label: str) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=0,
            movable=False,
            pen=pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine),
            label=label,
            labelOpts={"position": 0.9, "color": color, "anchors": [(1, 1), (1, 1)]},
        )
        plot.addItem(line, ignoreBounds=True)
        return line

    # ---------------------------------------------------------------- the task
    def set_task(self, task, model) -> None:
        """Titles, axes and the chance / solved lines for ``task`` and the model's cell."""
        key = (task.name, task.length, model.cell)
        if key == self._task_key:
            return
        self._task_key = key
        set_plot_title(self.loss_plot, self.tr("Loss L (log scale)"))
        set_plot_title(
            self.metric_plot,
            self.tr("Task: {0} (orange: test set)").format(text.metric_name(task)),
        )
        log_metric = self._log_metric = not task.higher_is_better
        self.metric_plot.setLogMode(y=log_metric)
        for line, value in ((self.chance_line, task.chance), (self.solved_line, task.threshold)):
            line.setVisible(bool(np.isfinite(value)))
            if np.isfinite(value):
                line.setPos(np.log10(value) if log_metric else value)
        # each label on the side of its line away from the plot's edge and from the other
        # label: "solved" at 99 % under its line, "chance" under its own
        label_below(self.solved_line, task.higher_is_better)
        label_below(self.chance_line, True)
        show_fraction_axis(self.metric_plot, task.higher_is_better, self._ticks[1])
        if not task.higher_is_better:
            self.metric_plot.enableAutoRange(axis="y")
        set_plot_title(self.grad_plot, self.tr("‖g‖: grey before clipping, blue after"))
        spec = spec_of(model)
        gate = next((q for q in spec.quantities if q.key == spec.memory_gate), None)
        if gate is not None:
            title = self.tr("Mean {0} {1}").format(quantity_meaning(gate), gate.symbol)
            self.gate_plot.setLogMode(y=False)
        else:
            title = self.tr("Spectral radius ρ(W_h)")
            self.gate_plot.enableAutoRange(axis="y")
        show_fraction_axis(self.gate_plot, gate is not None)
        self._gate_key = None if gate is None else gate.key
        set_plot_title(self.gate_plot, title)

    # ---------------------------------------------------------------- the curves
    def show_log(self, log, clip: float | None) -> None:
        """Redraw from a TrainingLog (setData only)."""
        steps = log.column("step")
        self.loss_curve.setData(steps, _positive(log.column("loss")))
        metric = log.column("metric")
        higher = not self._log_metric
        self.metric_curve.setData(steps, metric if higher else _positive(metric))
        p_steps = log.column("profile_step")
        test = log.column("test_metric")
        self.test_curve.setData(p_steps, test if higher else _positive(test))
        self.raw_curve.setData(steps, _positive(log.column("grad_norm")))
        self.clipped_curve.setData(steps, _positive(log.column("grad_norm_clipped")))
        self.clipped_curve.setVisible(clip is not None)
        values = log.column("memory_gate_mean" if self._gate_key else "spectral_radius")
        self.gate_curve.setData(p_steps, values)
        if log.n == 0:
            for plot in (self.loss_plot, self.grad_plot):
                plot.setYRange(-2, 1, padding=0)
            for plot in (self.loss_plot, self.metric_plot, self.grad_plot, self.gate_plot):
                plot.setXRange(0, 10, padding=0)
            if self._log_metric:  # before the first update: the chance and solved lines show
                self._log_range(self.metric_plot, [self._lines()])
        else:
            for plot in (self.loss_plot, self.metric_plot, self.grad_plot, self.gate_plot):
                plot.enableAutoRange(axis="x")
            self._log_range(self.loss_plot, [log.column("loss")])
            if self._log_metric:
                self._log_range(self.metric_plot, [metric, self._lines()])
            self._log_range(
                self.grad_plot, [log.column("grad_norm"), log.column("grad_norm_clipped")]
            )

    def _lines(self) -> np.ndarray:
        """The chance and solved values (10^pos: the lines sit at log10 positions)."""
        return np.array([10 ** line.value() for line in (self.chance_line, self.solved_line)])

    def _log_range(self, plot: pg.PlotItem, curves) -> None:
        """Whole decades on a log axis (pyqtgraph's own range crowds the ticks)."""
        lo, hi = log_range([np.asarray(c, dtype=float) for c in curves], pad=0.1)
        plot.setYRange(lo, hi, padding=0)
