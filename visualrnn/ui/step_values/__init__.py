"""Step values: every number of the current step in one table (units across)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...session import LessonSession
from ..common.panels import PanelSpec


def create_panels(session: LessonSession) -> list[PanelSpec]:
    """The step table, in the right dock area (a tab behind the cell)."""
    from .step_table_view import StepTableView

    title = QCoreApplication.translate("MainWindow", "Step values")
    right = Qt.DockWidgetArea.RightDockWidgetArea
    return [PanelSpec("step_table", title, StepTableView(session), right)]
