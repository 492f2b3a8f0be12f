"""The feature packages whose panels the main window shows, in the order they appear.

Each feature package offers ``create_panels(session) -> list[PanelSpec]``. Only the shell
knows the list; features never import each other (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from ...session import LessonSession
from .. import cell, equations, gradients, heatmaps, network, parameters, step_values, training
from ..common.panels import PanelSpec

#: Order matters: the first panel of each dock area is in front; tabs follow this order.
FEATURES = (network, cell, equations, heatmaps, gradients, step_values, parameters, training)


def all_panels(session: LessonSession) -> list[PanelSpec]:
    """The panels of every feature package, in :data:`FEATURES` order."""
    return [panel for feature in FEATURES for panel in feature.create_panels(session)]
