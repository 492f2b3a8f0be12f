"""The unrolled network: T cells, highlight, clicks, backward sweep, long and overflowing runs."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from visualrnn.session.lesson import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.network_items import CURRENT, DONE, FUTURE
from visualrnn.ui.unrolled_network_view import UnrolledNetworkView


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
    before = net.transform().m11()
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
    assert len(net.cell_items()) > 5
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
    from visualrnn.ui.theme import font_scale

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
