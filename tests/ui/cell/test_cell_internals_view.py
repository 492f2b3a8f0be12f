"""The cell internals: the right diagram per cell, bars follow the cursor, hover, overflow."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from visualrnn.session.lesson import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.cell.cell_internals_view import CellInternalsView

BOXES = {
    "rnn": {"h_prev", "x", "h", "h_out", "y_layer", "y"},
    "lstm": {"c_prev", "h_prev", "x", "f", "i", "z", "o", "c", "h", "y"},
    "gru": {"h_prev", "x", "z", "r", "n", "h", "y"},
}


def _view(qtbot, session):
    view = CellInternalsView(session)
    qtbot.addWidget(view)
    view.resize(520, 450)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_diagram_per_cell_and_bars_follow_the_cursor(qtbot, cell):
    s = LessonSession()
    if cell != "rnn":
        s.update(cell=cell, model_source="init", hidden_size=3, input_text="1, -1, 0.5")
    view = _view(qtbot, s)
    bars = view.diagram_view.bars
    assert set(bars) == BOXES[cell]
    assert bars["h"].values is None
    s.set_cursor(2)
    step = s.trace.step(1)
    np.testing.assert_array_equal(bars["h"].values, step["h"])
    np.testing.assert_array_equal(bars["h_prev"].values, step["h_prev"])
    gates = {"rnn": [], "lstm": ["f", "i", "o"], "gru": ["r", "z"]}[cell]
    for g in gates:
        assert bars[g].spec.gate and bars[g].spec.act == "σ"
        np.testing.assert_array_equal(bars[g].values, step[g])


def test_switching_cell_rebuilds_the_diagram_and_names_gates(qtbot):
    s = LessonSession()
    view = _view(qtbot, s)
    assert "f" not in view.diagram_view.bars
    s.set_cell("lstm")
    assert {"f", "i", "z", "o"} <= set(view.diagram_view.bars)
    text = view.key.text()
    for name in ("forget gate f (遗忘门)", "input gate i (输入门)", "output gate o (输出门)"):
        assert name in text


def test_hovered_unit_is_highlighted_in_every_box(qtbot):
    s = LessonSession()
    s.update(cell="gru", model_source="init", hidden_size=8, input_text="1, 2")
    view = _view(qtbot, s)
    s.set_cursor(1)
    qtbot.wait(20)  # let the panel settle its layout (the key hides on short panels)
    dv = view.diagram_view
    r = dv.bars["r"]
    rect = r.bars_rect()
    local = QPointF(rect.left() + rect.width() * (3.5 / 8), rect.center().y())
    assert r.unit_at(local) == 3
    viewport_pos = dv.mapFromScene(r.mapToScene(local))
    qtbot.mouseMove(dv.viewport(), viewport_pos)
    qtbot.waitUntil(lambda: dv.hover_unit == 3, timeout=2000)
    assert dv.bars["h"].hover_unit == 3 and dv.bars["z"].hover_unit == 3
    assert dv.bars["x"].hover_unit is None
    assert "r[3]" in r.toolTip()


def test_overflow_values_draw(qtbot):
    presets, _ = load_presets()
    config = presets["exploding"].config.replace(clip=None, spectral_radius=2000.0)
    s = LessonSession(config)
    view = _view(qtbot, s)
    s.jump_to_end()
    assert not np.all(np.isfinite(view.diagram_view.bars["h"].values))
    assert not view.grab().isNull()


def test_bars_are_painted_at_their_values(qtbot):
    """Each bar's height is its value (gates from the bottom, states from the middle), in
    the map's colour; overflow fills the box in the overflow colour."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from visualrnn.ui.common.theme import OVERFLOW_COLOR

    s = LessonSession()
    s.update(cell="lstm", model_source="init", hidden_size=4)
    view = _view(qtbot, s)
    bars = view.diagram_view.bars
    f, c = bars["f"], bars["c"]
    f.set_values(np.array([0.0, 0.25, 1.0, np.nan]))
    c.set_values(np.array([-1.0, 0.5, 0.0, np.inf]), vmax=1.0)
    for item, expected in ((f, [0.0, 0.25, 1.0]), (c, [0.5, 0.25, 0.0])):
        full = item.bars_rect().height()
        heights = [rect.height() / full for rect, _ in item._bars[:3]]
        assert heights == pytest.approx(expected)
    assert c._bars[0][0].top() == pytest.approx(c.bars_rect().center().y())  # negative: down
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(200 - f.rect.center().x(), 200 - f.rect.center().y())
    f.paint(painter, None)
    painter.end()
    nan_bar = f._bars[3][0]
    at = nan_bar.center() + QPointF(200, 200) - f.rect.center()
    assert QColor(image.pixel(at.toPoint())) == QColor(OVERFLOW_COLOR)


@pytest.mark.parametrize(
    "activation, label", [("tanh", "tanh"), ("relu", "relu"), ("identity", "id")]
)
def test_rnn_layer_is_labelled_with_the_activation(qtbot, activation, label):
    s = LessonSession()
    s.update(model_source="init", activation=activation)
    view = _view(qtbot, s)
    assert view.diagram_view.bars["h"].spec.act == label
    if activation != "tanh":
        s.update(activation="tanh")
        assert view.diagram_view.bars["h"].spec.act == "tanh"


def test_scene_fits_every_box_and_the_key_shows_the_scales(qtbot):
    s = LessonSession()
    view = _view(qtbot, s)
    rect = view.diagram_view.scene().sceneRect()
    for item in view.diagram_view.bars.values():
        assert rect.contains(item.sceneBoundingRect())
    assert view.legend.isVisible()
    names = ", ".join(view.legend.bar_names())
    assert "h" in names and "y" in names
    s.update(cell="gru", model_source="init", hidden_size=3)
    assert any("σ" in name for name in view.legend.bar_names())
    assert "重置门" in view.key.text() and "更新门" in view.key.text()


def test_small_panel_covers_the_diagram_with_a_note(qtbot):
    from visualrnn.session.lesson import LessonSession as _Session
    from visualrnn.ui.cell.cell_internals_view import CellInternalsView as _View

    view = _View(_Session())
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    qtbot.waitUntil(lambda: view.diagram_view.readable())
    assert not view.diagram_view.too_small.isVisible()
    view.resize(300, 160)
    qtbot.waitUntil(lambda: not view.diagram_view.readable())
    assert view.diagram_view.too_small.isVisible()
