"""The unrolled network: T cells, highlight, clicks, backward sweep, long and overflowing runs."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from visualrnn.session.lesson import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.network.step_item import CURRENT, DONE, FUTURE
from visualrnn.ui.network.unrolled_network_view import UnrolledNetworkView


def _view(qtbot, session, size=(2600, 550)):
    view = UnrolledNetworkView(session)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


def _session(cell, T=5, H=2):
    s = LessonSession()
    text = ", ".join(str(v) for v in np.linspace(-1, 1, T).round(3))
    s.update(cell=cell, model_source="init", hidden_size=H, input_text=text)
    return s


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_scene_has_one_cell_per_step(qtbot, cell):
    s = _session(cell)
    view = _view(qtbot, s)
    items = view.network.cell_items()
    assert sorted(items) == list(range(s.T))
    for item in items.values():
        assert {"x", "cell", "y", "h_arrow"} <= item.parts()
        assert ("c_line" in item.parts()) == (cell == "lstm")
        assert item.scene() is view.network.scene()


def test_highlight_follows_the_cursor(qtbot):
    s = _session("rnn")
    view = _view(qtbot, s)
    items = view.network.cell_items()
    assert all(item.state == FUTURE for item in items.values())
    s.set_cursor(3)
    items = view.network.cell_items()
    assert [items[t].state for t in range(5)] == [DONE, DONE, CURRENT, FUTURE, FUTURE]
    s.step_back()
    assert view.network.cell_items()[1].state == CURRENT


def test_clicking_a_cell_moves_the_cursor(qtbot):
    s = _session("lstm")
    view = _view(qtbot, s)
    net = view.network
    pos = net.mapFromScene(net.cell_center(3))
    qtbot.mouseClick(net.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert s.cursor == 4
    empty = net.mapFromScene(net.cell_center(1) + QPointF(net.layout_.dx / 2, 200))
    qtbot.mouseClick(net.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert s.cursor == 4


def test_stepping_animates_pulses_into_the_cell(qtbot):
    s = _session("gru")
    view = _view(qtbot, s)
    s.step_forward()
    net = view.network
    assert net.is_animating()
    net._on_frame(0.2)
    assert any(p.isVisible() for p in net._pulses)
    assert net.cell_items()[0].reveal == 0
    qtbot.waitUntil(lambda: not net.is_animating(), timeout=3000)
    assert not any(p.isVisible() for p in net._pulses)
    assert net.cell_items()[0].reveal == 2


def test_backward_mode_sweeps_from_last_step_to_first(qtbot):
    s = _session("rnn", T=6)
    view = _view(qtbot, s)
    assert view.network.backward_order() == [5, 4, 3, 2, 1, 0]
    visited = []
    view.network.sweep_step_changed.connect(visited.append)
    qtbot.mouseClick(view.backward_button, Qt.MouseButton.LeftButton)
    assert view.backward_button.isChecked()
    assert "∂L/∂h" in view.legend.title()
    qtbot.waitUntil(lambda: view.network.sweep_step() is None and len(visited) > 0, timeout=5000)
    assert visited == sorted(visited, reverse=True)
    assert visited[0] == 5 and visited[-1] == 0
    pens = [view.network.cell_items()[t].data.grad_pen.widthF() for t in range(6)]
    norms = s.grads.dh_norm
    assert int(np.argmax(pens)) == int(np.argmax(norms))
    assert int(np.argmin(pens)) == int(np.argmin(norms))


def test_wheel_zooms_and_fit_restores(qtbot):
    s = _session("rnn", T=50)
    view = _view(qtbot, s, size=(1000, 550))
    net = view.network
    before, shown = net.transform().m11(), len(net.cell_items())
    center = QPointF(net.viewport().rect().center())
    event = QWheelEvent(
        center,
        net.mapToGlobal(center),
        QPoint(),
        QPoint(0, -360),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    net.wheelEvent(event)
    assert net.transform().m11() < before
    assert len(net.cell_items()) > shown
    qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
    assert net.transform().m11() == pytest.approx(before)


def test_rolled_toggle_shows_the_compact_form(qtbot):
    s = _session("lstm")
    view = _view(qtbot, s, size=(1000, 550))
    assert not view.rolled.isVisible()
    qtbot.mouseClick(view.rolled_button, Qt.MouseButton.LeftButton)
    assert view.rolled.isVisible()
    s.set_cursor(3)
    assert view.rolled.item.data.t == 2 and view.rolled.item.rolled


def test_ten_thousand_steps_build_quickly_and_follow_the_cursor(qtbot):
    s = LessonSession()
    s.update(cell="lstm", model_source="init", hidden_size=8)
    assert s.generate_input("noise", T=10_000, low=-1.0, high=1.0, seed=1)
    assert s.wait_until_computed(30) and s.T == 10_000  # computed off the interface's thread
    start = time.perf_counter()
    view = _view(qtbot, s, size=(1000, 550))
    assert time.perf_counter() - start < 3.0
    assert view.network.item_count() < 60
    s.set_cursor(9_000)
    bound = view.network.cell_items()
    assert 8_999 in bound and bound[8_999].state == CURRENT
    assert view.network.item_count() < 60


def test_overflow_draws_without_exceptions(qtbot):
    presets, _ = load_presets()
    config = presets["exploding"].config.replace(clip=None, spectral_radius=2000.0)
    s = LessonSession(config)
    view = _view(qtbot, s, size=(1000, 550))
    s.jump_to_end()
    view.network._stop_animations()
    assert view.grab().width() == 1000
    last = view.network.cell_items()[s.T - 1]
    assert last.data.overflow
    qtbot.mouseClick(view.backward_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.rolled_button, Qt.MouseButton.LeftButton)
    assert not view.grab().isNull()


def test_views_follow_the_font_scale(qtbot):
    from visualrnn.ui.common.theme import font_scale

    s = _session("lstm")
    view = _view(qtbot, s, size=(1000, 550))
    dx = view.network.layout_.dx
    try:
        font_scale().set_scale(1.6)
        assert view.network.layout_.dx > dx
        assert view.legend.font().pointSizeF() > 12.0
    finally:
        font_scale().set_scale(1.0)
    assert view.network.layout_.dx == pytest.approx(dx)


def test_truncation_draws_a_dashed_cut_between_chunks(qtbot):
    s = _session("rnn", T=10)
    s.update(truncate=3)
    view = _view(qtbot, s, size=(2600, 550))
    net = view.network
    assert net.cuts.isVisible() and net.cuts.cut_steps() == [3, 6, 9]
    assert any("k = 3" in text for text in view.legend.swatch_texts())
    for backward in (False, True):
        view.backward_button.setChecked(backward)
        net.finish_animations()
        net.fitInView(net.sceneRect())
        image = net.viewport().grab().toImage()
        # the cut between A_2 and A_3 is red, halfway between the two cells
        x = net.mapFromScene(QPointF(net.cuts.cut_x(3), 0)).x()
        column = [image.pixelColor(x + dx, y) for dx in (-1, 0, 1) for y in range(image.height())]
        assert any(c.red() > 150 and c.green() < 60 and c.blue() < 60 for c in column)
        assert any("k = 3" in text for text in view.legend.swatch_texts())
    s.update(truncate=None)
    assert not net.cuts.isVisible() and net.cuts.cut_steps() == []
    assert not any("k =" in text for text in view.legend.swatch_texts())


def test_finish_animations_jumps_to_the_end_state(qtbot):
    s = _session("lstm")
    view = _view(qtbot, s)
    net = view.network
    s.step_forward()
    assert net.is_animating()
    view.finish_animations()
    assert not net.is_animating()
    assert net.cell_items()[0].reveal == 2
    assert not any(p.isVisible() for p in net._pulses)
    qtbot.mouseClick(view.backward_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: net.sweep_step() is not None, timeout=2000)
    view.finish_animations()
    assert net.sweep_step() is None and not any(p.isVisible() for p in net._pulses)


def test_separate_colour_scales_and_legend(qtbot):
    s = _session("lstm", T=20, H=16)
    s.update(forget_bias=4.0)
    view = _view(qtbot, s, size=(1400, 550))
    ranges = view.network._builder.ranges
    assert set(ranges) == {"x", "h", "c", "y"}
    assert ranges["h"] <= 1.0
    assert ranges["c"] >= np.abs(s.trace.c).max() * 0.5
    names = ", ".join(view.legend.bar_names())
    for name in ("x", "h", "c", "y"):
        assert name in names
    item = view.network.cell_items()[0]
    s.set_cursor(1)
    view.finish_animations()
    # h is coloured on its own ±1 scale: its strip is not washed out by c's wider range
    h = s.trace.h[0]
    k = int(np.argmax(np.abs(h)))
    strip = item.data.h.strip
    color = strip.pixelColor(k, 0)
    assert abs(color.lightnessF() - 0.97) > 0.05 or abs(h[k]) < 0.05


def test_backward_legend_labels_values_within_one_decade(qtbot):
    from visualrnn.ui.common.color_legend import log_labels

    assert log_labels(np.log10(4.2), np.log10(6.1)) == ("4.2", "5.1", "6.1")
    presets, _ = load_presets()
    s = LessonSession(presets["textbook"].config)
    view = _view(qtbot, s, size=(1000, 550))
    qtbot.mouseClick(view.backward_button, Qt.MouseButton.LeftButton)
    labels = view.legend.labels()
    assert len(set(labels)) == 3 and not any(t.startswith("1e") for t in labels)
    assert any("loss" in text for text in view.legend.swatch_texts())


def test_default_zoom_keeps_numbers_readable(qtbot):
    presets, _ = load_presets()
    s = LessonSession(presets["lstm_memory"].config)
    view = _view(qtbot, s, size=(800, 330))
    for backward in (False, True):
        view.backward_button.setChecked(backward)
        view.network.finish_animations()
        scale = view.network.transform().m11()
        # the number font (13 pt ≈ 17 px) stays at least ~7 px tall on screen
        assert scale * 17 >= 7, (backward, scale)
    assert "rolled form" in view.rolled_button.text()


def test_backward_marks_the_loss_at_every_output_or_only_the_last(qtbot):
    presets, _ = load_presets()
    s = LessonSession(presets["textbook"].config)
    view = _view(qtbot, s, size=(1000, 550))
    qtbot.mouseClick(view.backward_button, Qt.MouseButton.LeftButton)
    view.finish_animations()
    items = view.network.cell_items()
    assert [items[t].data.loss for t in range(s.T)] == [True, True]
    assert any("every output" in text for text in view.legend.swatch_texts())
    s.update(loss_at="last")
    view.finish_animations()
    items = view.network.cell_items()
    assert [items[t].data.loss for t in range(s.T)] == [False, True]
    assert any("last output" in text for text in view.legend.swatch_texts())


def test_backward_keeps_the_forward_zoom_and_rolled_button_says_hide(qtbot):
    presets, _ = load_presets()
    s = LessonSession(presets["textbook"].config)
    view = _view(qtbot, s, size=(1000, 550))
    forward = view.network.transform().m11()
    assert view.network.horizontalScrollBar().maximum() == 0  # T = 2 fits: no scrolling
    qtbot.mouseClick(view.backward_button, Qt.MouseButton.LeftButton)
    assert view.network.transform().m11() == pytest.approx(forward)
    qtbot.mouseClick(view.rolled_button, Qt.MouseButton.LeftButton)
    assert view.rolled_button.text().startswith("Hide")
    qtbot.mouseClick(view.rolled_button, Qt.MouseButton.LeftButton)
    assert view.rolled_button.text().startswith("Show")


def test_exploding_values_get_a_log_scale_and_strips_show_their_norm(qtbot):
    presets, _ = load_presets()
    s = LessonSession(presets["exploding"].config)
    view = _view(qtbot, s, size=(1000, 550))
    assert view.network._builder.scales["h"].log
    assert any("log scale" in name for name in view.legend.bar_names())
    s.set_cursor(30)
    view.finish_animations()
    item = view.network.cell_items()[29]
    assert item.data.h.norm_text and item.data.h.norm_text != "ovf"
    # early, finite h is not washed out to the white middle of the scale
    k = int(np.argmax(np.abs(s.trace.h[29])))
    assert abs(item.data.h.strip.pixelColor(k, 0).lightnessF() - 0.97) > 0.08
