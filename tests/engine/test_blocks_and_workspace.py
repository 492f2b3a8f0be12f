"""The block-by-block passes and the trainer's workspace change no number."""

from __future__ import annotations

import numpy as np
import pytest

from visualrnn.engine import forward, init_model
from visualrnn.engine.backward import backward_batch
from visualrnn.engine.forward import forward_batch
from visualrnn.engine.training import make_task
from visualrnn.engine.training.objective import evaluate
from visualrnn.engine.workspace import Workspace

CELLS = ("rnn", "lstm", "gru", "lstm_nofg")


def _pass(model, x, dy, truncate, h0=None, c0=None):
    cache = forward_batch(model, x, h0, c0)
    grads, states = backward_batch(model, cache, dy, truncate)
    return cache, grads, states


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("truncate", [None, 3])
def test_block_size_changes_nothing(cell, truncate, monkeypatch):
    rng = np.random.default_rng(4)
    model = init_model(cell, 3, 5, 2, seed=1)
    x, dy = rng.normal(size=(4, 11, 3)), rng.normal(size=(11, 4, 2))
    h0, c0 = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    one_block = _pass(model, x, dy, truncate, h0, c0)
    for floats in (1, 7 * 4 * 5, 40 * 4 * 5):  # a step per block, uneven blocks, 2 blocks
        monkeypatch.setattr(forward, "BLOCK_FLOATS", floats)
        blocks = _pass(model, x, dy, truncate, h0, c0)
        for k in ("h", "y", "c"):
            if k in one_block[0]:
                np.testing.assert_allclose(blocks[0][k], one_block[0][k], rtol=1e-13, atol=0)
        for part in (1, 2):
            for k, v in one_block[part].items():
                np.testing.assert_allclose(blocks[part][k], v, rtol=1e-12, atol=1e-15, err_msg=k)


@pytest.mark.parametrize("cell", CELLS)
def test_a_workspace_gives_the_same_evaluation_every_time(cell):
    task = make_task("adding", 7)
    model = init_model(cell, 2, 6, 1, seed=2)
    ws = Workspace()
    for seed in (0, 1, 0):
        batch = task.sample(np.random.default_rng(seed), 5)
        fresh = evaluate(model, batch, "mse", 3)
        reused = evaluate(model, batch, "mse", 3, workspace=ws)
        assert reused.loss == fresh.loss
        for k, g in fresh.grads.items():
            np.testing.assert_array_equal(reused.grads[k], g)
        np.testing.assert_array_equal(reused.states["dh"], fresh.states["dh"])
    assert ws.nbytes > 0


def test_a_workspace_keeps_only_up_to_its_limit():
    ws = Workspace(max_bytes=1000)
    small, big = ws.empty("a", (10,)), ws.empty("b", (1000,))
    assert ws.empty("a", (10,)) is small
    assert ws.empty("b", (1000,)) is not big  # over the limit: fresh each time
    assert ws.empty("a", (11,)).shape == (11,)  # a new shape replaces the old array
    assert ws.nbytes == 88
    ws.clear()
    assert ws.nbytes == 0


@pytest.mark.parametrize("cell", ("lstm", "gru", "lstm_nofg"))
def test_narrow_and_wide_inputs_fill_the_gates_alike(cell, monkeypatch):
    """The input side of a narrow input (one broadcast product) and of a wide one (one
    product and a transposed copy) are the same numbers, whichever way they are formed."""
    rng = np.random.default_rng(5)
    model = init_model(cell, 40, 6, 2, seed=3)
    x, dy = rng.normal(size=(3, 9, 40)), rng.normal(size=(9, 3, 2))
    monkeypatch.setattr(forward, "SMALL_INPUT", 1000)
    narrow = _pass(model, x, dy, None)
    monkeypatch.setattr(forward, "SMALL_INPUT", 0)
    wide = _pass(model, x, dy, None)
    np.testing.assert_allclose(wide[0]["gates"], narrow[0]["gates"], rtol=1e-12, atol=1e-14)
    for k, v in narrow[1].items():
        np.testing.assert_allclose(wide[1][k], v, rtol=1e-11, atol=1e-14, err_msg=k)
