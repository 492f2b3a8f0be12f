"""SessionRefresh: a trace change redraws the whole panel, a cursor move only the step, and a
closed panel hears nothing more (a tabbed-away panel waiting: tests/ui/heatmaps)."""

import shiboken6
from PySide6.QtWidgets import QWidget

from visualrnn.session import LessonSession
from visualrnn.ui.common.refresh import SessionRefresh


class _Panel(QWidget):
    def __init__(self, session, calls):
        super().__init__()
        self.calls = calls
        self.refresh = SessionRefresh(self, session, self.show_trace, self.show_cursor)

    def show_trace(self):
        self.calls.append("trace")

    def show_cursor(self):
        self.calls.append("cursor")


def test_a_trace_change_redraws_all_and_a_cursor_move_the_step(qtbot):
    session, calls = LessonSession(), []
    panel = _Panel(session, calls)
    qtbot.addWidget(panel)
    session.set_cursor(1)
    assert calls == ["cursor"]
    calls.clear()
    assert session.update(seed=7, model_source="init")
    assert calls == ["trace"]


def test_a_closed_panel_hears_nothing_more(qtbot):
    session, calls = LessonSession(), []
    panel = _Panel(session, calls)
    shiboken6.delete(panel)
    session.set_cursor(1)
    assert session.update(seed=7, model_source="init")
    assert calls == []
