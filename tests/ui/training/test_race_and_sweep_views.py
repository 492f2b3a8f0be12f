"""The race and the sweep in the real window: the real buttons, real worker processes."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from tests.processes import process_gone
from tests.ui.axis_labels import left_tick_labels
from visualrnn.engine.cellspec import CELL_SPECS
from visualrnn.ui.common.figure_export import export_csv

WAIT = 90_000


def _race(window, budget=30):
    panel = window.panel_widget("training")
    controls = window.panel_widget("training_lab")
    t = controls.training
    assert t.set_settings(length=5, budget=budget, until_solved=False, eval_every=10)
    assert t.prepare_lesson(hidden=6)
    return panel, controls, panel.race_view


def test_the_race_button_runs_every_ticked_cell_in_one_plot(qtbot, window, tmp_path):
    panel, controls, view = _race(window)
    qtbot.mouseClick(controls.race_button, Qt.MouseButton.LeftButton)
    assert panel.tabs.currentWidget() is view and view.isVisible()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert view.race.running and not view.start_button.isEnabled()
    qtbot.waitUntil(lambda: view.race.state == "finished", timeout=WAIT)
    assert set(view.plots.metric_curves) == {"rnn", "lstm", "gru"}
    for cell, curve in view.plots.metric_curves.items():
        x, _ = curve.getData()
        assert list(x) == [10, 20, 30]
        assert curve.opts["pen"].color().name().lower() == CELL_SPECS[cell].color.lower()
    text = view.scoreboard.text()
    task = view.race.settings.make_task()  # each cell's verdict agrees with its test set
    solved = sum(task.solved(view.race.last_test(c)) for c in ("rnn", "lstm", "gru"))
    assert text.count("not solved in 30 updates") == 3 - solved and "GRU" in text
    assert text.count("✓ solved at update") == solved
    assert view.progress.value() == 1000 and view.start_button.isEnabled()
    # the panel's "Export data (CSV)" with the race in front writes the race, not the log
    path = tmp_path / "race.csv"
    export_csv(panel, path)
    with open(path, encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert header[:4] == ["rnn update", "rnn loss", "rnn test update", "rnn test metric"]
    assert len(header) == 12 and len(rows) == 30
    loss = view.race.logs["gru"].column("loss")
    assert [float(r[header.index("gru loss")]) for r in rows] == list(loss)
    assert [r[header.index("lstm test update")] for r in rows[:4]] == ["10", "20", "30", ""]


def test_the_parameter_switch_resizes_the_cells(qtbot, window):
    panel, _, view = _race(window)
    panel.show_race()
    view.cells.boxes["lstm_nofg"].setChecked(True)
    view.match_box.setChecked(True)
    sizes = view.race.planned_sizes()
    assert sizes["lstm"][0] == 6
    lstm_count = sizes["lstm"][1]
    for _H, count in sizes.values():
        assert abs(count - lstm_count) < 0.2 * lstm_count
    assert sizes["rnn"][0] > sizes["gru"][0] > sizes["lstm"][0]
    names = [item[1].text for item in view.plots.legend.items]
    assert any(f"H = {sizes['rnn'][0]}," in name for name in names)


def test_closing_the_window_during_a_race_ends_its_processes(qtbot, window):
    panel, _, view = _race(window, budget=100_000)
    panel.show_race()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(log.n >= 2 for log in view.race.logs.values()), timeout=WAIT)
    pids = view.race.process_ids()
    assert len(pids) == 3
    window.close()
    qtbot.waitUntil(lambda: all(process_gone(p) for p in pids), timeout=15_000)
    assert not view.race.running


def test_the_sweep_view_draws_a_file_of_the_sweep_command(qtbot, window, tmp_path):
    path = tmp_path / "sweep.csv"
    done = subprocess.run(
        [sys.executable, "-m", "visualrnn", "sweep", "--task", "sky_color", "--cells", "rnn,gru"]
        + ["--lengths", "3,4", "--seeds", "2", "--steps", "3", "--workers", "1"]
        + ["--out", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    panel = window.panel_widget("training")
    controls = window.panel_widget("training_lab")
    qtbot.mouseClick(controls.sweep_button, Qt.MouseButton.LeftButton)
    view = panel.sweep_view
    assert panel.tabs.currentWidget() is view
    assert view.open_file(str(path))
    assert set(view.plot.curves) == {"rnn", "gru"}
    x, y = view.plot.curves["rnn"].getData()
    assert list(x) == [3, 4] and all(0 <= v <= 100 for v in y)
    assert view.progress.format() == "8 runs" and view.message_label.text() == ""
    data = panel.figure_data()  # what "Export data (CSV)" writes with the sweep in front
    assert sorted(set(data["cell"])) == ["gru", "rnn"] and len(data["length"]) == 8
    bad = tmp_path / "bad.csv"
    bad.write_text("this,is\nnot,a sweep\n", encoding="utf-8")
    assert not view.open_file(str(bad))
    message = view.message_label.text()
    assert "Not a sweep file" in message and "\n" not in message
    assert set(view.plot.curves) == {"rnn", "gru"}  # the sweep shown stays


def test_the_sweep_view_runs_and_cancels(qtbot, window, tmp_path):
    panel = window.panel_widget("training")
    view = panel.sweep_view
    panel.show_sweep()
    view.lengths_edit.setText("3")
    view.seeds_spin.setValue(1)
    view.budget_spin.setValue(3)
    path = str(tmp_path / "run.csv")
    assert view.start(path, view.lengths())
    assert view.cancel_button.isEnabled() and not view.run_button.isEnabled()
    qtbot.waitUntil(lambda: view.sweep.state == "finished", timeout=WAIT)
    assert set(view.plot.curves) == {"rnn", "lstm", "gru"}
    view.budget_spin.setValue(5000)
    view.lengths_edit.setText("60, 61")
    assert view.start(path, view.lengths())
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert view.sweep.state == "cancelled" and view.run_button.isEnabled()


def test_an_mse_task_shows_the_race_before_it_is_run(qtbot, window):
    """A task scored by MSE draws its metric on a log axis; before a race has run no cell
    has a log yet, and showing the race view must not look one up."""
    panel, controls, view = _race(window)
    assert controls.training.set_settings(task="adding", length=5)
    qtbot.mouseClick(controls.race_button, Qt.MouseButton.LeftButton)
    assert panel.tabs.currentWidget() is view and view.isVisible()
    assert view.plots._log_metric
    assert view.start_button.isEnabled() and not view.race.logs
    labels = [label for _, label in view.plots.loss_plot.getAxis("left")._tickLevels[0]]
    assert labels, "the loss axis is labelled at whole decades"


def test_the_race_grows_with_the_text_size(qtbot, window):
    """View → Text size and presenter mode reach the race: the plots' ticks and legend, the
    scoreboard and the cells' check boxes (a style sheet would have frozen their font)."""
    from visualrnn.ui.common.theme import font_scale

    panel, controls, view = _race(window)
    qtbot.mouseClick(controls.race_button, Qt.MouseButton.LeftButton)
    axis = view.plots.metric_plot.getAxis("left")

    def sizes():
        box = view.cells.boxes["lstm"]
        legend_size = view.plots.legend.opts["labelTextSize"]
        return (
            axis.style["tickFont"].pointSizeF(),
            view.scoreboard.font().pointSizeF(),
            box.font().pointSizeF(),
            float(legend_size.removesuffix("pt")),
        )

    before = sizes()
    try:
        font_scale().set_scale(1.6)
        after = sizes()
    finally:
        font_scale().set_scale(1.0)
    for small, big in zip(before, after, strict=True):
        assert big == pytest.approx(1.6 * small, rel=0.02)
    box = view.cells.boxes["lstm"]
    assert box.palette().windowText().color().name().lower() == CELL_SPECS["lstm"].color.lower()


def test_a_short_race_plot_hides_its_legend(qtbot, window):
    """In a short bottom dock the legend would cover the curves; the line above the plots
    names the cells in their colours instead."""
    panel, controls, view = _race(window)
    qtbot.mouseClick(controls.race_button, Qt.MouseButton.LeftButton)
    assert view.plots.sizeHint().height() == view.plots.minimumHeight()
    view.plots.resize(700, 200)
    assert not view.plots.legend.isVisible()
    view.plots.resize(700, 500)
    assert view.plots.legend.isVisible()


def test_a_race_run_to_its_budget_that_solved_the_task_says_solved(qtbot, window):
    """Without "until solved" every cell runs to the budget; the scoreboard must not say
    "not solved" beside a test accuracy of 100 % (a student's review)."""
    panel, controls, view = _race(window, budget=150)
    t = controls.training
    assert t.set_settings(task="sky_color", length=2, eval_every=25)
    assert t.prepare_lesson(hidden=8)
    view.race.set_cells(["lstm"])
    qtbot.mouseClick(controls.race_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.race.state == "finished", timeout=WAIT)
    task = view.race.settings.make_task()
    assert task.solved(view.race.last_test("lstm"))  # this small task is learnt in time
    log = view.race.logs["lstm"]  # the update its test set was first solved, not the budget
    first = next(
        int(t)
        for t, v in zip(log.column("profile_step"), log.column("test_metric"), strict=True)
        if task.solved(v)
    )
    assert f"LSTM ✓ solved at update {first} (" in view.scoreboard.text()
    assert "at 150)" in view.scoreboard.text()


def test_a_race_the_plain_rnn_wins_too_suggests_a_longer_gap(qtbot, window):
    """At gap L = 2 the plain RNN solves the sky colour as well as the LSTM: the scoreboard
    says to make the gap longer (a student's review: "then why learn the LSTM?")."""
    panel, controls, view = _race(window, budget=150)
    t = controls.training
    assert t.set_settings(task="sky_color", length=2, eval_every=25)
    assert t.prepare_lesson(hidden=8)
    view.race.set_cells(["rnn", "lstm"])
    qtbot.mouseClick(controls.race_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.race.state == "finished", timeout=WAIT)
    task = view.race.settings.make_task()
    assert all(task.solved(view.race.last_test(c)) for c in ("rnn", "lstm"))  # L = 2 is short
    assert "RNN ✓ solved" in view.scoreboard.text()
    assert "make Gap L (words) longer" in view.scoreboard.text()
    assert left_tick_labels(view.plots.metric_plot) == ["0", "0.5", "1"]  # accuracy: a fraction
    view.race.set_cells(["lstm"])  # without the plain RNN in the race: nothing to suggest
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.race.state == "finished", timeout=WAIT)
    assert "LSTM ✓ solved" in view.scoreboard.text() and "longer" not in view.scoreboard.text()


def test_beside_a_finished_race_the_untrained_run_says_the_race_trained_copies(qtbot, window):
    """The run box said "not trained yet" beside a race that says "solved" (two student
    reviews: "which is it?"): it says the race trains its own copies."""
    panel, controls, view = _race(window, budget=30)
    t = controls.training
    assert t.set_settings(task="sky_color", length=2, eval_every=10)
    assert t.prepare_lesson(hidden=8)
    view.race.set_cells(["lstm"])
    box = controls.run_box
    assert box.rate_label.text() == "not trained yet"
    qtbot.mouseClick(controls.race_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.race.state == "finished", timeout=WAIT)
    assert t.state == "idle"
    assert box.rate_label.text() == "not trained yet: the race trains its own copies"
