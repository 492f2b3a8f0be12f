"""The command line: --help lists options and presets, bad arguments exit 2, and
--screenshot writes a PNG of the requested size (run in a subprocess, offscreen)."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[3]


def _run(*args, timeout=60):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
    )


def test_help_lists_options_and_presets():
    done = _run("--help")
    assert done.returncode == 0
    for word in (
        "--preset",
        "--step",
        "--screenshot",
        "textbook",
        "lstm_memory",
        "Exploding gradients (RNN)",
    ):
        assert word in done.stdout


def test_unknown_preset_exits_2_with_the_choices():
    done = _run("--preset", "nope")
    assert done.returncode == 2
    assert "unknown preset 'nope'" in done.stderr and "textbook" in done.stderr


def test_step_out_of_range_exits_2():
    done = _run("--preset", "textbook", "--step", "5", "--screenshot", "unused.png")
    assert done.returncode == 2
    assert "--step 5 is outside 0 … 2" in done.stderr


def test_screenshot_writes_png_of_1600x1000(tmp_path):
    out = tmp_path / "shot.png"
    done = _run("--preset", "lstm_memory", "--step", "40", "--screenshot", str(out))
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # not a blank image: the window drew something
    colors = {image.pixel(x, y) for x in range(0, 1600, 97) for y in range(0, 1000, 61)}
    assert len(colors) > 5


def test_screenshot_size_option(tmp_path):
    out = tmp_path / "small.png"
    done = _run("--step", "2", "--size", "1280x720", "--screenshot", str(out))
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_main_function_returns_exit_code(capsys):
    from visualrnn.app import main

    assert main(["--preset", "missing"]) == 2
    assert "unknown preset" in capsys.readouterr().err


def test_missing_x11_libraries_are_named_instead_of_a_qt_abort():
    from visualrnn.app import missing_display_libraries

    def none_found(name):
        return None

    def all_found(name):
        return f"lib{name}.so"

    x11 = {"DISPLAY": ":0"}
    assert "libxcb-cursor0" in missing_display_libraries(x11, none_found)
    assert missing_display_libraries(x11, all_found) == []
    assert missing_display_libraries({}, none_found) == []  # no display: nothing to open
    offscreen = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}
    assert missing_display_libraries(offscreen, none_found) == []
    wayland = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert missing_display_libraries(wayland, none_found) == []
