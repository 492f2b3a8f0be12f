"""The gradient-flow panel: the ‖∂L/∂h_t‖ plot (and, on request, each step's share of
∂L/∂W_h under it) with the Pascanu readout to its right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...session import LessonSession
from .gradient_plot_view import GradientFlowView
from .pascanu_readout import PascanuReadout
from .step_share_view import StepShareView


class GradientsPanel(QSplitter):
    """The gradient-flow plot with the Pascanu readout to its right."""

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.plot_view = GradientFlowView(session)
        self.step_shares = StepShareView(session)
        self.readout = PascanuReadout(session)
        scroll = QScrollArea()
        scroll.setWidget(self.readout)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.plot_view, 1)
        column.addWidget(self.step_shares)
        self.addWidget(left)
        self.addWidget(scroll)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        scroll.setMinimumWidth(260)
        self.setSizes([1150, 450])
