"""The step table's grid: texts where they belong, headers that stay, scrolling, tooltips."""

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from visualrnn.ui.step_values.value_grid import ValueGrid


def _grid(qtbot, columns=16, width=500):
    grid = ValueGrid()
    qtbot.addWidget(grid)
    units = [f"unit {k}" for k in range(columns)]
    grid.set_headers(["i  (input gate)", "hₜ  (hidden state)"], units)
    grid.set_column_width(90)
    grid.resize(width, 200)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


def _inked(grid, rect, below: int = 100) -> int:
    """How many pixels of ``rect`` (viewport coordinates) are darker than ``below``: text."""
    image = grid.viewport().grab(rect).toImage()
    return sum(
        image.pixelColor(x, y).lightness() < below
        for y in range(image.height())
        for x in range(image.width())
    )


def test_a_row_is_drawn_in_its_cells_and_read_back(qtbot):
    grid = _grid(qtbot)
    before = _inked(grid, grid.cell_rect(1, 0))
    assert grid.set_row(1, ["0.537", "0.462"] + [""] * 14, [None] * 16)
    assert not grid.set_row(1, ["0.537", "0.462"] + [""] * 14, [None] * 16)  # unchanged
    qtbot.waitUntil(lambda: _inked(grid, grid.cell_rect(1, 0)) > before + 20)
    assert grid.text(1, 1) == "0.462" and grid.text(0, 0) == ""
    assert _inked(grid, grid.cell_rect(0, 0)) == 0  # nothing in the empty row
    red = QColor("#CC0000")
    grid.set_row(0, ["overflow"] + [""] * 15, [red] + [None] * 15)
    assert grid.text_color(0, 0) == red and grid.text_color(1, 0) != red


def test_a_narrow_grid_scrolls_to_its_last_column_and_keeps_its_row_labels(qtbot):
    grid = _grid(qtbot, columns=16, width=400)
    bar = grid.horizontalScrollBar()
    assert bar.maximum() > 0
    assert not grid.viewport().rect().contains(grid.cell_rect(0, 15))
    labels = _inked(grid, grid.cell_rect(0, 0).translated(-grid.cell_rect(0, 0).left(), 0))
    bar.setValue(bar.maximum())
    assert grid.viewport().rect().contains(grid.cell_rect(0, 15).center())
    # the row labels' strip is painted the same after scrolling (it does not scroll)
    header = grid.cell_rect(0, 0)
    header.moveLeft(0)
    header.setWidth(40)
    qtbot.waitUntil(lambda: _inked(grid, header) > 0)
    assert labels > 0


def test_a_wide_grid_does_not_scroll_and_maps_points_to_cells(qtbot):
    grid = _grid(qtbot, columns=2, width=700)
    assert grid.horizontalScrollBar().maximum() == 0
    center = grid.cell_rect(1, 1).center()
    assert grid.cell_at(center.x(), center.y()) == (1, 1)
    assert grid.cell_at(2, 2) is None  # the corner of the headers


def test_hovering_a_cell_shows_the_tooltip_the_provider_gives(qtbot):
    grid = _grid(qtbot)
    grid.set_tip_provider(lambda row, column: f"cell {row},{column}")
    center = grid.cell_rect(1, 2).center()
    event = QHelpEvent(QEvent.Type.ToolTip, center, grid.viewport().mapToGlobal(center))
    QApplication.sendEvent(grid.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == "cell 1,2"
    QToolTip.hideText()
    assert grid.cell_at(QPoint(5, 5).x(), 5) is None


def test_a_number_longer_than_the_columns_are_sized_for_shrinks_to_fit_its_cell(qtbot):
    """Never elided or cut: "−8.83e−10" in a column sized for "−0.00000" is drawn in a
    smaller font (its digits are shorter than a fitting number's beside it)."""
    from PySide6.QtGui import QFontMetrics

    from visualrnn.ui.step_values.value_grid import TEXT_PAD

    grid = _grid(qtbot, columns=2)
    width = QFontMetrics(grid.font()).horizontalAdvance("−0.00000") + 2 * TEXT_PAD + 2
    grid.set_column_width(width, safe_chars=8)
    long = "−8.83e−10"
    assert QFontMetrics(grid.font()).horizontalAdvance(long) > width - 2 * TEXT_PAD
    grid.set_row(0, [long, "−0.00883"], [None, None])

    def ink_rows(column):
        image = grid.viewport().grab(grid.cell_rect(0, column)).toImage()
        return [
            y
            for y in range(image.height() - 2)
            if any(image.pixelColor(x, y).lightness() < 100 for x in range(2, image.width() - 2))
        ]

    qtbot.waitUntil(lambda: len(ink_rows(0)) > 3 and len(ink_rows(1)) > 3)
    assert len(ink_rows(0)) < len(ink_rows(1))  # the long one is drawn smaller


def test_a_column_cut_by_the_edge_shows_no_number_until_scrolled_into_view(qtbot):
    """A cut "0.98…" would read as the number "0.98": a cell the edge cuts stays empty."""
    grid = _grid(qtbot, columns=16, width=400)
    grid.resize(grid.cell_rect(0, 0).left() + 2 * 90 + 50 + 2 * grid.frameWidth(), 200)
    grid.set_row(0, ["0.987654"] * 16, [None] * 16)
    right = grid.viewport().rect().right()
    cut = next(c for c in range(16) if grid.cell_rect(0, c).right() > right)
    whole = grid.cell_rect(0, cut - 1)
    visible_part = grid.cell_rect(0, cut).intersected(grid.viewport().rect())
    assert visible_part.width() > 20  # enough of the cell shows to hold digits
    qtbot.waitUntil(lambda: _inked(grid, whole) > 20)
    assert _inked(grid, visible_part.adjusted(0, 0, -1, -2)) == 0
    assert _inked(grid, visible_part.adjusted(0, 0, -1, -2), below=200) > 0  # a grey "…"
    grid.horizontalScrollBar().setValue(grid.horizontalScrollBar().maximum())
    qtbot.waitUntil(lambda: _inked(grid, grid.cell_rect(0, 15)) > 20)
