"""A cell type shown for the first time builds its heatmaps one per event-loop turn.

Each heatmap costs ~30 ms to build (a plot and a colour bar); a whole LSTM grid built at
once blocked the window for 130-200 ms at the first switch (issue 14). Built in turns,
with a note in the grid's place meanwhile (not the old cell's gates beside the new
cell's diagram); code that reads the panel (``grid``, exports) gets it complete at once.
"""

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from visualrnn.session.lesson import LessonSession
from visualrnn.ui.common.refresh import staged_installs
from visualrnn.ui.heatmaps import state_quantities as sq
from visualrnn.ui.heatmaps.heatmap_view import StateHeatmapView


@pytest.fixture(params=["small", "large"])
def view(qtbot, request):
    session = LessonSession()
    session.generate_input("sine", T=40, period=10.0)  # T·H over the written-values size
    widget = StateHeatmapView(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 420)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.grid.cell == "rnn" and widget.grid.complete
    if request.param == "large":
        session.sync_work = 0.0  # every result from now on is large (computed on a worker)
    return widget


def _switch_to_gru(view) -> None:
    assert view.session.set_cell("gru")
    assert view.session.wait_until_computed(10)


def _building(view) -> bool:
    return view.stack.currentWidget() is view.building_label


def test_the_grid_grows_one_heatmap_per_turn_with_a_note_meanwhile(view, qtbot):
    _switch_to_gru(view)
    qtbot.waitUntil(lambda: "gru" in view.grids, timeout=2000)
    sizes = []
    while _building(view):
        sizes.append(len(view.grids["gru"].slots))
        assert "GRU" in view.building_label.text()  # never the old cell's gates
        assert sorted(view.timecourse.visible_names()) == ["h", "n", "r", "z"]  # the GRU's
        QApplication.processEvents()
    assert sizes and 1 <= sizes[0] < 4  # after the first turn: part of the grid, not all
    assert sizes == sorted(sizes)  # it grew turn by turn
    grid = view.stack.currentWidget()
    assert grid.complete and [s.quantity.name for s in grid.slots] == ["r", "z", "n", "h"]
    trace = view.session.trace
    for slot in grid.slots:
        assert np.array_equal(slot.image.image, sq.quantity_array(trace, slot.quantity.name))
    assert view.session.cursor == 0 and not grid.slots[0].cursor.isVisible()  # no step yet
    assert len(staged_installs()) == 0


def test_reading_the_panel_mid_build_completes_it_at_once(view, qtbot):
    _switch_to_gru(view)
    qtbot.waitUntil(lambda: "gru" in view.grids, timeout=2000)
    assert not view.grids["gru"].complete and _building(view)
    data = view.figure_data()  # a reader gets the whole, current grid
    assert not _building(view) and view.grid.cell == "gru" and view.grid.complete
    assert set(data) == {"t", "r", "z", "n", "h"}
    assert len(staged_installs()) == 0


def test_finish_builds_the_rest_before_a_screenshot(view, qtbot):
    _switch_to_gru(view)
    staged_installs().finish()
    assert not _building(view)
    assert view.grid.cell == "gru" and view.grid.complete
    assert all(slot.data is not None for slot in view.grid.slots)


def test_a_cursor_move_during_the_build_is_shown_when_it_ends(view, qtbot):
    _switch_to_gru(view)
    view.session.set_cursor(3)
    qtbot.waitUntil(lambda: "gru" in view.grids and view.grids["gru"].complete, timeout=3000)
    qtbot.waitUntil(lambda: not _building(view), timeout=3000)
    assert view.stack.currentWidget().slots[0].cursor.value() == 2.0
