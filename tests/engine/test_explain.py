"""The backward pass taken apart: the textbook example's backward numbers by hand, step
contributions that add up to ∂L/∂θ, and the memory path beside the total."""

from __future__ import annotations

import numpy as np
import pytest

from visualrnn.engine import init_model, run, textbook_model
from visualrnn.engine.explain import breakdown
from visualrnn.engine.run_options import RunOptions

TEXTBOOK_X = np.array([[1.0], [2.0]])


def test_the_textbook_example_backwards_by_hand():
    model = textbook_model()
    pieces = breakdown(model, TEXTBOOK_X)
    y = np.array([1.56128388, 2.72707101])
    np.testing.assert_allclose(pieces.dy[:, 0], y, atol=1e-8)  # ∂L/∂y_t = y_t − 0 (mse)
    W_y = np.array([1.0, 2.0])
    np.testing.assert_allclose(pieces.dh_from_y, np.outer(y, W_y), atol=1e-7)
    # the last step has nothing coming back from a step t = 2
    np.testing.assert_array_equal(pieces.dh_from_next[1], [0.0, 0.0])
    h1 = np.array([0.85973818, 0.88366641])
    dh1 = y[1] * W_y
    W_h = np.array([[0.1, 0.2], [0.3, 0.4]])  # a = h·W_h + x·W_x + b (row vectors)
    from_next = (dh1 * (1 - h1**2)) @ W_h.T  # ∂L/∂h_0 through a_1
    np.testing.assert_allclose(pieces.dh_from_next[0], from_next, atol=1e-7)
    np.testing.assert_allclose(pieces.slope[1], 1 - h1**2, atol=1e-7)  # tanh′ = 1 − h²
    np.testing.assert_allclose(pieces.delta[1], dh1 * (1 - h1**2), atol=1e-7)
    dh = run(model, TEXTBOOK_X).grads.dh
    np.testing.assert_allclose(pieces.dh_from_y + pieces.dh_from_next, dh, atol=1e-12)
    assert np.linalg.norm(dh[1]) == pytest.approx(6.0979, abs=1e-4)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "lstm_nofg"])
def test_step_contributions_add_up_to_the_parameter_gradients(cell):
    model = init_model(cell, input_size=2, hidden_size=3, output_size=1, seed=4)
    x = np.random.default_rng(1).normal(size=(9, 2))
    pieces = breakdown(model, x)
    grads = run(model, x).grads
    # one outer product per step; the norms of the steps' shares can only add up to more
    total = np.linalg.norm(grads.params["weight_hh_l0"])
    assert pieces.step_norms["W_h"].sum() >= total - 1e-12
    assert pieces.step_norms["W_h"][0] == 0.0  # h_{−1} = 0: the first step adds nothing
    assert np.all(pieces.step_norms["b"] >= 0) and pieces.step_norms["W_x"].shape == (9,)


def test_with_the_loss_at_the_end_distant_steps_contribute_little_to_w_h():
    model = init_model("rnn", 1, 8, 1, seed=3, spectral_radius=0.5)
    x = np.random.default_rng(0).uniform(-1, 1, size=(40, 1))
    pieces = breakdown(model, x, options=RunOptions(loss_at="last"))
    shares = pieces.step_norms["W_h"]
    assert shares[1] < 1e-6 * shares[-1]  # vanished: step 1 adds (almost) nothing


def test_the_1997_lstm_carries_the_last_gradient_unchanged_along_c():
    model = init_model("lstm_nofg", 1, 4, 1, seed=2)
    x = np.random.default_rng(5).normal(size=(12, 1))
    pieces = breakdown(model, x, options=RunOptions(loss_at="last"))
    np.testing.assert_allclose(pieces.memory_path, pieces.memory_path[-1])  # × 1 per step
    assert pieces.memory_path[-1] == pytest.approx(pieces.memory_total[-1])


def test_the_lstm_memory_path_is_the_product_of_forget_gates():
    model = init_model("lstm", 1, 3, 1, seed=7)
    x = np.random.default_rng(2).normal(size=(6, 1))
    pieces = breakdown(model, x, options=RunOptions(loss_at="last"))
    result = run(model, x, loss_at="last")
    f, dc_last = result.trace.gates["f"], result.grads.dc[-1]
    by_hand = [np.linalg.norm(dc_last * np.prod(f[t + 1 :], axis=0)) for t in range(6)]
    np.testing.assert_allclose(pieces.memory_path, by_hand, rtol=1e-12)
    assert breakdown(init_model("rnn", 1, 2, 1, seed=0), x).memory_path is None
