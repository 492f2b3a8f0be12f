"""The window while a large change is computed, and what its status line says.

A large change leaves the last views on screen with "Computing…" in the status bar and
the window answering; refusals and file text show as plain text; an internal error goes
once a lesson has been computed again; a loss that overflowed is called overflow; an
over-long paste is refused before it reaches the editor.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from visualrnn.ui.shell.sequence_text_edit import MAX_INPUT_CHARS


def test_a_large_change_shows_busy_and_the_window_keeps_answering(window, qtbot):
    session = window.session
    assert not window.busy_indicator.isVisible()
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(window, interval=10, timeout=tick)
    timer.start()
    window.sequence_editor.length_spin.setValue(10_000)
    assert session.busy and window.busy_indicator.isVisible()
    assert session.T == 2  # the last good views stay
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Right)
    assert session.cursor == 1  # stepping keeps working
    qtbot.waitUntil(lambda: not session.busy, timeout=30_000)
    timer.stop()
    assert session.T == 10_000 and not window.busy_indicator.isVisible()
    assert "T = 10000" in window.status_text()
    # generous for a loaded test machine; benchmarks/bench_scaling.py measures the real bound
    assert max(gaps) < 1.0, max(gaps)


def test_refusals_and_file_text_are_plain_text(window, qtbot, tmp_path):
    window.file_menu.reported.emit("<h1>BIG</h1> refused", True)
    assert window.error_label.textFormat() == Qt.TextFormat.PlainText
    assert window.error_label.text() == "<h1>BIG</h1> refused"
    window.sequence_editor.input_edit.setPlainText("1, <b>2</b>")
    window.sequence_editor.flush()
    label = window.sequence_editor.input_error
    assert label.isVisible() and label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>2</b>" in label.text()


def test_an_internal_error_goes_once_a_lesson_is_computed_again(window):
    window.show_exception("ZeroDivisionError: boom", "Traceback …")
    assert "Internal error" in window.error_label.text()
    window.session.update(hidden_size=3, model_source="init")
    assert window.error_label.text() == ""
    assert not window.details_button.isVisible()


def test_an_infinite_loss_is_called_overflow(window):
    window.session.set_targets_text("1e272, 1e272")
    text = window.status_text()
    assert "L = overflow" in text and "L = inf" not in text  # the table's word for ℓₜ


def test_an_over_long_paste_is_refused_before_it_reaches_the_editor(window, qtbot):
    edit = window.sequence_editor.input_edit
    before = edit.toPlainText()
    data = QMimeData()
    data.setText("1" * (MAX_INPUT_CHARS + 1))
    start = time.perf_counter()
    edit.insertFromMimeData(data)
    assert time.perf_counter() - start < 0.1
    assert edit.toPlainText() == before
    error = window.sequence_editor.input_error
    assert error.isVisible() and "Not pasted" in error.text()


def test_a_long_run_without_spaces_wraps_anywhere_and_stays_quick(window, qtbot):
    edit = window.sequence_editor.input_edit
    QApplication.clipboard().setText("x" * 100_000)
    edit.setFocus()
    edit.selectAll()
    start = time.perf_counter()
    edit.paste()
    QApplication.processEvents()
    qtbot.keyClick(edit, Qt.Key.Key_1)
    QApplication.processEvents()
    assert time.perf_counter() - start < 0.5
    assert len(edit.toPlainText()) == 100_001
    window.sequence_editor.flush()
    assert "input" in window.session.errors  # refused by the parser, in one line
    assert isinstance(window.sequence_editor.input_error, QLabel)


def test_a_large_lesson_on_the_command_line_is_computed_before_the_screenshot(tmp_path):
    """``main.py LESSON --step T --screenshot``: the lesson is computed in the background
    like any large change, and the command waits for it (the step is checked against it)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from visualrnn.session import LessonConfig, LessonSession
    from visualrnn.session.lesson_file import save_lesson

    session = LessonSession(LessonConfig(cell="lstm", hidden_size=8, model_source="init"))
    session.sync_work = float("inf")
    session.generate_input("sine", T=5_000, period=25.0)
    save_lesson(tmp_path / "long.vrnn", session.snapshot())
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "VISUALRNN_SETTINGS": str(tmp_path / "s.ini"),
    }
    main = Path(__file__).resolve().parents[3] / "main.py"
    args = [tmp_path / "long.vrnn", "--step", "4500", "--screenshot", tmp_path / "shot.png"]
    done = subprocess.run(
        [sys.executable, str(main), *map(str, args)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "shot.png").stat().st_size > 0


def test_new_text_after_a_long_run_without_spaces_is_quick(window):
    edit = window.sequence_editor.input_edit
    edit.setPlainText("x" * 100_000)
    QApplication.processEvents()
    start = time.perf_counter()
    edit.setPlainText("1, 2, 3")
    QApplication.processEvents()
    assert time.perf_counter() - start < 0.2
    assert edit.toPlainText() == "1, 2, 3"
