"""The unrolled network (textbook Fig. 8.2) with the rolled form (Fig. 8.1): the central panel.

Modules: :mod:`.unrolled_network_view` (the panel: toolbar, legend, the graphics view),
:mod:`.network_graphics_view` (the scene, the item pool, zoom, animations), :mod:`.step_item`
(one step's painting), :mod:`.step_layout` (its geometry), :mod:`.step_data` (what it shows),
:mod:`.truncation_cuts`, :mod:`.network_animation` (pure timing functions),
:mod:`.rolled_cell_view`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...session import LessonSession
from ..common.panels import CENTRAL, PanelSpec


def create_panels(session: LessonSession) -> list[PanelSpec]:
    """The unrolled network, in the centre of the window."""
    from .unrolled_network_view import UnrolledNetworkView

    title = QCoreApplication.translate("NetworkPanels", "Unrolled network")
    return [PanelSpec("network", title, UnrolledNetworkView(session), CENTRAL)]
