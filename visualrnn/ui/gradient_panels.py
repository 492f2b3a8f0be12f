"""Panels of the heatmaps and the gradient-flow lab (issue 5).

- "heatmaps" (bottom): every gate and state as unit × time images, :class:`StateHeatmapView`.
- "gradients" (bottom): ‖dh_t‖ on a log axis beside the Pascanu readout.
- "lab" (left): the live controls (ρ, φ, b_f, T, loss placement, k, C).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

from .gradient_lab_controls import GradientLabControls
from .gradient_plot_view import GradientFlowView
from .heatmap_view import StateHeatmapView
from .panels import PanelSpec
from .pascanu_readout import PascanuReadout


class GradientsPanel(QSplitter):
    """The gradient-flow plot with the Pascanu readout to its right."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.plot_view = GradientFlowView(session)
        self.readout = PascanuReadout(session)
        scroll = QScrollArea()
        scroll.setWidget(self.readout)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(self.plot_view)
        self.addWidget(scroll)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        scroll.setMinimumWidth(320)
        self.setSizes([1150, 450])


def create_panels(session) -> list[PanelSpec]:
    """The heatmaps and gradients (bottom dock area) and the lab controls (left)."""
    tr = QCoreApplication.translate
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    return [
        PanelSpec(
            "heatmaps", tr("GradientPanels", "Gates and states"), StateHeatmapView(session), bottom
        ),
        PanelSpec(
            "gradients", tr("GradientPanels", "Gradient flow"), GradientsPanel(session), bottom
        ),
        PanelSpec(
            "lab",
            tr("GradientPanels", "Gradient lab"),
            GradientLabControls(session),
            Qt.DockWidgetArea.LeftDockWidgetArea,
        ),
    ]
