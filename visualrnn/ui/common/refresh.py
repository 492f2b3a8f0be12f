"""Panels refresh only when they can be seen, and follow the session with one line.

:class:`RefreshWhenSeen` defers a panel's work while its dock is tabbed away;
:class:`SessionRefresh` is the same, connected to a session's ``trace_changed`` (a full
refresh) and ``cursor_changed`` (the cursor only) — the wiring every view following the
cursor would otherwise repeat.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDockWidget, QWidget

from ...session import LessonSession


class RefreshWhenSeen(QObject):
    """Runs a panel's refresh now if the panel can be seen, else once its dock shows again.

    A dock tabbed away behind another one stays "visible" to Qt (it is only moved out of
    sight), so without this every hidden panel would redo its per-step work on every cursor
    step. ``request(full)`` asks for a refresh (``full``: the trace changed, else only the
    cursor); ``flush()`` runs a pending one at once (for code that reads the panel). Panels
    outside a dock (tests, the central widget) always refresh at once.

    Parameters
    ----------
    widget : the panel.
    on_trace, on_cursor : its refresh after a trace change / after a cursor move.
    """

    def __init__(self, widget: QWidget, on_trace, on_cursor):
        super().__init__(widget)
        self._widget, self._on_trace, self._on_cursor = widget, on_trace, on_cursor
        self._pending: str | None = None
        self._dock: QDockWidget | None = None
        widget.installEventFilter(self)  # a panel shown again (moved, undocked) catches up

    def request(self, full: bool = False) -> None:
        if self._pending != "trace":
            self._pending = "trace" if full else "cursor"
        if not self._out_of_sight():
            self.flush()

    def flush(self) -> None:
        pending, self._pending = self._pending, None
        if pending == "trace":
            self._on_trace()
        elif pending == "cursor":
            self._on_cursor()

    def is_pending(self) -> bool:
        return self._pending is not None

    def _out_of_sight(self) -> bool:
        dock = self._find_dock()
        if dock is None:
            return False
        if dock.isHidden():
            return True
        return self._widget.isVisible() and self._widget.visibleRegion().isEmpty()

    def _find_dock(self) -> QDockWidget | None:
        parent = self._widget.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not self._dock:
            if self._dock is not None:
                self._dock.visibilityChanged.disconnect(self._on_visibility_changed)
            self._dock = parent
            if parent is not None:
                parent.visibilityChanged.connect(self._on_visibility_changed)
        return parent

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if "_widget" not in self.__dict__:  # an event while Python builds or tears us down
            return False
        if watched is self._widget and event.type() == QEvent.Type.Show and self._pending:
            self.flush()
        return False

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.flush()


class SessionRefresh(RefreshWhenSeen):
    """A :class:`RefreshWhenSeen` that follows ``session``: ``trace_changed`` asks for a
    full refresh (``on_trace``), ``cursor_changed`` for a cursor refresh (``on_cursor``).

    A child of ``widget`` (Qt disconnects it when the panel goes); connected to its own
    bound methods, not lambdas. A view creates one in place of the two handlers that only
    forwarded the signals::

        self._refresh = SessionRefresh(self, session, self._show_trace, self._show_cursor)
        self._refresh.request_trace()  # the first picture

    Handlers that do more than refresh (a checkbox, the digits) still call
    ``request`` / ``flush`` themselves.
    """

    def __init__(
        self,
        widget: QWidget,
        session: LessonSession,
        on_trace: Callable[[], None],
        on_cursor: Callable[[], None],
    ):
        super().__init__(widget, on_trace, on_cursor)
        session.trace_changed.connect(self.request_trace)
        session.cursor_changed.connect(self.request_cursor)

    def request_trace(self) -> None:
        """The trace changed: redo everything (now, or once the panel shows)."""
        self.request(full=True)

    def request_cursor(self, _cursor: int = 0) -> None:
        """The cursor moved: redo the per-step part (now, or once the panel shows)."""
        self.request()
