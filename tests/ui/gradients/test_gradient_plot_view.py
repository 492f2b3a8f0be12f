"""The gradient-flow plot and the Pascanu readout tell each preset's story."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from visualrnn.engine.cellspec import CELL_SPECS
from visualrnn.session.lesson import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.plot_helpers import format_number
from visualrnn.ui.common.theme import CUT_COLOR
from visualrnn.ui.gradients import create_panels
from visualrnn.ui.gradients.gradients_panel import GradientsPanel

PRESETS = load_presets()[0]


@pytest.fixture
def panel(qtbot):
    session = LessonSession()
    widget = GradientsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(1600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _plotted(curve):
    """The values handed to the curve (before pyqtgraph's log10 for display)."""
    return np.asarray(curve.yData, dtype=float)


def test_vanishing_preset_falls_by_five_orders(panel):
    panel.plot_view.session.set_config(PRESETS["vanishing"].config)
    y = _plotted(panel.plot_view.dh_curve)
    assert np.isfinite(y[[0, -1]]).all()
    assert y[-1] / y[0] >= 1e5
    assert "fell" in panel.plot_view.summary_label.text()
    assert "vanishing guaranteed" in panel.readout.verdict_label.text()


def test_exploding_preset_rises_and_clipping_caps_the_update(panel):
    session = panel.plot_view.session
    session.set_config(PRESETS["exploding"].config)
    y = _plotted(panel.plot_view.dh_curve)
    assert y[0] / y[-1] >= 1e3
    assert "explosion possible" in panel.readout.verdict_label.text()
    assert session.grads.grad_norm_clipped <= session.config.clip * (1 + 1e-9)
    assert "clipped" in panel.readout.clip_label.text()


def test_reference_line_has_slope_rho(panel):
    session = panel.plot_view.session
    session.set_config(PRESETS["exploding"].config)
    ref = _plotted(panel.plot_view.reference_curve)
    rho = session.recurrent_stats()["spectral_radius"]
    assert ref[-1] == pytest.approx(session.grads.dh_norm[-1])
    assert ref[-2] / ref[-1] == pytest.approx(rho)


def test_lstm_memory_keeps_dc_and_rnn_vanishes_in_compare_mode(panel, qtbot):
    view = panel.plot_view
    view.session.set_config(PRESETS["lstm_memory"].config)
    dc = _plotted(view.dc_curve)
    assert view.dc_curve.isVisible() and dc.max() / dc.min() < 10
    qtbot.mouseClick(view.compare, Qt.MouseButton.LeftButton)
    assert view.compare.isChecked()
    shown = [c for c in view.compare_curves.values() if c.isVisible()]
    assert len(shown) == len(CELL_SPECS)  # every cell type, from the engine's description
    assert not view.dh_curve.isVisible()
    rnn = _plotted(view.compare_curves["rnn"])
    assert rnn[-1] / rnn[0] >= 1e5
    for spec in CELL_SPECS.values():
        assert spec.label in view.legend_label.text()
    view.session.set_cursor(40)
    assert view.cursor.value() == 39


def test_truncation_boundaries_are_drawn(panel):
    view = panel.plot_view
    view.session.set_config(PRESETS["truncated"].config)
    x = np.asarray(view.boundaries.xData)
    assert sorted(set(x.tolist())) == [19.5, 39.5, 59.5, 79.5]
    assert "k = 20" in view.legend_label.text()
    view.session.update(truncate=None)
    assert view.boundaries.xData is None or len(view.boundaries.xData) == 0


def test_vanished_zeros_get_markers(panel):
    view = panel.plot_view
    view.session.set_config(PRESETS["truncated"].config.replace(loss_at="last"))
    zeros = int(np.sum(view.session.grads.dh_norm == 0))
    assert zeros > 0
    assert len(view.vanished_markers.xData) == zeros
    assert "vanished" in view.status_label.text()


def test_overflow_shows_markers_and_raises_nothing(panel, qtbot):
    view = panel.plot_view
    session = view.session
    with qtbot.captureExceptions() as exceptions:
        session.update(
            activation="identity", spectral_radius=50.0, model_source="init", hidden_size=16
        )
        session.set_sequence_length(400)
        qtbot.mouseClick(view.compare, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(view.compare, Qt.MouseButton.LeftButton)
        panel.grab()
    assert not exceptions
    assert not session.grads.finite
    overflow = int(np.sum(~np.isfinite(session.grads.dh_norm)))
    assert len(view.overflow_markers.xData) == overflow > 0
    assert "overflow" in view.status_label.text()
    lo, hi = view.plot.viewRange()[1]
    assert np.isfinite([lo, hi]).all() and hi > lo
    assert "overflow" in panel.readout.params_label.text()


def test_rho_slider_changes_readout_and_curve(qtbot):
    session = LessonSession(PRESETS["vanishing"].config)
    panels = {p.key: p.widget for p in create_panels(session)}
    for widget in panels.values():
        qtbot.addWidget(widget)
    lab, gradients = panels["lab"], panels["gradients"]
    before_text = gradients.readout.stats_label.text()
    before = _plotted(gradients.plot_view.dh_curve).copy()
    slider = lab.rho.slider
    slider.setValue(lab.rho.to_position(0.9))
    qtbot.waitUntil(lambda: session.config.spectral_radius == pytest.approx(0.9))
    assert gradients.readout.stats_label.text() != before_text
    assert "0.9" in gradients.readout.stats_label.text()
    after = _plotted(gradients.plot_view.dh_curve)
    assert after[0] / after[-1] > 100 * before[0] / before[-1]
    assert panels["lab"] is lab and set(panels) == {"gradients", "lab"}


def test_truncated_headline_is_per_chunk_and_the_curve_breaks_at_cuts(panel):
    view = panel.plot_view
    view.session.set_config(PRESETS["truncated"].config)
    text = view.summary_label.text()
    assert "per chunk" in text and "0 across a cut" in text
    assert "grew" not in text and "t = 0" not in text
    assert "explosion possible" not in panel.readout.verdict_label.text()
    assert "k = 20" in panel.readout.verdict_label.text()
    x, y = np.asarray(view.dh_curve.xData), np.asarray(view.dh_curve.yData)
    for cut in (20, 40, 60, 80):  # a NaN point between t = cut − 1 and t = cut: a gap
        k = int(np.flatnonzero(x == cut - 0.5)[0])
        assert np.isnan(y[k]) and x[k - 1] == cut - 1 and x[k + 1] == cut
    # no slope-ρ line: under truncation it would suggest the curve "should" explode
    assert not view.reference_curve.isVisible() and "slope" not in view.legend_label.text()
    # the cuts in the network's dark red, dashed
    pen = view.boundaries.opts["pen"]
    assert pen.color().name().upper() == CUT_COLOR.upper() and pen.style() == Qt.DashLine
    assert CUT_COLOR.lower() in view.legend_label.text().lower()
    view.session.update(truncate=None)
    assert view.reference_curve.isVisible() and "slope ρ" in view.legend_label.text()


def test_direction_arrow_headline_number_style_and_integer_ticks(panel):
    view = panel.plot_view
    view.session.set_config(PRESETS["vanishing"].config)
    assert "gradient flows back in time" in view.plot.getAxis("bottom").labelText
    text = view.summary_label.text()
    assert "Back in time, t = 99 → 0" in text and "·10⁻" in text and "e-" not in text
    view.session.set_config(PRESETS["textbook"].config)
    axis = view.plot.getAxis("bottom")
    major = axis.tickValues(*view.plot.viewRange()[0], 400)[0]
    assert major[0] == 1 and all(float(v).is_integer() for v in major[1])


def test_compare_mode_draws_each_cells_dc_in_its_colour_and_names_the_memory_bias(
    panel, qtbot, shown_text
):
    view = panel.plot_view
    view.session.set_config(PRESETS["lstm_memory"].config)
    single = view.dc_curve.opts["pen"]
    qtbot.mouseClick(view.compare, Qt.MouseButton.LeftButton)
    dh = [c for c in view.compare_curves.values() if c.isVisible()]
    assert len(dh) == len(CELL_SPECS) and view.compare_dc_curves["lstm"].isVisible()
    assert set(view.compare_dc_curves) == {"lstm", "lstm_nofg"}  # the cells with a state c
    pen = view.compare_dc_curves["lstm"].opts["pen"]  # the LSTM's colour, dashed
    assert pen.color().name() == CELL_SPECS["lstm"].color.lower()
    assert pen.style() == Qt.PenStyle.DashLine and pen.widthF() == single.widthF()
    dc = _plotted(view.compare_dc_curves["lstm"])
    assert np.nanmax(dc) / np.nanmin(dc) < 10  # the memory path stays flat
    legend = shown_text(view.legend_label.text())
    assert "LSTM (b_f + 4)" in legend and "GRU (b_z + 4)" in legend
    assert "‖dc_t‖" in legend
    ticks = view.plot.getAxis("left")._tickLevels[0]
    top = max(v for v, _ in ticks)
    assert top >= np.log10(np.nanmax(_plotted(view.compare_curves["lstm"])))
    # the top tick has room for its label inside the axis (pyqtgraph drops it otherwise)
    y_top = view.plot.vb.viewRange()[1][1]
    pixels_per_decade = view.plot.vb.height() / np.diff(view.plot.vb.viewRange()[1])[0]
    assert (y_top - top) * pixels_per_decade >= 0.5 * view.fontMetrics().height()


def test_cursor_is_a_thin_line_under_the_curves(panel):
    view = panel.plot_view
    view.session.set_config(PRESETS["vanishing"].config)
    view.session.set_cursor(40)
    assert view.cursor.value() == 39 and view.cursor.isVisible()
    assert view.cursor.line.pen.widthF() <= 2 and view.cursor.line.pen.color().alpha() < 255
    assert view.cursor.line.zValue() < view.dh_curve.zValue()


def test_readout_uses_subscripts_and_explains_the_gated_memory_path(panel, shown_text):
    readout = panel.readout
    readout.session.set_config(PRESETS["vanishing"].config)
    texts = [label.text() for label in readout._labels()]
    assert any("σ_{max}" in shown_text(t) for t in texts)  # shown as a real subscript
    # … and never typed as one in the label's own text
    assert not any(raw in t for t in texts for raw in ("σ_max", "W_h", "c_{", "dh_t"))
    readout.session.set_config(PRESETS["lstm_memory"].config)
    verdict = shown_text(readout.verdict_label.text())
    assert "c_{t−1}" in verdict and "σ" not in verdict
    assert "mean f" in readout.stats_label.text()
    readout.session.update(cell="gru", model_source="init")
    assert "z ⊙ h_{t−1}" in shown_text(readout.verdict_label.text())
    assert "mean z" in readout.stats_label.text()


def test_rnn_parameter_norms_use_the_textbook_symbols_with_one_bias(panel, shown_text):
    readout = panel.readout
    session = readout.session
    session.set_config(PRESETS["textbook"].config)
    text = readout.params_label.text()
    shown = shown_text(text)
    for symbol in ("W_h", "W_x", "W_y", "b_y"):  # real subscripts …
        assert symbol in shown
    assert "b_x" not in shown and "b_h" not in shown and "_" not in text  # … never typed
    # the one bias b = b_ih + b_hh: its gradient is that of either engine bias
    norms = session.grads.param_norms
    assert np.isclose(norms["bias_ih_l0"], norms["bias_hh_l0"])
    cells = [line.strip() for line in shown.splitlines()]  # the table: one cell a line
    assert cells[cells.index("b") + 1] == format_number(norms["bias_ih_l0"])  # b, its norm
    session.set_cell("lstm")  # gated cells keep one symbol per stacked matrix
    assert "b_x" in shown_text(readout.params_label.text())
