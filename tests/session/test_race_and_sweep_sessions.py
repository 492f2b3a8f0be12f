"""The race and the sweep sessions: real worker processes, small tasks, generous waits."""

from __future__ import annotations

import numpy as np
import pytest

from tests.processes import process_gone
from visualrnn.engine.init import init_model
from visualrnn.engine.training import TaskSource, recipe_for
from visualrnn.engine.training.objective import evaluate
from visualrnn.engine.training.sweep import Job, parameter_count, run_job
from visualrnn.session import LessonSession
from visualrnn.session.race_session import RaceSession, race_sizes
from visualrnn.session.sweep_session import SweepSession, read_sweep, sweep_csv
from visualrnn.session.training_tasks import TrainSettings

WAIT = 90_000


@pytest.fixture
def race(qapp):
    lesson = LessonSession()
    r = RaceSession.of(lesson)
    t = r.training
    assert t.set_settings(length=5, budget=30, until_solved=False, eval_every=10)
    assert t.prepare_lesson(hidden=6)
    r.set_cells(["rnn", "lstm", "gru"])
    yield r
    r.shutdown()


def test_every_cell_trains_on_the_same_batches(qtbot, race):
    assert race.start()
    qtbot.waitUntil(lambda: race.state == "finished", timeout=WAIT)
    settings, task = race.settings, race.settings.make_task()
    assert set(race.outcomes.values()) == {"budget"}
    recipe = recipe_for(settings.task)
    # the first batch of the shared data seed, recomputed here: each cell's loss at update 1
    # is exactly its initial model's loss on that batch, so all cells saw the same inputs
    batch = TaskSource(task, race.seed).next_batch(0, settings.batch)
    for cell, (H, count) in race.sizes.items():
        log = race.logs[cell]
        assert list(log.column("step")) == list(range(1, 31))
        model = init_model(
            cell,
            task.input_size,
            H,
            task.output_size,
            seed=race.seed,
            scheme=recipe.init,
            forget_bias=recipe.memory_bias,
        )
        assert model.num_parameters == count
        first = evaluate(model, batch, task.loss_kind, settings.truncate).loss
        assert log.column("loss")[0] == pytest.approx(first, rel=1e-12)
    # and a different seed gives a different first batch (the check can fail)
    other = TaskSource(task, race.seed + 1).next_batch(0, settings.batch)
    assert not np.array_equal(other.x, batch.x)


def test_stop_ends_every_worker(qtbot, race):
    race.training.set_settings(budget=100_000)
    assert race.start()
    qtbot.waitUntil(lambda: all(log.n >= 2 for log in race.logs.values()), timeout=WAIT)
    pids = race.process_ids()
    assert len(pids) == 3
    race.stop()
    assert race.state == "stopped" and set(race.outcomes.values()) == {"stopped"}
    qtbot.waitUntil(lambda: all(process_gone(p) for p in pids), timeout=10_000)


def test_same_number_of_parameters_sizes_each_cell_to_the_lstm():
    task = TrainSettings.for_task("sky_color", length=60).make_task()
    I, O = task.input_size, task.output_size
    plain = race_sizes(["rnn", "lstm", "gru", "lstm_nofg"], task, 16, False)
    assert {c: H for c, (H, _) in plain.items()} == dict.fromkeys(plain, 16)
    matched = race_sizes(["rnn", "lstm", "gru", "lstm_nofg"], task, 16, True)
    # the documented sizes for the sky preset (I = 23, O = 2, LSTM H = 16: 2,722 parameters)
    assert parameter_count("lstm", I, 16, O) == 2722
    assert {c: H for c, (H, _) in matched.items()} == {
        "rnn": 40,
        "lstm": 16,
        "gru": 20,
        "lstm_nofg": 20,
    }
    for cell, (H, count) in matched.items():
        assert count == parameter_count(cell, I, H, O)
        assert abs(count - 2722) <= abs(parameter_count(cell, I, H + 1, O) - 2722)
        assert abs(count - 2722) <= abs(parameter_count(cell, I, H - 1, O) - 2722)


def test_sweep_runs_in_the_background_and_writes_its_file(qtbot, qapp, tmp_path):
    sweep = SweepSession()
    path = str(tmp_path / "s.csv")
    assert sweep.start("sky_color", ["rnn", "lstm"], [3, 4], 1, 5, False, path, workers=2)
    assert sweep.running
    qtbot.waitUntil(lambda: sweep.state == "finished", timeout=WAIT)
    rows = read_sweep(path)
    assert len(rows) == 4 and {r["cell"] for r in rows} == {"rnn", "lstm"}
    curves = sweep.curves()
    assert curves["rnn"][0] == [3, 4] and curves["rnn"][2] == [1, 1]
    sweep.shutdown()


def test_a_cancelled_sweep_keeps_nothing_running(qtbot, qapp, tmp_path):
    sweep = SweepSession()
    path = str(tmp_path / "s.csv")
    assert sweep.start("sky_color", ["lstm"], [40, 50], 3, 2000, False, path, workers=2)
    sweep.cancel()
    assert sweep.state == "cancelled" and sweep._pool is None
    assert read_sweep_or_empty(path) == []


def read_sweep_or_empty(path):
    try:
        return read_sweep(path)
    except ValueError:
        return []


def test_a_sweep_file_round_trips_and_a_bad_one_is_refused_in_one_line(tmp_path):
    row = run_job(Job("sky_color", "rnn", 3, 3, 0, 2))
    good = tmp_path / "good.csv"
    good.write_bytes(sweep_csv([row]))
    (back,) = read_sweep(str(good))
    assert (back["cell"], back["length"], back["hidden"]) == ("rnn", 3, 3)
    bad = {
        "missing.csv": "task,cell,length\nsky_color,rnn,5\n",
        "cell.csv": sweep_csv([dict(row, cell="transformer")]).decode(),
        "number.csv": sweep_csv([dict(row, length="five")]).decode(),
        "empty.csv": sweep_csv([]).decode(),
    }
    for name, content in bad.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ValueError) as info:
            read_sweep(str(path))
        assert "\n" not in str(info.value) and str(info.value)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(ValueError):
        read_sweep(str(binary))


def test_a_race_is_saved_with_the_lesson_and_shown_when_it_is_opened(qtbot, race, tmp_path):
    """A teacher races the cells while preparing, saves, and opens the lesson in class:
    the same curves, outcomes, sizes and settings, without training again."""
    from visualrnn.session.lesson_file import open_lesson, save_lesson

    assert race.lesson.race is None
    assert race.start()
    assert race.lesson.race is None  # nothing half-run is saved
    qtbot.waitUntil(lambda: race.state == "finished", timeout=WAIT)
    assert set(race.lesson.race["cells"]) == {"rnn", "lstm", "gru"}
    save_lesson(tmp_path / "race.vrnn", race.lesson.snapshot())

    other = LessonSession()
    other.restore(open_lesson(tmp_path / "race.vrnn"))
    shown = RaceSession.of(other)
    assert shown.state == "finished" and not shown.process_ids()
    assert shown.sizes == race.sizes and shown.outcomes == race.outcomes
    assert shown.settings == race.settings and shown.seed == race.seed
    for cell, log in race.logs.items():
        for column in ("step", "loss", "test_metric"):
            np.testing.assert_array_equal(shown.logs[cell].column(column), log.column(column))
    assert shown.progress() == 1.0
    # a lesson without a race clears it
    other.restore(LessonSession().snapshot())
    assert shown.state == "idle" and not shown.logs


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"cells": {"xlstm": {}}}, "unknown cell"),
        ({"seed": "3"}, "race.seed must be a whole number"),
        ({"extra": 1}, "unknown key(s) 'extra'"),
        ({"cells": {"rnn": {"hidden": 0}}}, "hidden must be 1 to 512"),
        ({"cells": {"rnn": {"outcome": "won"}}}, "outcome must be one of"),
        ({"cells": {"rnn": {"history": {"loss": ["x"]}}}}, "must hold numbers or null"),
    ],
)
def test_a_bad_race_block_is_refused_naming_the_key(change, words):
    from visualrnn.session.lesson_document import LessonFormatError
    from visualrnn.session.race_document import race_from_json

    cell = {"hidden": 4, "parameters": 90, "outcome": "budget", "ended_at": 3, "history": {}}
    block = {"settings": {}, "seed": 1, "match_params": False, "cells": {"rnn": cell}}
    for key, value in change.items():
        if key == "cells":
            name, fields = next(iter(value.items()))
            block["cells"] = {name: {**cell, **fields}}
        else:
            block[key] = value
    with pytest.raises(LessonFormatError, match="race") as caught:
        race_from_json("race", block)
    assert words in str(caught.value)
