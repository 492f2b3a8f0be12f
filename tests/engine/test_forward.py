"""The forward pass: the textbook's worked example, the cells' formulas, the step API."""

import numpy as np
import pytest

from visualrnn.engine import (
    CELLS,
    TEXTBOOK_INPUT,
    Stepper,
    init_model,
    run,
    sigmoid,
    textbook_model,
)


def test_textbook_example_fig_8_5_to_8_decimals():
    trace = run(textbook_model(), TEXTBOOK_INPUT).trace
    np.testing.assert_allclose(trace.a, [[0.6, 0.5], [1.2923401, 1.39225678]], atol=5e-9)
    np.testing.assert_allclose(
        trace.h, [[0.53704957, 0.46211716], [0.85973818, 0.88366641]], atol=5e-9
    )
    np.testing.assert_allclose(trace.y[:, 0], [1.56128388, 2.72707101], atol=5e-9)


def test_stepper_matches_whole_sequence_run():
    for cell in CELLS:
        model = init_model(cell, 2, 3, 2, seed=4)
        x = np.random.default_rng(0).normal(size=(6, 2))
        trace = run(model, x).trace
        stepper = Stepper(model)
        for t in range(6):
            rec = stepper.step(x[t])
            np.testing.assert_allclose(rec["h"], trace.h[t], rtol=0, atol=1e-14)
            np.testing.assert_allclose(rec["y"], trace.y[t], rtol=0, atol=1e-14)
            for k in trace.gates:
                np.testing.assert_allclose(rec[k], trace.gates[k][t], atol=1e-14)


def test_stepper_reproduces_textbook_first_step():
    rec = Stepper(textbook_model()).step([1.0])
    np.testing.assert_allclose(rec["h"], [0.53704957, 0.46211716], atol=5e-9)
    np.testing.assert_allclose(rec["y"], [1.56128388], atol=5e-9)


def _concat_weights(model, gate):
    return model.block("weight_hh_l0", gate), model.block("weight_ih_l0", gate)


def test_lstm_step_follows_the_textbook_formulas():
    model = init_model("lstm", 2, 3, None, seed=2, forget_bias=1.0)
    x = np.random.default_rng(1).normal(size=(4, 2))
    tr = run(model, x).trace
    p, H = model.params, 3
    b = p["bias_ih_l0"] + p["bias_hh_l0"]
    h, c = np.zeros(H), np.zeros(H)
    for t in range(4):
        pre = p["weight_hh_l0"] @ h + p["weight_ih_l0"] @ x[t] + b
        i, f, z, o = sigmoid(pre[:H]), sigmoid(pre[H:6]), np.tanh(pre[6:9]), sigmoid(pre[9:])
        c = f * c + i * z
        h = o * np.tanh(c)
        for name, v in zip("ifzo", (i, f, z, o), strict=True):
            np.testing.assert_allclose(tr.gates[name][t], v, atol=1e-14)
        np.testing.assert_allclose(tr.c[t], c, atol=1e-14)
        np.testing.assert_allclose(tr.h[t], h, atol=1e-14)
    np.testing.assert_allclose(tr.y, tr.h, atol=0)  # no head: y = h


def test_gru_keeps_b_hn_inside_the_reset_product():
    model = init_model("gru", 1, 2, 1, seed=3)
    x = np.array([[0.5], [-1.0], [2.0]])
    tr = run(model, x).trace
    p, H = model.params, 2
    h = np.zeros(H)
    for t in range(3):
        gi = p["weight_ih_l0"] @ x[t] + p["bias_ih_l0"]
        gh = p["weight_hh_l0"] @ h + p["bias_hh_l0"]
        r, z = sigmoid(gi[:H] + gh[:H]), sigmoid(gi[H:4] + gh[H:4])
        n = np.tanh(gi[4:] + r * gh[4:])
        h = (1 - z) * n + z * h
        np.testing.assert_allclose(tr.h[t], h, atol=1e-14)
        np.testing.assert_allclose(tr.gates["n"][t], n, atol=1e-14)


def test_trace_arrays_are_read_only():
    tr = run(textbook_model(), TEXTBOOK_INPUT).trace
    with pytest.raises(ValueError):
        tr.h[0, 0] = 1.0
    assert tr.step(1)["h_prev"] is not None
    with pytest.raises(IndexError):
        tr.step(2)


def test_sigmoid_does_not_overflow():
    with np.errstate(all="raise"):
        s = sigmoid(np.array([-1e6, 0.0, 1e6]))
    np.testing.assert_array_equal(s, [0.0, 0.5, 1.0])


def test_relu_and_identity_activations():
    base = textbook_model()
    x = np.array([[-5.0], [1.0]])
    for act, fn in (("relu", lambda a: np.maximum(a, 0)), ("identity", lambda a: a)):
        from visualrnn.engine import Model

        tr = run(Model("rnn", base.params, act), x).trace
        np.testing.assert_allclose(tr.h, fn(tr.a), atol=0)
    assert np.any(run(Model("rnn", base.params, "relu"), x).trace.h == 0)


def test_bad_model_and_input_are_refused():
    from visualrnn.engine import Model

    with pytest.raises(ValueError, match="cell"):
        Model("transformer", textbook_model().params)
    with pytest.raises(ValueError, match=r"expected \(8, 1\) for a lstm"):
        Model("lstm", textbook_model().params)
    with pytest.raises(ValueError, match="shape"):
        run(textbook_model(), np.ones((3, 2)))
    params = dict(textbook_model().params)
    del params["head.bias"]
    with pytest.raises(ValueError, match="head.bias"):
        Model("rnn", params)
    params = dict(textbook_model().params, weight_hh_l0=np.ones(2))
    with pytest.raises(ValueError, match="2-D"):
        Model("rnn", params)


def test_exploding_forward_reports_overflow_without_raising():
    model = init_model("rnn", 1, 4, 1, seed=0, activation="identity", spectral_radius=50.0)
    with np.errstate(all="raise"):
        res = run(model, np.ones((400, 1)))
    assert not res.trace.finite
    assert not res.grads.finite
