"""A first large lesson of a cell type builds its heatmaps one per event-loop turn.

Each heatmap costs ~25 ms to build (a plot and a colour bar); a whole LSTM grid built at
once blocked the window for ~190 ms at the first switch (issue 14). Built in turns, with a
note in the grid's place meanwhile (not the old cell's gates beside the new cell's
diagram).
"""

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from visualrnn.session.lesson import LessonSession
from visualrnn.ui.common.refresh import staged_installs
from visualrnn.ui.heatmaps import state_quantities as sq
from visualrnn.ui.heatmaps.heatmap_view import StateHeatmapView


@pytest.fixture
def view(qtbot):
    session = LessonSession()
    session.generate_input("sine", T=40, period=10.0)  # T·H over the written-values size
    widget = StateHeatmapView(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 420)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.grid.cell == "rnn" and widget.grid.complete
    session.sync_work = 0.0  # from now on every result is large (computed on a worker)
    return widget


def _switch_to_gru(view) -> None:
    assert view.session.set_cell("gru")
    assert view.session.wait_until_computed(10)
    assert view.session.large_result


def test_the_grid_grows_one_heatmap_per_turn_and_the_old_one_stays_meanwhile(view, qtbot):
    _switch_to_gru(view)
    qtbot.waitUntil(lambda: "gru" in view.grids, timeout=2000)
    sizes = []
    while view.grid.cell != "gru":
        sizes.append(len(view.grids["gru"].slots))
        # meanwhile a note in the grid's place, never the old cell's gates
        assert view.stack.currentWidget() is view.building_label
        assert "GRU" in view.building_label.text()
        assert sorted(view.timecourse.visible_names()) == ["h", "n", "r", "z"]  # the GRU's
        QApplication.processEvents()
    assert 1 <= sizes[0] < 4  # after the first turn: part of the grid, not all of it
    assert sizes == sorted(sizes)  # it grew turn by turn
    grid = view.grid
    assert grid.complete and [s.quantity.name for s in grid.slots] == ["r", "z", "n", "h"]
    trace = view.session.trace
    for slot in grid.slots:
        assert np.array_equal(slot.image.image, sq.quantity_array(trace, slot.quantity.name))
    assert view.session.cursor == 0 and not grid.slots[0].cursor.isVisible()  # no step yet
    assert len(staged_installs()) == 0


def test_reading_the_panel_mid_build_completes_it_at_once(view, qtbot):
    _switch_to_gru(view)
    qtbot.waitUntil(lambda: "gru" in view.grids, timeout=2000)
    assert not view.grids["gru"].complete
    data = view.figure_data()  # flushes: a reader gets the whole, current grid
    assert view.grid.cell == "gru" and view.grid.complete
    assert set(data) == {"t", "r", "z", "n", "h"}
    assert len(staged_installs()) == 0


def test_finish_builds_the_rest_before_a_screenshot(view, qtbot):
    _switch_to_gru(view)
    staged_installs().finish()
    assert view.grid.cell == "gru" and view.grid.complete
    assert all(slot.data is not None for slot in view.grid.slots)


def test_a_cursor_move_during_the_build_is_shown_when_it_ends(view, qtbot):
    _switch_to_gru(view)
    view.session.set_cursor(3)
    qtbot.waitUntil(lambda: view.grid.cell == "gru", timeout=3000)
    assert view.grid.slots[0].cursor.value() == 2.0
