"""How views plug into the main window: each view module offers ``create_panels(session)``.

The main window asks :func:`all_panels` for the panels and places each one as the central
widget or in a dock. View modules never import the main window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

CENTRAL = "central"


@dataclass
class PanelSpec:
    """One panel.

    Attributes
    ----------
    key : stable object name (used for saving the layout), e.g. ``"network"``.
    title : user-visible title, already translated.
    widget : the view.
    area : ``CENTRAL`` or a ``Qt.DockWidgetArea`` (right: cell and equations; bottom:
        heatmaps and gradients).
    """

    key: str
    title: str
    widget: QWidget
    area: object = Qt.DockWidgetArea.BottomDockWidgetArea


def all_panels(session) -> list[PanelSpec]:
    """The panels of every view module, in the order they should appear."""
    from . import gradient_panels, network_panels

    return network_panels.create_panels(session) + gradient_panels.create_panels(session)
