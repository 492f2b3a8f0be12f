"""Panels of the unrolled network, the cell internals and the equations (issue 4)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from .cell_internals_view import CellInternalsView
from .equation_panel import EquationPanel
from .panels import CENTRAL, PanelSpec
from .unrolled_network_view import UnrolledNetworkView


def create_panels(session) -> list[PanelSpec]:
    """The unrolled network (central), the cell internals (right) and the equations
    (bottom, where the long LSTM/GRU lines fit on one line each)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("NetworkPanels", text)

    right = Qt.DockWidgetArea.RightDockWidgetArea
    return [
        PanelSpec("network", tr("Unrolled network"), UnrolledNetworkView(session), CENTRAL),
        PanelSpec("cell", tr("Inside the cell"), CellInternalsView(session), right),
        PanelSpec(
            "equations",
            tr("Equations"),
            EquationPanel(session),
            Qt.DockWidgetArea.BottomDockWidgetArea,
        ),
    ]
