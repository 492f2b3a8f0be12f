"""Playback advances by elapsed time, reaches the end and stops."""

import time

import pytest

from visualrnn.session import SPEEDS, LessonSession


@pytest.fixture
def session(qapp):
    s = LessonSession()
    s.generate_input("sine", T=20)
    return s


def test_play_reaches_end_and_stops(session, qtbot):
    session.set_speed(64.0)
    stops = []
    session.playing_changed.connect(stops.append)
    start = time.perf_counter()
    session.play()
    qtbot.waitUntil(lambda: not session.playing, timeout=3000)
    elapsed = time.perf_counter() - start
    assert session.cursor == session.T == 20
    assert stops == [True, False]
    # 20 steps at 64 steps/s take ≈ 0.31 s of wall time, whatever the tick rate
    assert 0.2 < elapsed < 2.0


def test_steps_follow_elapsed_time(session, qtbot):
    session.set_speed(16.0)
    session.play()
    qtbot.wait(400)
    session.pause()
    # ≈ 6.4 steps due; allow slack for a busy machine, but it must not be tick-counted (25)
    assert 3 <= session.cursor <= 9


def test_play_at_end_restarts(session, qtbot):
    session.jump_to_end()
    session.play()
    assert session.cursor == 0 and session.playing
    session.pause()
    assert not session.playing


def test_speed_validation(session, qtbot):
    with qtbot.waitSignal(session.speed_changed) as blocker:
        session.set_speed(SPEEDS[-1])
    assert blocker.args == [SPEEDS[-1]]
    with pytest.raises(ValueError):
        session.set_speed(0)
