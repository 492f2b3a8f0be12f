"""SessionRefresh: a trace change redraws the whole panel, a cursor move only the step, and a
closed panel hears nothing more (a tabbed-away panel waiting: tests/ui/heatmaps)."""

import shiboken6
from PySide6.QtWidgets import QWidget

from visualrnn.session import LessonSession
from visualrnn.ui.common.refresh import SessionRefresh, staged_installs


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


def _installed_large(qtbot, seed: int, panels: int = 1):
    """(session, panels, calls): ``panels`` panels recording their refreshes in ``calls``
    and a large (worker-computed) result for ``seed`` installed, not yet drawn."""
    session, calls = LessonSession(), []
    shown = [_Panel(session, calls) for _ in range(panels)]
    for panel in shown:
        qtbot.addWidget(panel)
    session.sync_work = 0.0  # every run counts as large (and is computed on a worker)
    assert session.update(seed=seed, model_source="init")
    assert session.wait_until_computed(10)
    return session, shown, calls


def test_a_large_result_is_installed_one_panel_per_turn(qtbot):
    """A result computed off the interface's thread (``large_result``) refreshes each panel
    on its own event-loop turn; a cursor move meanwhile waits for the full refresh."""
    session, _panels, calls = _installed_large(qtbot, seed=7, panels=3)
    assert session.large_result
    assert calls == []  # installed, but no panel redrawn within the same turn
    session.set_cursor(2)
    assert calls == []  # the cursor waits for the full refresh, which shows it too
    qtbot.waitUntil(lambda: len(calls) == 3, timeout=2000)
    assert calls == ["trace"] * 3
    assert len(staged_installs()) == 0


def test_reading_a_waiting_panel_flushes_it_at_once(qtbot):
    _session, (panel,), calls = _installed_large(qtbot, seed=8)
    panel.refresh.flush()  # what figure_data / export do before reading
    assert calls == ["trace"]
    qtbot.wait(50)
    assert calls == ["trace"]  # not drawn twice


def test_a_small_result_is_installed_at_once(qtbot):
    session, calls = LessonSession(), []
    panel = _Panel(session, calls)
    qtbot.addWidget(panel)
    assert session.update(seed=9, model_source="init")
    assert not session.large_result
    assert calls == ["trace"]


def test_a_small_result_after_a_large_one_is_drawn_at_once(qtbot):
    session, _panels, calls = _installed_large(qtbot, seed=10)
    assert calls == []  # the large one waits for its turn
    session.sync_work = float("inf")
    assert session.update(seed=11)
    assert calls == ["trace"]  # the small one is drawn before update() returns
    assert len(staged_installs()) == 0
