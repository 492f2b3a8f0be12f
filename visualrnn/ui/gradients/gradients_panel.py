"""The gradient-flow panel: the ‖∂L/∂h_t‖ plot with the Pascanu readout to its right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

from ...session import LessonSession
from .gradient_plot_view import GradientFlowView
from .pascanu_readout import PascanuReadout


class GradientsPanel(QSplitter):
    """The gradient-flow plot with the Pascanu readout to its right."""

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
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
        scroll.setMinimumWidth(260)
        self.setSizes([1150, 450])
