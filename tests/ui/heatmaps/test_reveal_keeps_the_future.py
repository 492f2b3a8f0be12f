"""'Reveal as you step' gives nothing away: no value written, no line drawn ahead of time."""

from __future__ import annotations

from visualrnn.session import LessonSession
from visualrnn.ui.heatmaps.heatmap_view import StateHeatmapView


def test_the_textbook_at_step_1_of_2_shows_only_t_0(qtbot):
    session = LessonSession()  # T = 2, H = 2: every value is written in its cell
    view = StateHeatmapView(session)
    qtbot.addWidget(view)
    view.show()
    session.set_cursor(1)
    for slot in view.grid.slots:
        shown = [label for label in slot.labels if label.isVisible()]
        assert len(shown) == 2  # t = 0's two units
        assert all(label.pos().x() == 0 for label in shown)
    course = view.timecourse
    assert course.is_revealed(0) and not course.is_revealed(1)
    assert course.future.rect().left() < 0.5  # the line from t = 0 towards t = 1 is veiled
    session.set_cursor(2)
    assert all(len([lb for lb in s.labels if lb.isVisible()]) == 4 for s in view.grid.slots)
    view.reveal.setChecked(False)
    session.set_cursor(0)
    assert all(len([lb for lb in s.labels if lb.isVisible()]) == 4 for s in view.grid.slots)
