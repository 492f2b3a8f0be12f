"""Gradient flow: ‖∂L/∂h_t‖ per step on a log axis, the Pascanu readout, and the lab controls."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...session import LessonSession
from ..common.panels import PanelSpec


def create_panels(session: LessonSession) -> list[PanelSpec]:
    """The gradient-flow plot (bottom) and the gradient lab's controls (left)."""
    from .gradient_lab_controls import GradientLabControls
    from .gradients_panel import GradientsPanel

    flow = QCoreApplication.translate("GradientPanels", "Gradient flow")
    lab = QCoreApplication.translate("GradientPanels", "Gradient lab")
    area = Qt.DockWidgetArea
    return [
        PanelSpec("gradients", flow, GradientsPanel(session), area.BottomDockWidgetArea),
        PanelSpec(
            "lab", lab, GradientLabControls(session), area.LeftDockWidgetArea, presentable=False
        ),
    ]
