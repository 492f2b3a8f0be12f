"""The cell's equations with the current step's numbers substituted (textbook Fig. 8.5)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...session import LessonSession
from ..common.panels import PanelSpec


def create_panels(session: LessonSession) -> list[PanelSpec]:
    """The equations, in the bottom dock area (where the long LSTM/GRU lines fit)."""
    from .equation_panel import EquationPanel

    title = QCoreApplication.translate("NetworkPanels", "Equations")
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    return [PanelSpec("equations", title, EquationPanel(session), bottom)]
