"""Inside the cell: the textbook's cell diagram (Fig. 8.4 / 8.6–8.7) with this step's values.

The diagram's layout comes from the engine's cell description
(:attr:`visualrnn.engine.cellspec.CellSpec.diagram`); this package only draws it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...session import LessonSession
from ..common.panels import PanelSpec


def create_panels(session: LessonSession) -> list[PanelSpec]:
    """The cell diagram, in the right dock area."""
    from .cell_internals_view import CellInternalsView

    title = QCoreApplication.translate("NetworkPanels", "Inside the cell")
    right = Qt.DockWidgetArea.RightDockWidgetArea
    return [PanelSpec("cell", title, CellInternalsView(session), right)]
