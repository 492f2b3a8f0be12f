"""The layout of one step of the unrolled network, for every cell type."""

from __future__ import annotations

import pytest

from visualrnn.engine.cellspec import CELL_SPECS
from visualrnn.ui.network.step_layout import StepLayout


@pytest.mark.parametrize("cell", list(CELL_SPECS))
def test_the_step_layout_has_a_c_row_exactly_for_cells_with_a_memory_state(qapp, cell):
    layout = StepLayout.build(cell, H=3, I=1, O=1)
    assert (layout.c_row is not None) == (CELL_SPECS[cell].memory_state is not None)
    assert layout.box.contains(layout.h_row)
    assert layout.x_node.top() > layout.box.bottom() > layout.box.top() > layout.y_node.bottom()
    wide = StepLayout.build(cell, H=40, I=1, O=1)
    assert wide.h_row.width() == layout.h_row.width() * 4 / 3  # a strip: MAX_BOXES wide
