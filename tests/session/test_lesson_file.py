"""Lesson files: every preset and a loaded-weights lesson round-trip exactly; bad files are
refused with a message naming what is wrong; a failed save leaves the old file alone."""

import dataclasses
import json
import os
import zipfile
from collections.abc import Mapping

import numpy as np
import pytest
from safetensors.numpy import save as safetensors_bytes

from visualrnn.engine import init_model
from visualrnn.engine.weights import save_weights
from visualrnn.resource_paths import preset_files
from visualrnn.session import LessonSession
from visualrnn.session import lesson_file as lf
from visualrnn.session.lesson_file import (
    LESSON_MEMBER,
    WEIGHTS_MEMBER,
    LessonFileError,
    LessonState,
    open_lesson,
    save_lesson,
)
from visualrnn.session.presets import load_presets

PRESETS = load_presets()[0]


def assert_same(a, b, where="result"):
    """Identical values: arrays bit for bit (NaN where NaN), dataclasses field by field."""
    if dataclasses.is_dataclass(a):
        assert type(a) is type(b), where
        for f in dataclasses.fields(a):
            assert_same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, Mapping):
        assert set(a) == set(b), where
        for k in a:
            assert_same(a[k], b[k], f"{where}[{k}]")
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape, where
        assert np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"), where
    else:
        assert a == b, where


def write_zip(path, members: dict):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data if isinstance(data, bytes) else json.dumps(data))
    return path


def lesson_json(**changes):
    data = {"format": "visualrnn-lesson", "version": 1, "title": "t", "config": {}}
    return {**data, **changes}


def refused(path) -> str:
    with pytest.raises(LessonFileError) as info:
        open_lesson(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


# --- round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_round_trips(qapp, tmp_path, name):
    preset = PRESETS[name]
    session = LessonSession(preset.config)
    session.set_cursor(max(1, session.T // 2))
    view = {"compare": True, "digits": 3, "scale": 1.5, "mode": "backward", "none": None}
    state = session.snapshot(panel=preset.panel, view=view, title=preset.title)
    save_lesson(tmp_path / "a.vrnn", state)
    opened = open_lesson(tmp_path / "a.vrnn")
    assert opened.model is None  # seeded or textbook weights: no weights member
    assert zipfile.ZipFile(tmp_path / "a.vrnn").namelist() == [LESSON_MEMBER]
    other = LessonSession()
    other.restore(opened)
    assert other.config == session.config
    assert other.cursor == session.cursor and opened.panel == preset.panel
    assert dict(opened.view) == view and opened.title == preset.title
    assert_same(session.result.trace, other.result.trace, "trace")
    assert_same(session.result.grads, other.result.grads, "grads")


def test_a_task_lessons_class_names_round_trip(qapp, tmp_path):
    """The sky colour lesson's answers (灰色 / 蓝色) are saved and read back (a JSON list
    becomes the config's tuple again)."""
    from visualrnn.engine.training import make_task
    from visualrnn.session.training_tasks import lesson_changes

    session = LessonSession()
    changes = lesson_changes(make_task("sky_color", 2), seed=1)
    assert session.update(**changes, model_source="init", hidden_size=3)
    save_lesson(tmp_path / "sky.vrnn", session.snapshot())
    other = LessonSession()
    other.restore(open_lesson(tmp_path / "sky.vrnn"))
    assert other.config.class_names == ("灰色", "蓝色")
    assert "天空" in other.config.symbol_names  # the input's words
    assert other.config == session.config


def test_loaded_weights_round_trip(qapp, tmp_path):
    model = init_model("lstm", 1, 5, 1, seed=11, forget_bias=1.0)
    session = LessonSession()
    assert session.load_model(model)
    session.update(input_text="0.5, -1, 2, 0.25", targets_text="1, 0, 0, 1")
    session.set_cursor(3)
    history = {"loss": [1.0, 0.5, float("nan")], "grad_norm": [3.0, float("inf"), 1.0]}
    state = session.snapshot(panel="heatmaps", training={"lr": 0.01}, history=history)
    save_lesson(tmp_path / "w.vrnn", state)
    assert sorted(zipfile.ZipFile(tmp_path / "w.vrnn").namelist()) == [
        LESSON_MEMBER,
        WEIGHTS_MEMBER,
    ]
    opened = open_lesson(tmp_path / "w.vrnn")
    assert_same(dict(opened.model.params), dict(model.params), "params")
    assert dict(opened.training) == {"lr": 0.01}
    np.testing.assert_array_equal(opened.history["loss"], [1.0, 0.5, np.nan])
    assert np.isnan(opened.history["grad_norm"][1])  # non-finite values come back as NaN
    other = LessonSession()
    other.restore(opened)
    assert other.config == session.config and other.cursor == 3
    assert_same(session.result.trace, other.result.trace, "trace")
    assert_same(session.result.grads, other.result.grads, "grads")


def test_presets_are_lessons():
    for path in preset_files():
        state = open_lesson(path)
        assert state.name and state.title and state.model is None
        assert state.config == PRESETS[state.name].config


def test_a_script_can_write_a_lesson(qapp, tmp_path):
    """The README's recipe: zipfile + json + safetensors.numpy, no VisualRNN import."""
    model = init_model("rnn", 1, 3, 1, seed=2)
    tensors = {f"rnn.{k}": v for k, v in model.params.items() if not k.startswith("head.")}
    tensors |= {k: v for k, v in model.params.items() if k.startswith("head.")}
    config = {"cell": "rnn", "hidden_size": 3, "model_source": "file", "input_text": "1, 2, 3"}
    write_zip(
        tmp_path / "s.vrnn",
        {
            LESSON_MEMBER: lesson_json(config=config, cursor=2, panel="equations"),
            WEIGHTS_MEMBER: safetensors_bytes(tensors),
        },
    )
    state = open_lesson(tmp_path / "s.vrnn")
    session = LessonSession()
    session.restore(state)
    assert session.T == 3 and session.cursor == 2
    assert_same(dict(session.model.params), dict(model.params), "params")


def test_restore_failure_keeps_the_lesson(qapp):
    session = LessonSession(PRESETS["sine"].config)
    before = session.result
    wrong = LessonState(
        LessonSession().config.replace(model_source="file", cell="rnn", hidden_size=2),
        model=init_model("rnn", 2, 2, 1, seed=0),  # takes 2 inputs; the text gives 1
    )
    with pytest.raises(ValueError):
        session.restore(wrong)
    assert session.result is before


# --- bad files ----------------------------------------------------------------------------


def test_truncated_zip(qapp, tmp_path):
    session = LessonSession()
    save_lesson(tmp_path / "a.vrnn", session.snapshot())
    data = (tmp_path / "a.vrnn").read_bytes()
    (tmp_path / "a.vrnn").write_bytes(data[: len(data) // 2])
    assert "truncated or damaged" in refused(tmp_path / "a.vrnn")


def test_missing_members(tmp_path):
    path = write_zip(tmp_path / "a.vrnn", {"notes.txt": b"hi"})
    assert "unexpected member 'notes.txt'" in refused(path)
    path = write_zip(tmp_path / "b.vrnn", {WEIGHTS_MEMBER: b"x"})
    assert "missing member lesson.json" in refused(path)
    config = {"model_source": "file"}
    path = write_zip(tmp_path / "c.vrnn", {LESSON_MEMBER: lesson_json(config=config)})
    message = refused(path)
    assert "lesson.json: config.model_source is 'file' (loaded weights), but" in message
    assert message.endswith("holds no weights.safetensors")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"config": {"hidden_size": "2"}}, "config.hidden_size must be a whole number"),
        ({"config": {"clip": True}}, "config.clip must be a number or null"),
        ({"config": {"jacobians": 1}}, "config.jacobians must be true or false"),
        ({"config": {"hidden_size": 0}}, "config: hidden size must be a whole number ≥ 1"),
        ({"config": {"colour": "red"}}, "config: unknown setting(s) 'colour'"),
        ({"config": []}, "config must be an object, not a list"),
        ({"cursor": "3"}, "cursor must be a whole number"),
        ({"cursor": 3}, "cursor 3 is beyond the sequence's 2 steps"),
        ({"view": {"modes": [1, 2]}}, "view.modes must be text, a number"),
        ({"history": {"loss": [1, "x"]}}, "history.loss must hold numbers or null"),
        ({"extra": 1}, "unknown key(s) 'extra'"),
        ({"format": "other"}, "format is 'other'"),
        ({"version": "1"}, "unknown format version '1'"),
        (
            {"version": 7},
            "this lesson was saved by a newer VisualRNN (format 7); this version reads up to 1",
        ),
        ({"config": {"input_text": "1, x"}}, "config.input_text: "),
        ({"config": {"class_names": "灰色"}}, "config: class names must be a list of texts"),
        ({"config": {"class_names": [1, 2]}}, "config: class names must be a list of texts"),
        ({"config": {"class_names": []}}, "config: there must be 1 to"),
        ({"config": {"class_names": ["x" * 41]}}, "a class name must be 1 to 40 characters"),
    ],
)
def test_bad_lesson_json(tmp_path, changes, expected):
    path = write_zip(tmp_path / "a.vrnn", {LESSON_MEMBER: lesson_json(**changes)})
    message = refused(path)
    assert expected in message and "lesson.json" in message
    bare = tmp_path / "a.json"  # the same checks for a bare lesson.json
    bare.write_text(json.dumps(lesson_json(**changes)))
    assert expected in refused(bare)


def test_not_json_and_not_a_lesson(tmp_path):
    path = write_zip(tmp_path / "a.vrnn", {LESSON_MEMBER: b"{oops"})
    assert "lesson.json: not valid JSON" in refused(path)
    path = write_zip(tmp_path / "b.vrnn", {LESSON_MEMBER: b"[1, 2]"})
    assert "must hold a JSON object, not a list" in refused(path)
    (tmp_path / "c.vrnn").write_bytes(b"\x00\x01binary")
    assert "not a lesson file" in refused(tmp_path / "c.vrnn")
    (tmp_path / "d.json").write_text(json.dumps({"name": "x", "config": {}}))
    assert 'missing key "format"' in refused(tmp_path / "d.json")


def test_weights_of_the_wrong_shape(tmp_path):
    save_weights(init_model("lstm", 1, 4, 1, seed=0), tmp_path / "w.safetensors")
    weights = (tmp_path / "w.safetensors").read_bytes()
    for config, expected in [
        ({"cell": "lstm", "hidden_size": 3}, "the weights have hidden size 4, the configuration 3"),
        ({"cell": "gru", "hidden_size": 4}, "the weights have cell lstm, the configuration gru"),
        (
            {"cell": "lstm", "hidden_size": 4, "input_text": "1 2; 3 4"},
            "the weights have input size 1, the configuration 2",
        ),
    ]:
        lesson = lesson_json(config={**config, "model_source": "file"})
        path = write_zip(tmp_path / "a.vrnn", {LESSON_MEMBER: lesson, WEIGHTS_MEMBER: weights})
        assert f"{WEIGHTS_MEMBER}: {expected}" in refused(path)
    path = write_zip(tmp_path / "b.vrnn", {LESSON_MEMBER: lesson, WEIGHTS_MEMBER: b"garbage"})
    assert f"{WEIGHTS_MEMBER}: cannot read" in refused(path)
    path = write_zip(tmp_path / "c.vrnn", {LESSON_MEMBER: lesson_json(), WEIGHTS_MEMBER: weights})
    assert "weights.safetensors is present, but config.model_source" in refused(path)


def test_huge_members_are_refused_before_reading(tmp_path, monkeypatch):
    path = write_zip(tmp_path / "a.vrnn", {LESSON_MEMBER: lesson_json(title="x" * 5000)})
    monkeypatch.setitem(lf._MEMBER_LIMITS, LESSON_MEMBER, 1000)
    read = []
    monkeypatch.setattr(lf, "_read_member", lambda *a: read.append(a))
    assert "lesson.json: declared size" in refused(path)
    assert read == []


def test_unreadable_paths(tmp_path):
    assert refused(tmp_path / "nope.vrnn").endswith("no such file")
    assert refused(tmp_path).endswith("not a file")


# --- saving -------------------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_save_keeps_the_old_file(qapp, tmp_path, monkeypatch, failing):
    path = tmp_path / "a.vrnn"
    session = LessonSession()
    save_lesson(path, session.snapshot(title="old"))
    old = path.read_bytes()

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(LessonFileError, match="cannot write the lesson: No space left"):
        save_lesson(path, session.snapshot(title="new"))
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == ["a.vrnn"]
    assert open_lesson(path).title == "old"


def test_unwritable_path(qapp, tmp_path):
    with pytest.raises(LessonFileError, match="cannot write the lesson"):
        save_lesson(tmp_path / "no" / "such" / "folder.vrnn", LessonSession().snapshot())
