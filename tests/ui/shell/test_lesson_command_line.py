"""``python main.py LESSON [--screenshot PNG]`` and the remembered preferences of the app
(in an INI file in a temporary folder, never the user's settings)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from visualrnn import app as app_module
from visualrnn.session import LessonSession
from visualrnn.session.lesson_file import save_lesson
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.shell.main_window import MainWindow
from visualrnn.ui.shell.preferences import SETTINGS_ENV, Preferences

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def lesson(tmp_path):
    """A prepared lesson: the LSTM memory preset at step 5, heatmaps in front."""
    preset = load_presets()[0]["lstm_memory"]
    session = LessonSession(preset.config)
    session.set_cursor(5)
    path = tmp_path / "prepared.vrnn"
    save_lesson(path, session.snapshot(panel="heatmaps", title="Prepared"))
    return path


@pytest.fixture(autouse=True)
def settings(tmp_path, monkeypatch):
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


def run(*args, settings):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", SETTINGS_ENV: str(settings)}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=90,
    )


def test_screenshot_of_a_lesson_file(lesson, tmp_path, settings):
    shot = tmp_path / "slide.png"
    done = run(lesson, "--screenshot", shot, "--size", "1280x800", settings=settings)
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    assert not settings.exists()  # a screenshot remembers nothing


def test_a_lesson_that_cannot_be_opened_exits_2_with_one_line(tmp_path, settings):
    bad = tmp_path / "broken.vrnn"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    done = run(bad, "--screenshot", tmp_path / "x.png", settings=settings)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("visualrnn: error: Could not open") and "broken.vrnn" in last
    assert not (tmp_path / "x.png").exists()


def test_the_screenshot_shows_the_lesson_at_its_step_and_panel(lesson, tmp_path, monkeypatch):
    seen = {}

    def screenshot(app, window, path, size):
        seen.update(
            cursor=window.session.cursor,
            path=window.lessons.path,
            panel=window.lessons.front_panel,
            cell=window.session.config.cell,
            title=window.windowTitle(),
        )
        window.close()
        return 0

    monkeypatch.setattr(app_module, "_screenshot", screenshot)
    assert app_module.main([str(lesson), "--screenshot", str(tmp_path / "s.png")]) == 0
    assert seen == {
        "cursor": 5,
        "path": str(lesson),
        "panel": "heatmaps",
        "cell": "lstm",
        "title": "prepared.vrnn[*] — VisualRNN",
    }
    seen.clear()
    assert app_module.main([str(lesson), "--step", "2", "--screenshot", "s.png"]) == 0
    assert seen["cursor"] == 2


def test_the_window_is_remembered_between_runs(qtbot, settings):
    presets = load_presets()[0]
    first = MainWindow(LessonSession(presets["textbook"].config), presets)
    qtbot.addWidget(first)
    first.resize(1100, 700)
    app_module._use_preferences(first)
    first.show()
    first.docks["heatmaps"].hide()
    font_scale().set_scale(1.45)
    first.session.set_speed(8.0)
    assert first.close()
    font_scale().set_scale(1.0)
    prefs = Preferences(settings)
    assert prefs.geometry and prefs.window_state
    assert (prefs.font_scale, prefs.speed) == (1.45, 8.0)

    second = MainWindow(LessonSession(presets["textbook"].config), presets)
    qtbot.addWidget(second)
    app_module._use_preferences(second)
    second.show()
    try:
        # (Qt fits a restored window to the screen: the offscreen one is 800 wide)
        assert second.height() == 700 and second.width() >= 790
        assert second.docks["heatmaps"].isHidden()
        assert font_scale().scale == 1.45 and second.session.speed == 8.0
        assert second.lessons.confirm_unsaved
    finally:
        second.lessons.confirm_unsaved = False
        font_scale().set_scale(1.0)
