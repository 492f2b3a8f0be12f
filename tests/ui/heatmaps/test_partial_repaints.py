"""Stepping repaints only what changed (the cursor lines, the "not reached yet" veil) — and
that is enough: what is on screen after stepping equals a fresh rendering of the panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from visualrnn.session import LessonSession
from visualrnn.ui.heatmaps.heatmap_view import StateHeatmapView


def _differing_pixels(widget) -> int:
    """Pixels where the window's backing store (what the screen shows after the partial
    repaints) differs from a fresh rendering of the whole widget."""
    fresh = widget.grab().toImage()
    shown = widget.screen().grabWindow(widget.winId()).toImage().convertToFormat(fresh.format())
    assert shown.size() == fresh.size()
    return sum(
        shown.pixel(x, y) != fresh.pixel(x, y)
        for y in range(0, fresh.height(), 2)
        for x in range(0, fresh.width(), 2)
    )


@pytest.mark.parametrize("cursors", [range(1, 9), range(11, 2, -1)], ids=["forward", "back"])
def test_after_stepping_the_screen_equals_a_fresh_picture(qtbot, cursors):
    session = LessonSession()
    session.generate_input("sine", T=12, period=10.0)  # wide steps: a missed strip shows
    session.update(cell="lstm", hidden_size=8, model_source="init")
    view = StateHeatmapView(session)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    for cursor in cursors:
        session.set_cursor(cursor)
        QApplication.processEvents()  # each step painted on its own, partially
    qtbot.wait(100)  # updates still queued are painted (they would be on screen too)
    assert view.grid.slots[0].future.isVisible()
    assert _differing_pixels(view) == 0
