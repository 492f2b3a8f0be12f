"""The step-at-a-time trainer: learning, reports, profiles, divergence, snapshots, file order."""

import time

import numpy as np
import pytest

from visualrnn.engine import CELLS, Model, init_model, recurrent_stats
from visualrnn.engine.training import (
    FileSource,
    TaskSource,
    TrainConfig,
    Trainer,
    make_task,
)
from visualrnn.engine.training.objective import evaluate, outputs
from visualrnn.engine.training.snapshots import SnapshotStore
from visualrnn.engine.training.tasks import Batch


def trainer_for(cell, task_name="adding", length=8, seed=0, H=4, **config):
    task = make_task(task_name, length)
    model = init_model(cell, task.input_size, H, task.output_size, seed=seed)
    return Trainer(model, TaskSource(task, seed, test_size=32), TrainConfig(**config))


def test_lstm_learns_next_step_on_a_sine_quickly():
    task = make_task("next_step", 40)
    model = init_model("lstm", 1, 16, 1, seed=0)
    tr = Trainer(model, TaskSource(task, 0, 64), TrainConfig(lr=0.01, batch=16, eval_every=50))
    start = time.perf_counter()
    first = tr.step().loss
    result = tr.run(200)
    elapsed = time.perf_counter() - start
    assert result.reason == "budget" and result.steps == 200
    assert result.last.loss < first / 10, (first, result.last.loss)
    assert elapsed < 5.0


def test_same_seed_same_weights_and_reports():
    a, b = trainer_for("gru", clip=1.0), trainer_for("gru", clip=1.0)
    ra = [a.step() for _ in range(5)]
    rb = [b.step() for _ in range(5)]
    assert [r.loss for r in ra] == [r.loss for r in rb]
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])


@pytest.mark.parametrize("cell", list(CELLS))
def test_report_and_profile_for_every_cell(cell):
    tr = trainer_for(cell, eval_every=2, clip=0.01)
    first, second = tr.step(), tr.step()
    assert first.profile is None and second.profile is not None
    assert first.step == 1 and second.step == 2
    assert second.grad_norm_clipped == pytest.approx(min(0.01, second.grad_norm))
    assert set(second.param_norms) == set(tr.params)
    total = np.sqrt(sum(n**2 for n in second.param_norms.values()))
    assert total == pytest.approx(second.grad_norm)
    p = second.profile
    assert p.step == 2 and p.dh_norm.shape == (8,) and np.all(p.dh_norm >= 0)
    has_c = cell in ("lstm", "lstm_nofg")
    assert (p.dc_norm is not None) == has_c
    if has_c:
        assert p.dc_norm.shape == (8,)
    assert p.spectral_radius == pytest.approx(recurrent_stats(tr.model)["spectral_radius"])
    expected_gate = {"rnn": None, "lstm": "f", "gru": "z", "lstm_nofg": None}[cell]
    assert p.memory_gate == expected_gate
    if p.memory_gate is not None:
        assert 0 < p.memory_gate_mean < 1
    assert isinstance(p.solved, bool) and np.isfinite(p.test_metric)


def test_profile_dh_is_the_batch_mean_of_the_norms():
    tr = trainer_for("rnn", eval_every=1)
    batch = tr.source.task.sample(np.random.default_rng([0, 1]), tr.config.batch)
    ev = evaluate(tr.model, batch, "mse")
    expected = np.linalg.norm(ev.states["dh"], axis=2).mean(axis=1)
    np.testing.assert_allclose(tr.step().profile.dh_norm, expected, rtol=1e-12)


def test_divergence_names_the_update_and_keeps_finite_weights():
    task = make_task("next_step", 20)
    model = init_model("rnn", 1, 8, 1, seed=0, activation="identity", spectral_radius=1.5)
    tr = Trainer(model, TaskSource(task, 0, 16), TrainConfig(optimizer="sgd", lr=1e6))
    result = tr.run(50)
    assert result.reason == "diverged"
    k = result.last.step
    assert f"diverged at update {k}" in result.message
    assert "learning rate" in result.message
    assert tr.steps_done == k - 1
    assert all(np.all(np.isfinite(v)) for v in tr.params.values())
    assert tr.model.params.keys() == model.params.keys()
    with pytest.raises(RuntimeError, match="diverged"):
        tr.step()


def test_until_solved_stops_at_the_first_solved_profile():
    tr = trainer_for("lstm", "sky_color", length=0, H=8, lr=0.05, batch=32, eval_every=10)
    result = tr.run(400, until_solved=True)
    assert result.reason == "solved", result.message
    assert result.steps % 10 == 0 and result.profile.solved
    assert result.profile.test_metric >= 0.99


def test_should_stop_and_callback():
    tr = trainer_for("rnn")
    seen = []
    result = tr.run(100, on_update=seen.append, should_stop=lambda: len(seen) >= 3)
    assert result.reason == "stopped" and result.steps == 3 and len(seen) == 3


def test_file_source_batches_are_rows_in_file_order():
    N, B = 7, 3
    x = np.arange(N, dtype=float).reshape(N, 1, 1) * np.ones((N, 2, 1))
    mask = np.ones((N, 2), dtype=bool)
    source = FileSource(Batch(x, x.copy(), mask, mask), "mse", 1)
    firsts = [source.next_batch(k, B).x[:, 0, 0].tolist() for k in range(4)]
    assert firsts == [[0, 1, 2], [3, 4, 5], [6, 0, 1], [2, 3, 4]]


def test_trainer_uses_the_file_mask():
    N, T = 4, 5
    rng = np.random.default_rng(0)
    x, targets = rng.standard_normal((N, T, 1)), rng.standard_normal((N, T, 1))
    mask = np.zeros((N, T), dtype=bool)
    mask[:, 2] = True
    model = init_model("rnn", 1, 3, 1, seed=0)
    tr = Trainer(model, FileSource(Batch(x, targets, mask, mask), "mse", 1), TrainConfig(batch=N))
    out = outputs(tr.model, x)  # the weights before the update
    expected = 0.5 * np.mean((out[:, 2, 0] - targets[:, 2, 0]) ** 2)  # (1/B) Σ_b ½(y − t)²
    assert tr.step().loss == pytest.approx(expected, rel=1e-12)


def test_snapshots_stay_bounded_and_evenly_spaced():
    store = SnapshotStore(every=1, limit=8)
    params = {"w": np.zeros(3)}
    for step in range(0, 101):
        params["w"][:] = step
        store.offer(step, params)
    assert len(store) <= 8 and store.steps[0] == 0
    gaps = np.diff(store.steps)
    assert np.all(gaps == gaps[0])
    assert store.get(store.steps[-1])["w"][0] == store.steps[-1]


def test_trainer_keeps_snapshots_of_its_weights():
    tr = trainer_for("gru", snapshot_every=2, max_snapshots=4)
    for _ in range(20):
        tr.step()
    assert len(tr.snapshots) <= 4 and tr.snapshots.steps[0] == 0
    last = tr.snapshots.steps[-1]
    assert last > 0
    Model("gru", tr.snapshots.get(last))  # a complete parameter set


def test_bad_config_is_refused():
    for bad in (
        {"batch": 0},
        {"clip": -1.0},
        {"truncate": 0},
        {"lr": 0.0},
        {"optimizer": "adagrad"},
        {"optimizer": "adam", "momentum": 0.9},
    ):
        with pytest.raises(ValueError):
            TrainConfig(**bad)
