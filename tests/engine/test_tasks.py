"""Every task generator matches its published definition (property tests over many seeds)."""

import re

import numpy as np
import pytest

from visualrnn.engine import init_model
from visualrnn.engine.training import TASKS, make_task, sample_text
from visualrnn.engine.training.language import CLEAN, DEFAULT_TEXTS, POLLUTED

SEEDS = range(8)


def draw(name, length, seed, n=64, **kw):
    task = make_task(name, length, **kw)
    return task, task.sample(np.random.default_rng(seed), n)


def tokens_of(batch):
    """One-hot inputs → token numbers (B, T), checking they are one-hot."""
    assert np.all(batch.x.sum(axis=2) == 1.0) and set(np.unique(batch.x)) <= {0.0, 1.0}
    return np.argmax(batch.x, axis=2)


def only_last_step(mask):
    expected = np.zeros_like(mask)
    expected[:, -1] = True
    return np.array_equal(mask, expected)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("T", [2, 3, 10, 51])
def test_adding_markers_values_and_target(seed, T):
    task, b = draw("adding", T, seed)
    values, markers = b.x[:, :, 0], b.x[:, :, 1]
    assert b.x.shape == (64, T, 2) and np.all((values >= 0) & (values < 1))
    assert np.all(markers.sum(axis=1) == 2) and set(np.unique(markers)) <= {0.0, 1.0}
    assert np.all(markers[:, : T // 2].sum(axis=1) == 1)
    assert np.all(markers[:, T // 2 :].sum(axis=1) == 1)
    np.testing.assert_allclose(b.targets[:, -1, 0], (values * markers).sum(axis=1))
    assert only_last_step(b.mask) and np.array_equal(b.score, b.mask)
    assert task.loss_kind == "mse" and task.output_size == 1


def test_adding_chance_is_answering_one():
    task, b = draw("adding", 20, 0, n=40_000)
    y = np.ones(b.targets.shape)
    assert task.metric(y, b) == pytest.approx(1 / 6, abs=0.005)
    assert not task.solved(task.metric(y, b)) and task.solved(0.009)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("T", [10, 11, 20, 57, 100])
def test_temporal_order_layout_and_class(seed, T):
    task, b = draw("temporal_order", T, seed)
    tok = tokens_of(b)
    sym = task.symbols
    assert sym == ("a", "b", "c", "d", "X", "Y", "B", "E")
    assert np.all(tok[:, 0] == sym.index("E")) and np.all(tok[:, -1] == sym.index("B"))
    xy = (tok == 4) | (tok == 5)
    assert np.all(xy.sum(axis=1) == 2)
    assert np.all(tok[:, 1:-1][~xy[:, 1:-1]] < 4)  # a–d everywhere else
    for row in xy:
        first, second = np.nonzero(row)[0]
        assert T // 10 <= first <= int(np.floor(0.2 * T))
        assert T // 2 <= second <= int(np.floor(0.6 * T))
    firsts = np.array([tok[i, np.nonzero(xy[i])[0]] for i in range(len(tok))])
    expected = 2 * (firsts[:, 0] - 4) + (firsts[:, 1] - 4)
    np.testing.assert_array_equal(b.targets[:, -1], expected)
    assert task.classes[expected[0]] == "".join(sym[v] for v in firsts[0])
    assert only_last_step(b.mask) and task.chance == 0.25


def test_temporal_order_is_refused_below_ten_steps():
    with pytest.raises(ValueError, match="at least 10"):
        make_task("temporal_order", 9)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("T", [1, 2, 10, 100])
def test_copy_layout(seed, T):
    task, b = draw("copy", T, seed)
    tok = tokens_of(b)
    assert tok.shape == (64, T + 20) and task.steps == T + 20
    assert np.all(tok[:, :10] < 8)
    assert np.all(tok[:, 10 : T + 9] == 8)  # T − 1 blanks
    assert np.all(tok[:, T + 9] == 9)  # the delimiter
    assert np.all(tok[:, T + 10 :] == 8)  # 10 blanks
    assert np.all(b.targets[:, : T + 10] == 8)
    np.testing.assert_array_equal(b.targets[:, T + 10 :], tok[:, :10])
    assert b.mask.all() and np.array_equal(b.score.sum(axis=1), np.full(64, 10))
    assert np.all(b.score[:, -10:])
    assert task.baseline_loss == pytest.approx(10 * np.log(8) / (T + 20))


def test_copy_memoryless_strategy_scores_chance():
    task, b = draw("copy", 5, 0, n=20_000)
    y = np.zeros(b.targets.shape + (9,))
    y[:, :, 8] = 1.0  # "blank" everywhere: right until the copy, 0 % after
    assert task.metric(y, b) == 0.0
    y = np.random.default_rng(1).standard_normal(y.shape)
    assert task.metric(y, b) == pytest.approx(1 / 9, abs=0.01)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("L", [0, 1, 5, 40])
def test_sky_color_cause_only_at_the_start(seed, L):
    task, b = draw("sky_color", L, seed)
    tok = tokens_of(b)
    causes = len(POLLUTED) + len(CLEAN)
    assert tok.shape == (64, L + 3)
    assert np.all(tok[:, 0] < causes) and np.all(tok[:, 1:] >= causes)
    assert [task.symbols[k] for k in tok[0, -2:]] == ["天空", "是"]
    words = [task.symbols[k] for k in tok[:, 0]]
    colour = [task.classes[k] for k in b.targets[:, -1]]
    for w, c in zip(words, colour, strict=True):
        assert c == ("灰色" if w in dict(POLLUTED) else "蓝色")
    assert only_last_step(b.mask)


def test_sky_color_tokens_all_have_english_glosses():
    task = make_task("sky_color")
    assert set(task.symbols) | set(task.classes) <= set(task.glosses)
    assert task.glosses["灰色"] == "grey" and task.glosses["工厂"] == "factory"
    assert len(set(task.symbols)) == task.input_size


@pytest.mark.parametrize("seed", SEEDS)
def test_next_step_targets_are_the_next_input(seed):
    task, b = draw("next_step", 30, seed)
    np.testing.assert_allclose(b.targets[:, :-1], b.x[:, 1:])
    assert b.mask.all() and np.all(np.abs(b.x) <= 1)
    series = np.arange(100.0)[:, None] ** 0.5
    task, b = draw("next_step", 30, seed, series=series)
    start = np.searchsorted(series[:, 0], b.x[:, 0, 0])
    np.testing.assert_allclose(b.x[:, :, 0], series[start[:, None] + np.arange(30), 0])
    np.testing.assert_allclose(b.targets[:, :, 0], series[start[:, None] + np.arange(1, 31), 0])


def test_next_step_refuses_a_window_longer_than_the_series():
    with pytest.raises(ValueError, match="at most 9"):
        make_task("next_step", 10, series=np.arange(10.0))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_text_targets_are_the_next_character(language):
    task, b = draw("text", 12, 0, language=language)
    text = DEFAULT_TEXTS[language]
    tok = tokens_of(b)
    for row, target in zip(tok, b.targets, strict=True):
        window = "".join(task.vocabulary[k] for k in row)
        start = text.index(window)
        assert text[start + 1 : start + 13] == "".join(task.vocabulary[k] for k in target)
    assert task.vocabulary == "".join(sorted(set(text)))


def test_sampling_writes_vocabulary_characters_deterministically():
    task = make_task("text", 8, text="abcabcabd")
    model = init_model("gru", task.input_size, 6, task.output_size, seed=0)
    a = sample_text(model, task.vocabulary, "ab", 30, temperature=1.0, rng=np.random.default_rng(3))
    b = sample_text(model, task.vocabulary, "ab", 30, temperature=1.0, rng=np.random.default_rng(3))
    greedy = sample_text(model, task.vocabulary, "ab", 5, temperature=0.0)
    assert a == b and len(a) == 30 and set(a) <= set(task.vocabulary)
    assert len(greedy) == 5
    with pytest.raises(ValueError):
        sample_text(model, task.vocabulary, "xyz", 5)


@pytest.mark.parametrize("name", sorted(TASKS))
def test_every_task_is_seeded_and_described(name):
    task = make_task(name)
    a = task.sample(np.random.default_rng(5), 8)
    b = task.sample(np.random.default_rng(5), 8)
    for field in ("x", "targets", "mask", "score"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert a.x.shape == (8, task.steps, task.input_size)
    assert np.all(a.score <= a.mask)
    assert task.description_en and task.description_zh
    assert re.search("[\u4e00-\u9fff]", task.description_zh)
    assert "循环神经网络" in task.description_zh
