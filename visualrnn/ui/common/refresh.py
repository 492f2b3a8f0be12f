"""Panels refresh only when they can be seen, and follow the session with one line.

:class:`RefreshWhenSeen` defers a panel's work while its dock is tabbed away;
:class:`SessionRefresh` is the same, connected to a session's ``trace_changed`` (a full
refresh) and ``cursor_changed`` (the cursor only) — the wiring every view following the
cursor would otherwise repeat. A large result (``session.large_result``) is installed one
panel per event-loop turn (:func:`staged_installs`): with every panel visible, rebuilding
them all at once blocked the window for 200–400 ms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget
from shiboken6 import isValid

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
        self._dock: QDockWidget | None = None  # found once; again after the panel moves
        widget.installEventFilter(self)  # a panel shown again (moved, undocked) catches up

    def request(self, full: bool = False, staged: bool = False) -> None:
        """Ask for a refresh (``full``: the trace changed). ``staged``: a large full refresh,
        run on a later event-loop turn, one panel per turn (a cursor request meanwhile
        waits for it: the full refresh shows the cursor too)."""
        if self._pending != "trace":
            self._pending = "trace" if full else "cursor"
        if self._out_of_sight():
            return
        if staged and self._pending == "trace":
            staged_installs().add(self)
        elif full or self not in staged_installs():
            self.flush()  # (a small result drawn at once also leaves the queue)
        # else: a cursor move while a staged trace refresh waits: that refresh shows it

    def flush(self) -> None:
        staged_installs().discard(self)
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
        if self._dock is None:  # looked for until found (a panel is put in its dock late)
            parent = self._widget.parentWidget()
            while parent is not None and not isinstance(parent, QDockWidget):
                parent = parent.parentWidget()
            if parent is not None:
                parent.visibilityChanged.connect(self._on_visibility_changed)
            self._dock = parent
        return self._dock

    def _forget_dock(self) -> None:
        """The panel moved (the presenter lends it): its dock is looked for again."""
        if self._dock is not None and isValid(self._dock):
            self._dock.visibilityChanged.disconnect(self._on_visibility_changed)
        self._dock = None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if "_widget" not in self.__dict__:  # an event while Python builds or tears us down
            return False
        if watched is self._widget and event.type() == QEvent.Type.ParentChange:
            self._forget_dock()
        elif watched is self._widget and event.type() == QEvent.Type.Show and self._pending:
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
        self._session = session
        session.trace_changed.connect(self.request_trace)
        session.cursor_changed.connect(self.request_cursor)

    def request_trace(self) -> None:
        """The trace changed: redo everything (now, on a later turn for a large result, or
        once the panel shows)."""
        self.request(full=True, staged=self._session.large_result)

    def request_cursor(self, _cursor: int = 0) -> None:
        """The cursor moved: redo the per-step part (now, or once the panel shows)."""
        self.request()


class StagedInstalls(QObject):
    """Full refreshes waiting for their turn: one runs per event-loop turn, in the order
    they were asked for, so the window paints and answers input in between."""

    def __init__(self):
        super().__init__()
        self._queue: list[RefreshWhenSeen] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._run_one)

    def __contains__(self, refresh: RefreshWhenSeen) -> bool:
        return refresh in self._queue

    def __len__(self) -> int:
        return len(self._queue)

    def add(self, refresh: RefreshWhenSeen) -> None:
        if refresh not in self._queue:
            self._queue.append(refresh)
        self._timer.start()

    def discard(self, refresh: RefreshWhenSeen) -> None:
        if refresh in self._queue:
            self._queue.remove(refresh)

    def finish(self) -> None:
        """Run every waiting refresh now (for screenshots, exports and tests)."""
        while self._queue:
            self._run_one()

    def _run_one(self) -> None:
        while self._queue:
            refresh = self._queue.pop(0)
            if isValid(refresh) and isValid(refresh._widget) and refresh.is_pending():
                refresh.flush()
                break
        if self._queue:
            self._timer.start()


_STAGED: list[StagedInstalls] = []


def staged_installs() -> StagedInstalls:
    """The application's queue of staged full refreshes (created on first use)."""
    if not _STAGED or not isValid(_STAGED[0]):
        _STAGED[:] = [StagedInstalls()]
    return _STAGED[0]
