"""Parameters: the model's W_h, W_x, b per gate block, W_y and b_y as labelled matrices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...session import LessonSession
from ..common.panels import PanelSpec


def create_panels(session: LessonSession) -> list[PanelSpec]:
    """The parameters view, in the right dock area (a tab behind the cell)."""
    from .parameters_view import ParametersView

    title = QCoreApplication.translate("MainWindow", "Parameters")
    right = Qt.DockWidgetArea.RightDockWidgetArea
    return [PanelSpec("parameters", title, ParametersView(session), right)]
