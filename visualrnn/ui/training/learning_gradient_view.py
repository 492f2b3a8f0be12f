"""The gradient during learning: log₁₀ ‖∂L/∂h_t‖ with the time step t across and the
training update down — and, for cells with a memory state, ‖∂L/∂c_t‖ beside it — with the
steps that matter marked (the markers of ``adding``, the X / Y of ``temporal_order``, the
cause word of ``sky_color``). A class sees whether the error signal ever reaches them.

Images use fixed levels (:data:`LEVELS`), so runs and cells are compared on one scale.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from ..common.cell_text import spec_of
from ..common.plot_style import BACKGROUND, FollowFontScale, style_colorbar, style_plot
from ..common.plot_style import set_title as set_plot_title
from ..common.theme import CURSOR_COLOR, GRADIENT_MAP, colormap, font_scale
from . import training_text as text
from .training_plots import ROW_HEIGHT

#: log₁₀ of the norms at the ends of the colour scale (10⁻¹⁰ … 10⁰).
LEVELS = (-10.0, 0.0)
MARK_COLOR = CURSOR_COLOR


class LearningGradientView(pg.GraphicsLayoutWidget):
    """One or two images of log₁₀ ‖∂L/∂state_t‖: steps across, updates down."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setBackground(BACKGROUND)
        cmap = colormap(GRADIENT_MAP)
        self.plots, self.images, self.marks = [], [], []
        for column in range(2):
            plot = self.addPlot(row=0, col=column, enableMenu=False)
            style_plot(plot, self.tr("time step t"), self.tr("update"))
            plot.invertY(True)
            image = pg.ImageItem(axisOrder="row-major")
            image.setColorMap(cmap)
            image.setLevels(LEVELS)
            plot.addItem(image)
            self.plots.append(plot)
            self.images.append(image)
            self.marks.append([])
        self.bar = pg.ColorBarItem(
            values=LEVELS, colorMap=cmap, interactive=False, label="log₁₀ ‖∂L/∂·‖"
        )
        style_colorbar(self.bar)
        self._fonts = FollowFontScale(self, self.plots, bars=[self.bar])
        font_scale().scale_changed.connect(self._fit_height)
        self._fit_height()
        self.addItem(self.bar, row=0, col=2)
        self._has_c = True
        self._key = None
        self.set_memory(True)

    def _fit_height(self, *_args) -> None:
        """Never squeezed below a readable height at any text size (the panel scrolls)."""
        self.setMinimumHeight(int(ROW_HEIGHT * font_scale().scale))

    def set_memory(self, has_c: bool) -> None:
        """Show the ‖∂L/∂c_t‖ image (cells with a memory state) or only ‖∂L/∂h_t‖."""
        self._has_c = has_c
        self.plots[1].setVisible(has_c)
        set_plot_title(self.plots[0], self.tr("Gradient during learning: log₁₀ ‖∂L/∂hₜ‖"))
        set_plot_title(self.plots[1], self.tr("log₁₀ ‖∂L/∂cₜ‖ (memory cell)"))

    def set_task(self, task, model, eval_every: int) -> None:
        """Marks for the steps that matter; the c image only for cells with c."""
        from ...session.training_tasks import steps_that_matter

        key = (task.name, task.length, model.cell, eval_every)
        if key == self._key:
            return
        self._key = key
        self.eval_every = eval_every
        self.T = task.steps
        self.set_memory(spec_of(model).memory_state is not None)
        for plot, marks in zip(self.plots, self.marks, strict=True):
            for item in marks:
                plot.removeItem(item)
            marks.clear()
            for lo, hi, what in steps_that_matter(task):
                region = pg.LinearRegionItem(
                    values=(lo - 0.5, hi + 0.5),
                    movable=False,
                    brush=pg.mkBrush(_tint(MARK_COLOR)),  # the marked columns, lightly
                    pen=pg.mkPen(MARK_COLOR, width=3, style=Qt.PenStyle.DashLine),
                )
                region.setZValue(10)
                label = pg.TextItem(
                    text.named(text.MARK_NAMES[what]),
                    color=MARK_COLOR,
                    anchor=(0, 0),
                    fill=(255, 255, 255, 200),
                )
                label.setZValue(11)
                plot.addItem(region, ignoreBounds=True)
                plot.addItem(label, ignoreBounds=True)
                marks.extend([region, label])
            plot.setXRange(-0.5, self.T - 0.5, padding=0)

    def show_log(self, log) -> None:
        """Redraw from a TrainingLog: one row per profile."""
        rows = [log.dh_image(), log.dc_image() if self._has_c else None]
        steps = log.column("profile_step")
        for plot, image, data, marks in zip(self.plots, self.images, rows, self.marks, strict=True):
            if data is None or not len(steps):
                image.setImage(np.full((1, max(1, getattr(self, "T", 1))), np.nan), levels=LEVELS)
                image.setRect(QRectF(-0.5, 0, getattr(self, "T", 1), 1))
                plot.setYRange(0, 1, padding=0)
                self._place_labels(marks, 0)
                continue
            with np.errstate(divide="ignore", invalid="ignore"):
                logs = np.log10(np.where(data > 0, data, np.nan))
            shown = np.clip(np.nan_to_num(logs, nan=LEVELS[0], posinf=LEVELS[1]), *LEVELS)
            image.setImage(shown, levels=LEVELS, autoLevels=False)
            step = float(self.eval_every)
            top = float(steps[0]) - step / 2
            image.setRect(QRectF(-0.5, top, data.shape[1], step * len(steps)))
            plot.setYRange(top, top + step * max(len(steps), 4), padding=0)
            self._place_labels(marks, top)

    def _place_labels(self, marks, top: float) -> None:
        for item in marks:
            if isinstance(item, pg.TextItem):
                region = marks[marks.index(item) - 1]
                item.setPos(region.getRegion()[0], top)


def _tint(color: str) -> QColor:
    """``color`` at a fifth of its strength: a fill that leaves the image readable."""
    tint = QColor(color)
    tint.setAlpha(50)
    return tint
