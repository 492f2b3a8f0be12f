"""How the main window lays out its docks: the initial sizes (large and compact windows),
the scroll areas the panels live in, and a Qt 6.11 quirk (stale dock tab bars)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QTabBar, QWidget

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
SCROLLBAR_ROOM = 24
#: Windows shorter than this get the compact layout (see size_docks).
COMPACT_HEIGHT = 880
#: The cell column's least width in the compact layout: the diagram stays readable.
COMPACT_CELL_WIDTH = 400
#: The input column may grow to this share of the width so that its tabs read in full.
LEFT_MAX_SHARE = 0.24


def size_docks(window: QMainWindow, docks: dict) -> None:
    """Initial dock sizes. Large windows: left 19 % and right 30 % of the width, the
    bottom tabs 42 % of the height under the network and the cell. Compact windows
    (a 1280×720 or 1024×768 projector): the right column (the cell) runs the full
    height and is at least wide enough to read the diagram, and the bottom tabs run
    under the input column instead, so the plots keep their width — the network, the
    cell, the equations and the plots all stay readable."""
    width, height = window.width() or 1600, window.height() or 1000
    compact = height < COMPACT_HEIGHT
    window.setCorner(Qt.Corner.BottomRightCorner, RIGHT if compact else BOTTOM)
    window.setCorner(Qt.Corner.BottomLeftCorner, BOTTOM if compact else LEFT)
    right = max(0.30 * width, COMPACT_CELL_WIDTH) if compact else 0.30 * width
    for area, size in ((LEFT, 0.19 * width), (RIGHT, right)):
        column = [d for d in docks.values() if window.dockWidgetArea(d) == area]
        if column:
            if area == LEFT:  # "Input s…  Grad…  T…" read as nothing on a projector
                size = max(size, min(tabs_width(window, column), LEFT_MAX_SHARE * width))
            size = max(int(size), min_width(column[0]) + SCROLLBAR_ROOM)
            window.resizeDocks(column[:1], [size], Qt.Orientation.Horizontal)
    bottom = [d for d in docks.values() if window.dockWidgetArea(d) == BOTTOM]
    if bottom:
        share = 0.47 if compact else 0.42
        window.resizeDocks(bottom[:1], [int(height * share)], Qt.Orientation.Vertical)


def tabs_width(window: QMainWindow, column: list) -> int:
    """The width the tab bar of the tabbed ``column`` needs to show every title in full
    (0 if the column has no tab bar)."""
    titles = {d.windowTitle() for d in column}
    widths = [
        bar.sizeHint().width() + 8
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if titles & {bar.tabText(k) for k in range(bar.count())}
    ]
    return max(widths, default=0)


def hide_stale_tab_bars(window: QMainWindow, docks: dict) -> None:
    """Hide dock tab bars that Qt left behind.

    Qt 6.11 creates a second tab bar for every tabbed dock group after the first and
    never lays it out again: it stays where it was made, over the network view, showing
    old tabs. A live tab bar sits right under the front dock of its group.
    """
    by_title = {d.windowTitle(): d for d in docks.values()}
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        group = [by_title[t] for t in map(bar.tabText, range(bar.count())) if t in by_title]
        if bar.isVisible() and group and not any(_under(bar, d) for d in group):
            bar.hide()


def _under(bar: QTabBar, dock: QDockWidget) -> bool:
    """Whether ``bar`` is laid out directly under the visible ``dock``."""
    if dock.visibleRegion().isEmpty():
        return False
    d, b = dock.geometry(), bar.geometry()
    return abs(b.top() - d.bottom() - 1) <= 4 and b.left() < d.right() and d.left() < b.right()


class _PanelScrollArea(QScrollArea):
    """A dock's scroll area whose size hints are fixed when it is made.

    A label that changes its text inside a panel changes the panel's size hint; passed up,
    that re-laid out (and repainted) the whole main window on every step and every slider
    move. The dock sizes are set by the window, so the hints need not follow the content.
    """

    def __init__(self, widget: QWidget):
        super().__init__()
        self._hint = widget.sizeHint()
        self._min_hint = QSize(80, 60)  # it scrolls below that

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._min_hint


def scrollable(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so no panel can force the window larger than
    the screen (it scrolls instead of clipping when the dock is small)."""
    area = _PanelScrollArea(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def min_width(dock: QDockWidget) -> int:
    """The minimum width the panel inside ``dock`` (inside its scroll area) asks for."""
    return dock.widget().widget().minimumSizeHint().width()
