"""Large changes are computed off the interface's thread; the newest change wins.

Small lessons stay synchronous (the trace is there when ``update`` returns); a change whose
estimated work exceeds ``session.sync_work`` returns at once with ``busy`` set, the views
keep the last good trace, and the new one arrives through the usual signals.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from visualrnn.session import LessonConfig, LessonSession, derived
from visualrnn.session import config as lesson_config
from visualrnn.session.presets import load_presets

LONG = 4_000  # estimated above SYNC_WORK for every cell: computed in the background


def _session(**config) -> LessonSession:
    base = {"cell": "lstm", "hidden_size": 4, "model_source": "init", "seed": 1}
    return LessonSession(LessonConfig(**{**base, **config}))


def _record(session) -> list:
    seen = []
    session.trace_changed.connect(lambda: seen.append(("trace", session.T)))
    session.busy_changed.connect(lambda busy: seen.append(("busy", busy)))
    session.error_changed.connect(lambda source, message: seen.append(("error", source, message)))
    return seen


def test_a_small_change_is_installed_before_update_returns(qapp):
    s = _session()
    seen = _record(s)
    assert s.update(hidden_size=3)
    assert s.trace.H == 3 and not s.busy
    assert seen == [("trace", 2)]


def test_a_large_change_runs_in_the_background_while_the_old_trace_stays(qtbot):
    s = _session()
    seen = _record(s)
    old = s.result
    assert s.generate_input("sine", T=LONG, period=25.0)
    assert s.busy and s.result is old and s.T == 2  # the views keep the last good trace
    assert s.requested_config.generator["T"] == LONG
    s.step_forward()  # the cursor still works on the old trace
    assert s.cursor == 1
    qtbot.waitUntil(lambda: not s.busy, timeout=30_000)
    assert s.T == LONG and s.config.generator["T"] == LONG
    assert seen == [("busy", True), ("trace", LONG), ("busy", False)]
    assert s.cursor == 1  # kept (it is within the new range)


def test_the_newest_change_wins_and_builds_on_the_one_being_computed(qtbot):
    s = _session()
    seen = _record(s)
    assert s.generate_input("sine", T=LONG, period=25.0)
    assert s.set_cell("gru")  # made while the long input is computed: keeps it
    assert s.update(hidden_size=5)
    assert s.requested_config.cell == "gru" and s.requested_config.hidden_size == 5
    assert s.wait_until_computed(30)
    assert (s.model.cell, s.model.hidden_size, s.T) == ("gru", 5, LONG)
    assert [e for e in seen if e[0] == "trace"] == [("trace", LONG)]  # stale ones dropped
    assert seen[-1] == ("busy", False)


def test_a_small_change_supersedes_a_large_one_still_running(qtbot):
    s = _session()
    seen = _record(s)
    assert s.generate_input("sine", T=LONG, period=25.0)
    assert s.set_sequence_length(12)  # small again: computed at once, the long run dropped
    assert s.T == 12 and not s.busy
    qtbot.wait(300)
    assert s.wait_until_computed(30)
    assert s.T == 12
    assert [e for e in seen if e[0] == "trace"] == [("trace", 12)]


def test_typing_errors_are_still_immediate_while_busy(qtbot):
    s = _session()
    assert s.generate_input("sine", T=LONG, period=25.0)
    assert not s.set_input_text("1, x, 3")
    assert "x" in s.errors["input"]
    assert s.busy  # the refused edit did not drop the one being computed
    assert s.wait_until_computed(30) and s.T == LONG


def test_a_run_that_fails_in_the_background_keeps_the_last_trace(qtbot, monkeypatch):
    s = _session()
    seen = _record(s)
    old = s.result

    def fail(self):
        time.sleep(0.05)
        raise ValueError("the engine refused it")

    monkeypatch.setattr(lesson_config.PreparedLesson, "run", fail)
    assert s.generate_input("sine", T=LONG, period=25.0)
    assert s.wait_until_computed(30)
    assert s.result is old and s.errors == {"input": "the engine refused it"}
    assert ("busy", False) in seen and not s.busy


def test_running_out_of_memory_is_a_message_not_a_crash(qtbot, monkeypatch):
    s = _session()

    def no_memory(self):
        raise MemoryError()

    monkeypatch.setattr(lesson_config.PreparedLesson, "run", no_memory)
    assert s.generate_input("sine", T=LONG, period=25.0)
    assert s.wait_until_computed(30)
    assert "not enough memory" in s.errors["input"] and s.T == 2
    assert not s.update(hidden_size=3)  # small: refused at once, same message
    assert "not enough memory" in s.errors["config"]


def test_loading_weights_and_opening_a_lesson_follow_the_same_path(qtbot):
    source = _session(hidden_size=3)
    source.generate_input("sine", T=LONG, period=25.0)
    assert source.wait_until_computed(30)
    model = source.model
    s = _session()
    s.generate_input("sine", T=LONG, period=25.0)
    assert s.load_model(model)  # builds on the long input still being computed
    assert s.wait_until_computed(30)
    assert s.model is model and s.T == LONG and s.config.model_source == "file"
    state = s.snapshot()
    other = _session()
    other.restore(state)
    assert other.busy
    assert other.wait_until_computed(30)
    assert np.array_equal(other.trace.h, s.trace.h) and other.model is model


def test_a_snapshot_while_busy_holds_the_change_being_computed(qtbot):
    s = _session()
    s.generate_input("sine", T=LONG, period=25.0)
    assert s.busy
    assert s.snapshot().config.generator["T"] == LONG
    assert s.wait_until_computed(30)


def test_what_the_views_asked_for_is_computed_on_the_worker_thread(qtbot, monkeypatch):
    threads = []
    stats = derived._COMPUTE["stats"]

    def recorded(config, result):
        threads.append(threading.current_thread() is threading.main_thread())
        return stats(config, result)

    monkeypatch.setitem(derived._COMPUTE, "stats", recorded)
    s = _session()
    s.recurrent_stats()  # a view asked once: asked of the next results too
    assert threads == [True]
    s.generate_input("sine", T=LONG, period=25.0)
    assert s.wait_until_computed(30)
    assert threads == [True, False]
    s.recurrent_stats()  # ready: not computed again
    assert threads == [True, False]


def test_sync_work_infinite_keeps_everything_synchronous(qapp):
    s = _session()
    s.sync_work = float("inf")
    assert s.generate_input("sine", T=LONG, period=25.0)
    assert s.T == LONG and not s.busy


@pytest.mark.parametrize("name", ["sine", "textbook"])
def test_a_preset_with_typed_targets_changes_length(qapp, name):
    """The sine preset's targets (the next value) follow a length change."""
    s = LessonSession(load_presets()[0][name].config)
    for T in (100, 7):
        assert s.set_sequence_length(T), s.errors
        assert s.T == T and not s.errors
    if name == "sine":
        assert np.allclose(s.trace.targets[:-1, 0], s.trace.x[1:, 0], atol=1e-3)
