"""Each step's share of ∂L/∂W_h, as bars over t: why the global gradient is not tiny while
the distant steps contribute nothing.

∂L/∂W_h = Σ_t h_{t−1}ᵀ · d_t (one outer product per step; d_t the gradient of the step's
pre-activations). The bars are the norms of those terms, on a linear axis: with the loss
at the last step and a vanishing gradient, only the last few steps have visible bars — the
weights learn from them alone, and their sum is what the update sees. Shown on request (a
check box): it redoes the backward pass once per trace (:meth:`LessonSession.breakdown`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ...session import LessonSession
from ..common import plot_helpers as ph
from ..common.plot_style import BACKGROUND, apply_fonts, follow_cursor_cheaply, style_plot
from ..common.refresh import SessionRefresh
from ..common.theme import font_scale, scaled_font

BAR_COLOR = "#56B4E9"
PLOT_HEIGHT = 130


class StepShareView(QWidget):
    """A check box, and under it (when ticked) the bars of ‖step t's share of ∂L/∂W_h‖."""

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.toggle = QCheckBox(self.tr("Show each step's share of ∂L/∂Wₕ (bars over t)"))
        self.plot_widget = pg.PlotWidget(background=BACKGROUND, enableMenu=False)
        follow_cursor_cheaply(self.plot_widget)
        plot = self.plot_widget.getPlotItem()
        style_plot(plot, self.tr("step t"), self.tr("‖share‖"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=BAR_COLOR, pen=None)
        plot.addItem(self.bars)
        self.plot_widget.setFixedHeight(PLOT_HEIGHT)
        self.plot_widget.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.plot_widget)
        self._refresh = SessionRefresh(self, session, self._show_trace, self._show_cursor)
        self.toggle.toggled.connect(self._on_toggled)
        font_scale().scale_changed.connect(self._on_scale_changed)
        self._on_scale_changed()

    def shares(self) -> np.ndarray:
        """(T,) the norms the bars show."""
        return np.asarray(self.session.breakdown().step_norms["W_h"], dtype=float)

    def _on_toggled(self, on: bool) -> None:
        self.plot_widget.setVisible(on)
        if on:
            self._refresh.request_trace()

    def _show_trace(self) -> None:
        if not self.toggle.isChecked():
            return
        values = ph.linear_safe(self.shares())  # inf / NaN (an explosion) drawn as gaps
        finite = values[np.isfinite(values)]
        self.bars.setOpts(x=np.arange(values.size), height=np.nan_to_num(values, nan=0.0))
        plot = self.plot_widget.getPlotItem()
        plot.setXRange(-0.5, values.size - 0.5, padding=0)
        top = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        plot.setYRange(0.0, top * 1.05, padding=0)

    def _show_cursor(self) -> None:
        """The bars do not depend on the cursor."""

    def _on_scale_changed(self, _scale: float = 1.0) -> None:
        self.toggle.setFont(scaled_font())
        apply_fonts(self.plot_widget.getPlotItem())
