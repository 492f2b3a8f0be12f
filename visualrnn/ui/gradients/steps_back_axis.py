"""The gradient plot's top axis: how many steps back from the loss each step t is.

Read left to right, the bottom axis (step t) makes a gradient that vanishes going back look
like growth (newcomers read it that way first). The top axis counts from the other end —
0 at the last step, where the loss is — so the curve reads in the direction BPTT runs.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from ..common.plot_helpers import integer_tick_spacing
from ..common.plot_style import FOREGROUND, cache_axis


def show_steps_back(plot: pg.PlotItem, T: int) -> None:
    """Label the top axis with T − 1 − t ("steps back from the loss") at whole steps."""
    axis = plot.getAxis("top")
    if not plot.getAxis("top").isVisible():
        plot.showAxis("top")
        axis.setPen(FOREGROUND)
        axis.setTextPen(FOREGROUND)
        cache_axis(axis)
    dx = integer_tick_spacing(T)
    ticks = [(float(T - 1 - k), str(k)) for k in range(0, T, dx)]
    axis.setTicks([ticks, []])
    label = QCoreApplication.translate("GradientFlowView", "steps back from the loss ⟵")
    axis.setLabel(label)
