"""Preferences: typed values kept in an INI file (here one in a temporary folder)."""

import pytest

from visualrnn.ui.shell.preferences import MAX_RECENT, SETTINGS_ENV, Preferences


@pytest.fixture
def prefs(tmp_path):
    return Preferences(tmp_path / "settings.ini")


def reopened(prefs):
    prefs.sync()
    return Preferences(prefs.file_name())


def test_defaults_when_nothing_is_stored(prefs):
    assert prefs.language is None
    assert prefs.font_scale == 1.0
    assert prefs.speed is None
    assert prefs.geometry is None and prefs.window_state is None
    assert prefs.recent_lessons == []


def test_language_round_trip_and_system_default(prefs):
    prefs.language = "zh_CN"
    assert reopened(prefs).language == "zh_CN"
    prefs.language = "en"
    assert reopened(prefs).language == "en"
    prefs.language = None
    assert reopened(prefs).language is None
    with pytest.raises(ValueError):
        prefs.language = "fr"


def test_wrong_types_in_the_file_give_defaults(tmp_path):
    path = tmp_path / "hand-edited.ini"
    path.write_text(
        "[General]\nlanguage=klingon\nfont_scale=big\nspeed=-3\nrecent_lessons=\n"
        "[window]\ngeometry=7\n"
    )
    prefs = Preferences(path)
    assert prefs.language is None
    assert prefs.font_scale == 1.0
    assert prefs.speed is None
    assert prefs.geometry is None
    assert prefs.recent_lessons == []


def test_numbers_and_bytes_round_trip(prefs):
    prefs.font_scale, prefs.speed = 1.45, 8.0
    prefs.geometry, prefs.window_state = b"\x00\x01geo", b"state\xff"
    again = reopened(prefs)
    assert (again.font_scale, again.speed) == (1.45, 8.0)
    assert (again.geometry, again.window_state) == (b"\x00\x01geo", b"state\xff")


def test_recent_lessons_newest_first_existing_only_at_most_eight(prefs, tmp_path):
    files = []
    for i in range(MAX_RECENT + 2):
        files.append(tmp_path / f"l{i}.vrnn")
        files[-1].write_bytes(b"x")
        prefs.add_recent_lesson(files[-1])
    recent = reopened(prefs).recent_lessons
    assert recent == [str(f) for f in reversed(files)][:MAX_RECENT]
    prefs.add_recent_lesson(files[-3])  # again: moves to the front, no duplicate
    assert prefs.recent_lessons[0] == str(files[-3]) and len(prefs.recent_lessons) == MAX_RECENT
    files[-1].unlink()
    assert str(files[-1]) not in prefs.recent_lessons
    prefs.forget_recent_lesson(files[-3])
    assert str(files[-3]) not in prefs.recent_lessons


def test_environment_variable_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path / "env.ini"))
    Preferences().language = "zh_CN"
    assert Preferences(tmp_path / "env.ini").language == "zh_CN"
