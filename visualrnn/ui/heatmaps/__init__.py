"""Gates and states as units × time heatmaps, with one unit's time course below."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...session import LessonSession
from ..common.panels import PanelSpec


def create_panels(session: LessonSession) -> list[PanelSpec]:
    """The heatmaps, in the bottom dock area."""
    from .heatmap_view import StateHeatmapView

    title = QCoreApplication.translate("GradientPanels", "Gates and states")
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    return [PanelSpec("heatmaps", title, StateHeatmapView(session), bottom)]
