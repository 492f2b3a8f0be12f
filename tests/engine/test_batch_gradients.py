"""The masked batch loss and its BPTT gradients: mean of sequences, central differences, torch."""

import numpy as np
import pytest

from visualrnn.engine import CELLS, init_model, run
from visualrnn.engine.training import make_task
from visualrnn.engine.training.objective import evaluate
from visualrnn.engine.training.tasks import Batch

CELL_LIST = list(CELLS)


def random_batch(kind, B=4, T=6, I=3, O=2, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((B, T, I))
    mask = rng.random((B, T)) < 0.5
    mask[:, -1] = True
    targets = rng.integers(0, O, (B, T)) if kind == "ce" else rng.standard_normal((B, T, O))
    return Batch(x, targets, mask, mask.copy())


@pytest.mark.parametrize("kind", ["mse", "ce"])
@pytest.mark.parametrize("cell", CELL_LIST)
def test_batch_gradient_is_the_mean_of_sequence_gradients(cell, kind):
    model = init_model(cell, 3, 5, 2, seed=1)
    batch = random_batch(kind)
    whole = evaluate(model, batch, kind, truncate=3)
    parts = [evaluate(model, batch.rows([b]), kind, truncate=3) for b in range(len(batch))]
    assert whole.loss == pytest.approx(np.mean([p.loss for p in parts]), rel=1e-12)
    for k, g in whole.grads.items():
        mean = np.mean([p.grads[k] for p in parts], axis=0)
        np.testing.assert_allclose(g, mean, rtol=1e-10, atol=1e-13, err_msg=k)


@pytest.mark.parametrize("cell", CELL_LIST)
def test_one_sequence_with_all_steps_matches_the_trace_engine(cell):
    model = init_model(cell, 3, 4, 2, seed=2)
    b = random_batch("mse", B=1, seed=3)
    batch = Batch(b.x, b.targets, np.ones_like(b.mask), np.ones_like(b.mask))
    ours = evaluate(model, batch, "mse")
    ref = run(model, b.x[0], b.targets[0], loss="mse", loss_at="all")
    assert ours.loss == pytest.approx(ref.trace.loss, rel=1e-12)
    for k, g in ours.grads.items():
        np.testing.assert_allclose(g, ref.grads.params[k], rtol=1e-10, atol=1e-14)


def central_difference(model, batch, kind, name, index, eps=1e-6):
    p = np.array(model.params[name])
    p[index] += eps
    up = evaluate(model.with_params(**{name.replace(".", "_"): p}), batch, kind).loss
    p[index] -= 2 * eps
    down = evaluate(model.with_params(**{name.replace(".", "_"): p}), batch, kind).loss
    return (up - down) / (2 * eps)


@pytest.mark.parametrize("kind", ["mse", "ce"])
@pytest.mark.parametrize("cell", CELL_LIST)
def test_masked_batch_loss_gradient_matches_central_differences(cell, kind):
    model = init_model(cell, 3, 3, 2, seed=4)
    batch = random_batch(kind, seed=5)
    grads = evaluate(model, batch, kind).grads
    rng = np.random.default_rng(6)
    for name, g in grads.items():
        for _ in range(3):
            index = tuple(rng.integers(0, s) for s in g.shape)
            numeric = central_difference(model, batch, kind, name, index)
            assert g[index] == pytest.approx(numeric, rel=1e-5, abs=1e-8), (name, index)


def test_masked_steps_do_not_change_the_loss_or_gradient():
    model = init_model("lstm", 3, 4, 2, seed=0)
    batch = random_batch("mse", seed=1)
    changed = batch.targets.copy()
    changed[~batch.mask] += 100.0
    a = evaluate(model, batch, "mse")
    b = evaluate(model, Batch(batch.x, changed, batch.mask, batch.score), "mse")
    assert a.loss == b.loss
    for k in a.grads:
        np.testing.assert_array_equal(a.grads[k], b.grads[k])


def test_adding_batch_loss_and_gradients_equal_torch():
    torch = pytest.importorskip("torch")
    task = make_task("adding", 12)
    batch = task.sample(np.random.default_rng(0), 8)
    model = init_model("lstm", 2, 5, 1, seed=3)
    ours = evaluate(model, batch, "mse")
    lstm = torch.nn.LSTM(2, 5, batch_first=True, dtype=torch.float64)
    head = torch.nn.Linear(5, 1, dtype=torch.float64)
    with torch.no_grad():
        for k in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
            getattr(lstm, k).copy_(torch.from_numpy(np.array(model.params[k])))
        head.weight.copy_(torch.from_numpy(np.array(model.params["head.weight"])))
        head.bias.copy_(torch.from_numpy(np.array(model.params["head.bias"])))
    y = head(lstm(torch.from_numpy(batch.x))[0])
    mask = torch.from_numpy(batch.mask)[..., None]
    diff = (y - torch.from_numpy(batch.targets)) * mask
    loss = 0.5 * (diff**2).sum() / len(batch)
    loss.backward()
    assert ours.loss == pytest.approx(loss.item(), rel=1e-12)
    for k in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
        np.testing.assert_allclose(ours.grads[k], getattr(lstm, k).grad.numpy(), atol=1e-13)
    np.testing.assert_allclose(ours.grads["head.weight"], head.weight.grad.numpy(), atol=1e-13)
