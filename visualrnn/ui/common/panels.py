"""How views plug into the main window: each feature package's ``create_panels(session)``
returns :class:`PanelSpec` objects; the shell (``shell/panel_registry.py``) collects them and
places each one as the central widget or in a dock. Features never import the shell.
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
    presentable : shown in presenter mode (one view filling the window); controls are not.
    """

    key: str
    title: str
    widget: QWidget
    area: object = Qt.DockWidgetArea.BottomDockWidgetArea
    presentable: bool = True
