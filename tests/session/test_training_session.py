"""The training lab's session: a real worker process, driven as the panel drives it.

Small tasks and models keep every run to a second or two; every wait is a generous
``qtbot.waitUntil`` (a loaded 2-core machine), never a sleep that asserts timing.
"""

from __future__ import annotations

import os
import signal

import numpy as np
import pytest

from tests.processes import process_gone
from visualrnn.session import LessonSession
from visualrnn.session.lesson_file import open_lesson, save_lesson
from visualrnn.session.training_session import TrainingSession

WAIT = 60_000


@pytest.fixture
def training(qapp):
    lesson = LessonSession()
    t = TrainingSession.of(lesson)
    assert t.set_settings(length=5, budget=50, until_solved=False, eval_every=10)
    assert t.prepare_lesson(hidden=8)
    yield t
    t.shutdown()


def test_fifty_updates_lower_the_loss_and_the_views_get_the_weights(qtbot, training):
    lesson = training.lesson
    before = np.array(lesson.trace.h)
    assert training.train()
    qtbot.waitUntil(lambda: training.state == "finished", timeout=WAIT)
    loss = training.log.column("loss")
    assert training.log.n == 50 and training.log.last_step == 50
    assert loss[-10:].mean() < loss[:10].mean()
    assert training.log.n_profiles == 5 and training.log.dh_image().shape == (5, 8)
    assert "50" in training.message
    assert lesson.config.model_source == "file" and training.shown_step == 50
    assert not np.allclose(lesson.trace.h, before)
    assert training.process_id is None  # the worker left with the run


def test_pause_resume_and_one_update(qtbot, training):
    training.set_settings(budget=100_000)
    training.train()
    qtbot.waitUntil(lambda: training.log.n >= 5, timeout=WAIT)
    training.pause()
    assert training.state == "paused"
    qtbot.waitUntil(lambda: training.shown_step == training.log.last_step, timeout=WAIT)
    n = training.log.n
    qtbot.wait(300)
    assert training.log.n == n  # paused means no more updates
    assert training.worker_alive()
    assert training.step_once()
    qtbot.waitUntil(lambda: training.log.n == n + 1, timeout=WAIT)
    qtbot.waitUntil(lambda: training.shown_step == n + 1, timeout=WAIT)
    assert training.state == "paused"
    training.train()
    qtbot.waitUntil(lambda: training.log.n >= n + 5, timeout=WAIT)
    assert training.state == "running"
    pid = training.process_id
    training.shutdown()
    assert process_gone(pid)


def test_divergence_stops_with_a_message_and_keeps_finite_weights(qtbot, qapp):
    lesson = LessonSession()
    t = TrainingSession.of(lesson)
    t.set_settings(task="next_step")
    t.set_settings(optimizer="sgd", lr=5.0, clip=None, budget=500)
    lesson.update(spectral_radius=3.0, init_scheme="orthogonal", cell="rnn")
    t.train()
    qtbot.waitUntil(lambda: t.state == "diverged", timeout=WAIT)
    assert "Diverged at update" in t.message and "clipping" in t.message
    assert t.message_is_error
    model = lesson.model
    assert all(np.all(np.isfinite(v)) for v in model.params.values())
    assert lesson.config.model_source == "file"
    t.shutdown()


def test_a_worker_that_dies_is_reported_and_training_restarts(qtbot, training):
    training.set_settings(budget=100_000)
    training.train()
    qtbot.waitUntil(lambda: training.log.n >= 3, timeout=WAIT)
    os.kill(training.process_id, signal.SIGKILL)
    qtbot.waitUntil(lambda: training.state == "failed", timeout=WAIT)
    assert "stopped unexpectedly" in training.message
    done = training.log.n
    assert training.train()
    qtbot.waitUntil(lambda: training.log.n > done + 3, timeout=WAIT)
    assert training.state == "running"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"lr": 0.0}, "positive"),
        ({"lr": -1.0}, "positive"),
        ({"lr": 50.0}, "far too large"),
        ({"length": 5000, "batch": 100_000}, "GB"),
        ({"clip": -1.0}, "clipping"),
    ],
)
def test_bad_settings_are_refused_in_one_line(training, changes, words):
    old = training.settings
    assert not training.set_settings(**changes)
    assert words in training.message and "\n" not in training.message
    assert training.settings == old


def test_history_shows_a_kept_snapshot(qtbot, training):
    first = {k: v.copy() for k, v in training.lesson.model.params.items()}
    training.train()
    qtbot.waitUntil(lambda: training.state == "finished", timeout=WAIT)
    steps = training.snapshot_steps()
    assert steps[0] == 0 and steps[-1] == 50 and len(steps) >= 3
    training.show_snapshot(0)
    assert training.shown_step == 0 and not training.follow_latest
    for k, v in first.items():
        np.testing.assert_array_equal(training.lesson.model.params[k], v)
    training.show_snapshot(None)
    assert training.shown_step == 50


def test_a_saved_trained_lesson_reloads_with_the_same_trace(qtbot, training, tmp_path):
    training.train()
    qtbot.waitUntil(lambda: training.state == "finished", timeout=WAIT)
    path = tmp_path / "trained.vrnn"
    save_lesson(path, training.lesson.snapshot())
    other = LessonSession()
    other.restore(open_lesson(path))
    np.testing.assert_array_equal(other.trace.h, training.lesson.trace.h)
    np.testing.assert_array_equal(other.trace.y, training.lesson.trace.y)
    again = TrainingSession.of(other)
    assert again.settings == training.settings
    np.testing.assert_array_equal(again.log.column("loss"), training.log.column("loss"))
    assert again.state == "finished"


def test_changing_the_model_ends_the_run(qtbot, training):
    training.set_settings(budget=100_000)
    training.train()
    qtbot.waitUntil(lambda: training.log.n >= 3, timeout=WAIT)
    pid = training.process_id
    training.lesson.update(hidden_size=4, model_source="init")
    assert training.state == "idle" and training.log.n == 0
    qtbot.waitUntil(lambda: process_gone(pid), timeout=WAIT)


def test_a_run_that_solves_the_task_before_its_budget_says_so(qtbot, training):
    """Without "until solved" a run goes on to its budget; its last word must agree with
    the test set (it said "ran out (not solved)" beside an accuracy of 100 %)."""
    assert training.set_settings(task="sky_color", length=2, budget=150, eval_every=25)
    assert training.prepare_lesson(hidden=8)
    assert training.train()
    qtbot.waitUntil(lambda: training.state == "finished", timeout=WAIT)
    tests = training.log.column("test_metric")
    last = float(tests[np.isfinite(tests)][-1])
    assert training.task.solved(last), last  # this small task is learnt in 150 updates
    assert "solved" in training.message and "not solved" not in training.message
    assert "150" in training.message
