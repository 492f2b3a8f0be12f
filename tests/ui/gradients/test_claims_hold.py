"""Every verdict on screen agrees with the numbers beside it (the rehearsal's cases)."""

from __future__ import annotations

import numpy as np
import pytest

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.gradients import create_panels
from visualrnn.ui.gradients.pascanu_text import rnn_verdict

PRESETS = load_presets()[0]


@pytest.fixture
def panel(qtbot):
    session = LessonSession()
    panels = {p.key: p.widget for p in create_panels(session)}
    for widget in panels.values():
        qtbot.addWidget(widget)
    return panels["gradients"]


def test_with_a_loss_at_every_step_the_bound_is_not_claimed_for_the_total(panel, shown_text):
    session = panel.plot_view.session  # the textbook: σ_max·γ ≈ 0.55, loss at every step
    assert session.recurrent_stats()["bound"] < 1 and session.config.loss_at == "all"
    verdict = shown_text(panel.readout.verdict_label.text())
    assert "guaranteed" not in verdict and "each loss's gradient vanishes" in verdict
    assert "need not fall" in shown_text(panel.readout.explain_label.text())
    session.update(loss_at="last")
    assert "vanishing guaranteed" in shown_text(panel.readout.verdict_label.text())


def test_the_vanishing_preset_shrinks_as_its_verdict_says(panel, shown_text):
    session = panel.plot_view.session
    session.set_config(PRESETS["vanishing"].config)
    assert "vanishing guaranteed" in shown_text(panel.readout.verdict_label.text())
    dh = session.grads.dh_norm
    assert dh[0] < 1e-5 * dh[-1]


def test_exactly_one_reads_as_the_borderline_not_as_explosion():
    verdict, why, tone = rnn_verdict(1.0000000000000002, T=50, truncate=None, loss_at="last")
    assert tone == "one" and "= 1" in verdict and "cannot grow" in why
    assert rnn_verdict(1.2, 50, None, "last")[2] == "explode"
    assert rnn_verdict(0.5, 50, 10, "last")[2] == "cut"


def test_the_lstm_shows_its_memory_path_beside_the_total(panel, shown_text):
    view = panel.plot_view
    view.session.set_config(PRESETS["lstm_memory"].config)
    assert view.path_curve.isVisible()
    assert "the memory path alone" in shown_text(view.legend_label.text())
    assert "the lesson's step t" in shown_text(view.legend_label.text())  # the vertical line
    path = view.path_curve.getData()[1]
    f = view.session.trace.gates["f"]
    # the memory path shrinks by the forget gates (≈ 0.98 per step) going back …
    assert path[0] < path[-1] and np.nanmax(f) < 1
    # … while ‖dc‖ grows going back: the other paths feed in, and the readout says so
    dc = view.session.grads.dc_norm
    assert dc[0] > dc[-1]
    assert "Other paths" in shown_text(panel.readout.explain_label.text())


def test_a_small_drag_of_the_length_slider_is_a_small_change(qtbot):
    from visualrnn.ui.gradients.gradient_lab_controls import GradientLabControls

    lab = GradientLabControls(LessonSession(PRESETS["vanishing"].config))
    qtbot.addWidget(lab)
    slider = lab.length.slider
    position = lab.length.to_position(100)
    assert lab.length.from_position(position + 10) < 110  # a log scale: not T = 3353
    assert lab.length.from_position(slider.maximum()) == lab.length.maximum


def test_compare_mode_gives_the_lstm_a_memory_bias_and_says_so(panel, shown_text):
    view = panel.plot_view
    view.session.set_config(PRESETS["vanishing"].config)  # b_f not set: 0
    view.compare.setChecked(True)
    results = view.session.compare_results()
    dc = results["lstm"].grads.dc_norm
    dh_rnn = results["rnn"].grads.dh_norm
    assert dc[0] / dc[-1] > 1e3 * (dh_rnn[0] / dh_rnn[-1])  # the LSTM keeps far more
    assert "LSTM (b_f + 3)" in shown_text(view.legend_label.text())


def test_the_listed_parameter_norms_add_up_to_the_global_norm(panel, shown_text):
    session = panel.plot_view.session
    session.set_config(PRESETS["vanishing"].config)
    norms = session.grads.param_norms
    listed = [norms[k] for k in ("weight_hh_l0", "weight_ih_l0", "bias_ih_l0", "head.weight")]
    listed += [norms["head.bias"], norms["bias_ih_l0"]]  # b once more, as the note says
    assert np.sqrt(np.sum(np.square(listed))) == pytest.approx(session.grads.grad_norm)
    assert "counts b twice" in shown_text(panel.readout.params_label.text())


def test_a_gated_cell_says_why_its_two_biases_share_one_gradient(panel, shown_text):
    """An LSTM lists b_x and b_h with the same norm (a student's review: "suspicious"): the
    readout says they add up to one bias per gate; the GRU's differ, and no note is shown."""
    session = panel.plot_view.session
    session.set_config(PRESETS["lstm_memory"].config)
    norms = session.grads.param_norms
    assert norms["bias_ih_l0"] == norms["bias_hh_l0"]
    assert "get the same gradient" in shown_text(panel.readout.params_label.text())
    session.update(cell="gru")
    norms = session.grads.param_norms
    assert norms["bias_ih_l0"] != norms["bias_hh_l0"]  # r ⊙ (h W_hn + b_hn): not one sum
    assert "same gradient" not in shown_text(panel.readout.params_label.text())
