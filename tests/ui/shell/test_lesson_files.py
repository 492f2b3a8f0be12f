"""Lesson files through the window's real menu actions: round trips of every preset and of
loaded weights, the title and modified mark, asking before unsaved changes are dropped
(Ctrl+Q, the close button, Open, New, a preset), recent lessons, and refused files and
failed saves that leave the lesson on screen and the file on disk as they were."""

import dataclasses
import io
import json
import os
import zipfile

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from visualrnn.engine import init_model, save_weights
from visualrnn.session.lesson_file import save_lesson
from visualrnn.session.presets import load_presets
from visualrnn.ui.shell.preferences import Preferences

PRESETS = list(load_presets()[0])
BUTTONS = QMessageBox.StandardButton


@pytest.fixture
def dialogs(monkeypatch):
    """Answers for the file dialogs: set ``dialogs.save`` / ``dialogs.open`` to a path."""

    class Answers:
        save = ""
        open = ""
        asked: list = []

    def save(*args, **kwargs):
        Answers.asked.append("save")
        return str(Answers.save), ""

    def open_(*args, **kwargs):
        Answers.asked.append("open")
        return str(Answers.open), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_))
    Answers.asked = []
    return Answers


@pytest.fixture
def answer(monkeypatch):
    """Answer the unsaved-changes question: set ``answer.button``; ``answer.asked`` counts."""

    class Answer:
        button = BUTTONS.Cancel
        asked = 0

    def exec_(box):
        Answer.asked += 1
        return Answer.button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return Answer


def preset_action(window, name):
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu else []:
            if action.data() == name:
                return action
    raise LookupError(name)


def arrays(result):
    """Every array of the trace and the gradients, by name."""
    out = {}
    for prefix, obj in (("trace", result.trace), ("grads", result.grads)):
        for field in dataclasses.fields(obj):
            value = getattr(obj, field.name)
            if isinstance(value, dict):
                out.update({f"{prefix}.{field.name}.{k}": v for k, v in value.items()})
            elif isinstance(value, np.ndarray):
                out[f"{prefix}.{field.name}"] = value
    return out


def assert_same_arrays(a, b):
    assert a.keys() == b.keys()
    for key in a:
        np.testing.assert_array_equal(a[key], b[key], err_msg=key)


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_round_trips_through_the_menu(window, dialogs, tmp_path, name):
    preset_action(window, name).trigger()
    session = window.session
    session.set_cursor(min(3, session.T))
    panel = window.lessons.front_panel
    before = (session.config, arrays(session.result), session.cursor)
    assert window.lessons.read_only
    dialogs.save = tmp_path / f"{name}.vrnn"
    window.file_menu.save_action.trigger()  # a preset: Save asks for a new file
    assert dialogs.asked == ["save"] and dialogs.save.is_file()
    assert f"{name}.vrnn[*]" in window.windowTitle() and not window.isWindowModified()

    other = "textbook" if name != "textbook" else "vanishing"
    preset_action(window, other).trigger()
    dialogs.open = dialogs.save
    window.file_menu.open_action.trigger()
    assert window.error_label.text() == ""
    assert session.config == before[0]
    assert_same_arrays(arrays(session.result), before[1])
    assert session.cursor == before[2]
    assert window.lessons.front_panel == panel
    if panel in window.docks:
        assert not window.docks[panel].visibleRegion().isEmpty()
    assert not window.lessons.read_only and not window.isWindowModified()


def test_loaded_weights_round_trip(window, dialogs, tmp_path):
    window.session.set_input_text("0.5, -1, 2, 0.25")
    assert window.session.load_model(init_model("gru", 1, 3, 1, seed=7))
    window.session.set_cursor(2)
    before = (window.session.config, arrays(window.session.result))
    path = tmp_path / "gru.vrnn"
    assert window.lessons.save_as(path)
    window.select_preset("textbook")
    dialogs.open = path
    window.file_menu.open_action.trigger()
    assert window.session.config == before[0] and window.session.config.model_source == "file"
    assert_same_arrays(arrays(window.session.result), before[1])
    assert window.session.cursor == 2


def test_title_and_modified_mark_follow_edits_not_the_cursor(window, tmp_path):
    assert "Textbook example (Fig. 8.5)" in window.windowTitle()
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    window.session.set_cursor(2)
    assert not window.isWindowModified()  # moving the cursor is no change
    window.session.set_input_text("1, 2, 3")
    assert window.isWindowModified() and window.lessons.modified
    window.session.set_input_text("1, 2")  # undone by hand: no change
    assert not window.isWindowModified()
    window.session.set_input_text("1, x")  # refused: the lesson stays
    assert not window.isWindowModified()
    window.session.update(seed=5, model_source="init")
    assert window.isWindowModified()
    assert window.lessons.save_as(tmp_path / "mine.vrnn")
    assert "mine.vrnn" in window.windowTitle() and not window.isWindowModified()


def test_quit_with_unsaved_changes_asks(window, answer, dialogs, tmp_path, qtbot):
    window.lessons.confirm_unsaved = True
    window.file_menu.quit_action.trigger()  # nothing changed: no question
    assert answer.asked == 0 and not window.isVisible()
    window.show()
    window.lessons.confirm_unsaved = True
    window.session.set_input_text("3, 1, 4")

    answer.button = BUTTONS.Cancel
    window.file_menu.quit_action.trigger()  # Ctrl+Q
    assert answer.asked == 1 and window.isVisible()
    assert not window.close()  # the window's close button
    assert answer.asked == 2 and window.isVisible()

    answer.button = BUTTONS.Save  # Save on a preset: Save As; cancelled there → stays
    dialogs.save = ""
    assert not window.close() and window.isVisible()
    dialogs.save = tmp_path / "kept.vrnn"
    assert window.close() and not window.isVisible()
    assert dialogs.save.is_file() and not window.lessons.modified


def test_discard_closes_and_asks_once(window, answer):
    window.lessons.confirm_unsaved = True
    window.session.set_input_text("3, 1, 4")
    answer.button = BUTTONS.Discard
    assert window.close() and answer.asked == 1
    window.close()  # the app closes the window again after the event loop
    assert answer.asked == 1


def test_open_new_and_presets_ask_first(window, answer, dialogs, tmp_path):
    path = tmp_path / "a.vrnn"
    assert window.lessons.save_as(path)
    window.lessons.confirm_unsaved = True
    window.session.set_input_text("5, 5")
    answer.button = BUTTONS.Cancel
    window.file_menu.new_action.trigger()
    window.file_menu.open_action.trigger()
    preset_action(window, "vanishing").trigger()
    assert answer.asked == 3 and dialogs.asked == []  # Cancel before any file dialog
    assert window.session.config.input_text == "5, 5" and window.lessons.path == str(path)

    answer.button = BUTTONS.Discard
    window.file_menu.new_action.trigger()
    assert window.lessons.path is None and "Untitled" in window.windowTitle()
    assert window.session.config.input_text == "1, 2" and not window.lessons.modified


def test_recent_lessons_menu_opens_them(window, tmp_path):
    window.lessons.preferences = Preferences(tmp_path / "settings.ini")
    paths = [tmp_path / f"l{k}.vrnn" for k in range(3)]
    for k, path in enumerate(paths):
        window.session.set_cursor(k)
        assert window.lessons.save_as(path)
    window.file_menu.fill_recent_menu()
    entries = window.file_menu.recent_menu.actions()
    assert [a.statusTip() for a in entries] == [str(p) for p in reversed(paths)]
    entries[-1].trigger()
    assert window.lessons.path == str(paths[0]) and window.session.cursor == 0
    paths[1].unlink()
    window.file_menu.fill_recent_menu()
    assert str(paths[1]) not in [a.statusTip() for a in window.file_menu.recent_menu.actions()]


# --- refused files ------------------------------------------------------------------------


def good_lesson(window, path):
    window.session.set_input_text("1, 2, 3")
    assert window.session.load_model(init_model("rnn", 1, 2, 1, seed=3))
    assert window.lessons.save_as(path)
    return path.read_bytes()


def rezip(members: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def bad_files(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    lesson = json.loads(members["lesson.json"])
    wrong_type = {**lesson, "cursor": "2"}
    newer = {**lesson, "version": 99}
    return {
        "truncated": data[: len(data) // 2],
        "missing member": rezip({"weights.safetensors": members["weights.safetensors"]}),
        "wrong type": rezip({**members, "lesson.json": json.dumps(wrong_type)}),
        "unknown version": rezip({**members, "lesson.json": json.dumps(newer)}),
        "not json": rezip({**members, "lesson.json": b"{nope"}),
    }


@pytest.mark.parametrize(
    "kind, words",
    [
        ("truncated", "truncated or damaged"),
        ("missing member", "missing member lesson.json"),
        ("wrong type", "cursor"),
        ("unknown version", "99"),
        ("not json", "not valid JSON"),
        ("wrong shape", "hidden size"),
        ("no such file", "no such file"),
        ("a folder", "not a file"),
    ],
)
def test_a_bad_lesson_is_refused_in_one_line_and_the_lesson_stays(window, tmp_path, kind, words):
    data = good_lesson(window, tmp_path / "good.vrnn")
    files = bad_files(data)
    path = tmp_path / "bad.vrnn"
    if kind == "wrong shape":
        weights = tmp_path / "w.safetensors"
        save_weights(init_model("rnn", 1, 5, 1), weights)  # H = 5, the lesson says 2
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            lesson = zf.read("lesson.json")
        path.write_bytes(
            rezip({"lesson.json": lesson, "weights.safetensors": weights.read_bytes()})
        )
    elif kind == "a folder":
        path.mkdir()
    elif kind != "no such file":
        path.write_bytes(files[kind])
    window.session.set_cursor(2)
    before, title = window.session.result, window.windowTitle()
    assert not window.lessons.open(path)
    message = window.error_label.text()
    assert "\n" not in message and str(path) in message and words in message, message
    assert window.session.result is before and window.session.cursor == 2
    assert window.windowTitle() == title and window.lessons.path == str(tmp_path / "good.vrnn")


def test_an_unwritable_path_is_refused_and_nothing_is_left(window, tmp_path):
    assert not window.lessons.save_as(tmp_path / "missing" / "x.vrnn")
    assert "x.vrnn" in window.error_label.text() and "\n" not in window.error_label.text()
    (tmp_path / "folder.vrnn").mkdir()
    assert not window.lessons.save_as(tmp_path / "folder.vrnn")
    assert "cannot write the lesson" in window.error_label.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.vrnn"]
    assert window.lessons.read_only  # still the preset


def test_a_save_failing_midway_leaves_the_previous_file(window, tmp_path, monkeypatch):
    path = tmp_path / "lesson.vrnn"
    assert window.lessons.save_as(path)
    previous = path.read_bytes()
    window.session.set_input_text("9, 9, 9")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert not window.lessons.save()
    assert "No space left on device" in window.error_label.text()
    assert path.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.vrnn"]
    assert window.lessons.modified  # still unsaved


def test_a_lesson_that_cannot_be_computed_keeps_the_one_on_screen(window, tmp_path):
    from visualrnn.session.lesson_document import LessonState

    state = LessonState(window.session.config.replace(input_text="1, 2"), cursor=1)
    path = tmp_path / "ok.vrnn"
    save_lesson(path, state)
    raw = zipfile.ZipFile(path).read("lesson.json")
    lesson = json.loads(raw)
    lesson["config"]["hidden_size"] = 100_000
    path.write_bytes(rezip({"lesson.json": json.dumps(lesson)}))
    before = window.session.result
    assert not window.lessons.open(path)
    assert "\n" not in window.error_label.text() and window.error_label.text()
    assert window.session.result is before
