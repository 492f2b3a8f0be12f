"""The gate / state heatmaps follow the session: images, levels, cursor, reveal, hover, click."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from visualrnn.session.lesson import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.color_scales import value_ranges
from visualrnn.ui.heatmaps import state_quantities as sq
from visualrnn.ui.heatmaps.heatmap_view import StateHeatmapView

PRESETS = load_presets()[0]


@pytest.fixture
def view(qtbot):
    session = LessonSession()
    widget = StateHeatmapView(session)
    qtbot.addWidget(widget)
    widget.resize(1400, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _arrays(trace):
    out = {"h": trace.h}
    if trace.c is not None:
        out["c"] = trace.c
    if trace.a is not None:
        out["a"] = trace.a
    out.update(trace.gates)
    return out


@pytest.mark.parametrize("preset", ["textbook", "lstm_memory", "sine"])
def test_images_equal_the_trace_arrays(view, preset):
    view.session.set_config(PRESETS[preset].config)
    trace, arrays = view.session.trace, _arrays(view.session.trace)
    names = [slot.quantity.name for slot in view.grid.slots]
    assert sorted(names) == sorted(arrays)
    for slot in view.grid.slots:
        # axisOrder col-major: image[t, u] is step t (x) of unit u (y); no transpose.
        assert np.array_equal(slot.image.image, arrays[slot.quantity.name])
        assert slot.image.image.shape == (trace.T, trace.H)


def test_gru_grid_and_fixed_levels(view):
    session = view.session
    session.update(cell="gru", hidden_size=8, model_source="init")
    assert [s.quantity.name for s in view.grid.slots] == ["r", "z", "n", "h"]
    session.set_config(PRESETS["lstm_memory"].config)
    levels = {s.quantity.name: tuple(s.image.getLevels()) for s in view.grid.slots}
    assert levels["f"] == (0.0, 1.0) and levels["i"] == (0.0, 1.0)
    assert levels["h"] == (-1.0, 1.0)
    c_range = value_ranges(session.trace)["c"]  # the network's c scale (±20 here)
    assert levels["c"] == pytest.approx((-c_range, c_range))
    assert c_range >= float(np.abs(session.trace.c).max()) > 0.5 * c_range
    bar = next(s.bar for s in view.grid.slots if s.quantity.name == "c")
    assert bar.levels() == pytest.approx(levels["c"])


def test_textbook_values_are_written_in_the_cells(view):
    view.session.jump_to_end()  # revealed as the steps are taken (nothing before)
    slot = next(s for s in view.grid.slots if s.quantity.name == "h")
    texts = [label.textItem.toPlainText() for label in slot.labels if label.isVisible()]
    assert "0.537" in texts and "0.884" in texts and "0.860" in texts


def test_cursor_line_follows_and_reveal_hides_the_future(view, qtbot):
    session = view.session
    session.set_config(PRESETS["sine"].config)
    slots = view.grid.slots
    assert not slots[0].cursor.isVisible()
    assert view.reveal.isChecked()  # on by default, like the network greying the future
    session.set_cursor(25)
    assert all(s.cursor.value() == 24 and s.cursor.isVisible() for s in slots)
    assert view.timecourse.cursor.value() == 24
    assert all(s.future.isVisible() for s in slots)
    assert slots[0].future.rect().left() == pytest.approx(24.5)
    assert slots[0].future.rect().width() == pytest.approx(session.T - 25)
    # the veil is an overlay: the image still holds the whole trace, future included
    assert np.array_equal(slots[0].image.image, session.trace.gates[slots[0].quantity.name])
    assert [s.quantity.name for s in slots] == ["i", "f", "z", "o", "c", "h"]  # engine order
    session.step_forward()
    assert slots[0].future.rect().left() == pytest.approx(25.5)
    qtbot.mouseClick(view.reveal, Qt.MouseButton.LeftButton)
    assert not view.reveal.isChecked()
    assert not any(s.future.isVisible() for s in slots)
    qtbot.mouseClick(view.reveal, Qt.MouseButton.LeftButton)
    session.jump_to_end()
    assert not slots[0].future.isVisible()


def test_textbook_cells_use_three_decimals_and_a_column_frame(view):
    session = view.session
    session.set_cursor(2)
    slot = next(s for s in view.grid.slots if s.quantity.name == "h")
    texts = [label.textItem.toPlainText() for label in slot.labels if label.isVisible()]
    assert texts == ["0.537", "0.462", "0.860", "0.884"]
    # the current step is framed (its edges lie between columns), not crossed by a line
    assert not slot.cursor.isVisible() and slot.frame.isVisible()
    rect = slot.frame.rect()
    assert rect.left() > 0.5 - 0.05 and rect.right() < 1.5
    assert rect.left() < 1 - 0.4 and rect.right() > 1 + 0.4


def test_unit_timecourse_has_a_legend_distinct_colours_and_the_input(view, shown_text):
    view.session.set_config(PRESETS["sine"].config)
    course = view.timecourse
    named = re.findall(r"[━─]+ (\S+)", shown_text(course.legend_label.text()))  # after a sample
    for name in ("f", "i", "o", "z", "c", "h", "x"):
        assert name in named
    pens = {course.curves[n].opts["pen"].color().name() for n in course.visible_names()}
    assert len(pens) == len(course.visible_names()) == 6
    assert course.input_curve.isVisible()
    assert np.allclose(course.input_curve.yData, view.session.trace.x[:, 0])
    view.session.update(cell="gru", model_source="init")
    gru = {course.curves[n].opts["pen"].color().name() for n in ("r", "z", "n", "h")}
    assert len(gru) == 4
    assert course.plot_widget.getPlotItem().getAxis("left").labelText == "value"


def _scene_to_widget(grid, slot, t, u):
    scene_pos = slot.plot.vb.mapViewToScene(QPointF(t, u))
    return grid.mapFromScene(scene_pos)


def test_hover_shows_unit_step_value_and_click_selects_unit(view, qtbot):
    session = view.session
    session.set_config(PRESETS["lstm_memory"].config)
    view.settle()  # the LSTM grid, built in turns, complete now
    qtbot.wait(50)  # let the newly shown LSTM grid lay itself out
    grid = view.grid
    slot = next(s for s in grid.slots if s.quantity.name == "f")
    pos = _scene_to_widget(grid, slot, 30, 5)
    qtbot.mouseMove(grid.viewport(), pos)
    qtbot.waitUntil(lambda: "unit 5" in view.hover_label.text(), timeout=2000)
    value = session.trace.gates["f"][30, 5]
    assert "step t = 30" in view.hover_label.text()
    assert f"{value:.3g}" in view.hover_label.text()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: view.timecourse.unit == 5, timeout=2000)
    curve = view.timecourse.curves["f"]
    assert np.allclose(curve.yData, session.trace.gates["f"][:, 5])
    assert set(view.timecourse.visible_names()) == {"f", "i", "o", "z", "c", "h"}


def test_saturation_readout(view):
    view.session.set_config(PRESETS["lstm_memory"].config)
    text = view.saturation_label.text().replace("\u00a0", " ")
    f = view.session.trace.gates["f"]
    share = np.mean((f < 0.05) | (f > 0.95))
    assert f"f {100 * share:.0f} %" in text


def test_overflow_is_painted_and_nothing_raises(view, qtbot):
    session = view.session
    with qtbot.captureExceptions() as exceptions:
        session.update(
            activation="identity", spectral_radius=50.0, model_source="init", hidden_size=16
        )
        session.set_sequence_length(400)
        session.set_cursor(200)
        view.grab()
    assert not exceptions
    assert not session.trace.finite
    h_slot = next(s for s in view.grid.slots if s.quantity.name == "h")
    assert h_slot.overflow.isVisible()
    assert np.isfinite(h_slot.image.image).all()
    assert np.isfinite(h_slot.bar.levels()).all()


def test_tabbed_away_heatmaps_catch_up_when_their_tab_is_raised(qtbot):
    """Behind another dock tab the per-step work is deferred (the panel cannot be seen);
    raising the tab brings the cursor line to the current step."""
    from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

    session = LessonSession(PRESETS["sine"].config)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("centre"))
    docks = []
    for title, widget in (("heatmaps", StateHeatmapView(session)), ("other", QLabel("x"))):
        dock = QDockWidget(title, window)
        dock.setWidget(widget)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        docks.append(dock)
    window.tabifyDockWidget(*docks)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    heatmaps = docks[0].widget()
    docks[1].raise_()
    qtbot.waitUntil(lambda: heatmaps.visibleRegion().isEmpty())
    for _ in range(5):
        session.step_forward()
    assert heatmaps._refresh.is_pending()
    shown = heatmaps.stack.currentWidget()  # (``grid`` would bring it up to date)
    assert shown is heatmaps.building_label or shown.slots[0].cursor.value() != 4
    docks[0].raise_()
    qtbot.waitUntil(lambda: not heatmaps._refresh.is_pending())
    assert heatmaps.stack.currentWidget().slots[0].cursor.value() == 4
    session.step_forward()  # seen: updated at once
    assert heatmaps.grid.slots[0].cursor.value() == 5


def test_unit_timecourse_hides_steps_not_reached_and_ticks_every_step_range(view):
    session = view.session
    session.set_config(PRESETS["lstm_memory"].config)
    session.set_cursor(60)
    view.settle()  # (a first LSTM grid is built in turns; the cursor is shown with it)
    course = view.timecourse
    assert course.is_revealed(59) and not course.is_revealed(60)
    assert not course.is_revealed(99)
    veil = course.future.mapRectToScene(course.future.rect())
    plot_rect = course.plot_widget.getPlotItem().vb.sceneBoundingRect()
    assert veil.top() <= plot_rect.top() and veil.bottom() >= plot_rect.bottom()
    assert course.future.zValue() > course.curves["c"].zValue()  # over the curves
    ticks = [v for v, _ in course.plot_widget.getPlotItem().getAxis("bottom")._tickLevels[0]]
    assert ticks[0] == 0 and ticks[-1] == 99 and len(ticks) >= 3
    assert course.plot_widget.getPlotItem().vb.viewRange()[0] == [-0.5, 99.5]
    view.reveal.setChecked(False)
    assert course.is_revealed(99) and not course.future.isVisible()


def test_stretch_colours_spans_the_data_and_fixed_levels_stay_default(view, qtbot):
    session = view.session
    session.set_config(PRESETS["sine"].config)
    assert not view.stretch.isChecked()
    slots = {s.quantity.name: s for s in view.grid.slots}
    assert view.grid.levels(slots["f"]) == (0.0, 1.0)
    view.stretch.setChecked(True)
    for name in ("f", "i", "o"):
        lo, hi = view.grid.levels(slots[name])
        data = session.trace.gates[name]
        assert lo <= data.min() < lo + 0.011 and hi - 0.011 < data.max() <= hi
        assert tuple(slots[name].image.getLevels()) == (lo, hi)
    lo, hi = view.grid.levels(slots["h"])
    assert lo == -hi and np.abs(session.trace.h).max() <= hi < 1.0
    session.update(seed=5, model_source="init")  # a new trace keeps the stretch
    f = session.trace.gates["f"]
    assert view.grid.levels(slots["f"])[0] == pytest.approx(np.floor(f.min() * 100) / 100)
    view.stretch.setChecked(False)
    assert view.grid.levels(slots["f"]) == (0.0, 1.0)


def test_titles_come_from_the_cell_description_and_shorten_when_narrow(view, qtbot):
    view.session.set_config(PRESETS["lstm_memory"].config)
    f = view.grid.slots[1]
    assert f.plot.property("title_text") == "f — forget gate (遗忘门)"
    view.resize(700, 420)
    qtbot.waitUntil(lambda: f.plot.property("title_text") == "f (forget gate)", timeout=2000)
    view.session.set_config(PRESETS["textbook"].config)
    a = view.grid.slots[0]
    title = sq.title(a.quantity)
    assert title == "a — pre-activation (预激活)" and "_" not in title


def test_saturation_footer_says_units_for_the_rnn_and_fits_one_line(view):
    view.session.set_config(PRESETS["textbook"].config)
    text = view.saturation_label.text()
    assert text.startswith("Saturated units (|h| > 0.95)") and "gate" not in text
    view.resize(1290, 420)
    view.session.set_config(PRESETS["lstm_memory"].config)
    label = view.saturation_label
    assert "f\u00a0100\u00a0%" in label.text()
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
