"""The feature packages whose panels the main window shows, in the order they appear.

Each feature package offers ``create_panels(session) -> list[PanelSpec]``. Only the shell
knows the list; features never import each other (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...session import LessonSession
from .. import cell, equations, gradients, heatmaps, network, parameters, step_values, training
from ..common.panels import PanelSpec

#: Order matters: the first panel of each dock area is in front; tabs follow this order.
FEATURES = (network, cell, equations, heatmaps, gradients, step_values, parameters, training)


def all_panels(session: LessonSession) -> list[PanelSpec]:
    """The panels of every feature package, in :data:`FEATURES` order."""
    return [panel for panels in panels_by_feature(session) for panel in panels]


def panels_by_feature(session: LessonSession) -> Iterator[list[PanelSpec]]:
    """Each feature package's panels in turn, made only when asked for (a window rebuilt in
    another language makes one feature's panels per event-loop turn)."""
    for feature in FEATURES:
        yield feature.create_panels(session)
