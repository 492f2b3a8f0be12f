"""The training lab in the real window: the real buttons, the real worker process."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from tests.processes import process_gone

WAIT = 60_000


def _lab(window):
    controls = window.panel_widget("training_lab")
    curves = window.panel_widget("training")
    t = controls.training
    assert t.set_settings(length=5, budget=50, until_solved=False, eval_every=10)
    assert t.prepare_lesson(hidden=8)
    window.raise_panel("training")
    return controls, curves, t


def test_train_from_the_button_lowers_the_loss_and_every_view_follows(qtbot, window):
    controls, curves, t = _lab(window)
    before_h = np.array(window.session.trace.h)
    box = controls.run_box
    qtbot.mouseClick(box.train_button, Qt.MouseButton.LeftButton)
    assert box.train_button.text() == "Pause"
    assert not controls.form.lr_spin.isEnabled()  # settings belong to the run
    qtbot.waitUntil(lambda: t.state == "finished", timeout=WAIT)
    loss = t.log.column("loss")
    assert len(loss) == 50 and loss[-10:].mean() < loss[:10].mean()
    assert box.progress.value() == 50 and box.train_button.text() == "Train"
    assert window.session.config.model_source == "file"
    assert not np.allclose(window.session.trace.h, before_h)
    x, y = curves.plots.loss_curve.getData()
    assert len(x) == 50
    assert curves.gradient_view.images[0].image.shape == (5, 8)
    assert "→" in box.answer_label.text()  # the colour word with its probability
    assert "✓ right" in box.answer_label.text() or "wrong" in box.answer_label.text()
    data = curves.figure_data()
    assert list(data["step"][:3]) == [1, 2, 3]


def test_pause_resume_and_one_update_buttons(qtbot, window):
    controls, _, t = _lab(window)
    t.set_settings(budget=100_000)
    box = controls.run_box
    qtbot.mouseClick(box.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: t.log.n >= 5, timeout=WAIT)
    qtbot.mouseClick(box.train_button, Qt.MouseButton.LeftButton)
    assert t.state == "paused" and box.train_button.text() == "Train"
    qtbot.waitUntil(lambda: t.shown_step == t.log.last_step, timeout=WAIT)
    n = t.log.n
    qtbot.mouseClick(box.step_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: t.log.n == n + 1 and t.shown_step == n + 1, timeout=WAIT)
    qtbot.mouseClick(box.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: t.log.n >= n + 5, timeout=WAIT)
    qtbot.mouseClick(box.reset_button, Qt.MouseButton.LeftButton)
    assert t.state == "idle" and t.log.n == 0 and window.session.config.model_source == "init"


def test_closing_the_window_while_training_stops_the_worker(qtbot, window):
    controls, _, t = _lab(window)
    t.set_settings(budget=100_000)
    qtbot.mouseClick(controls.run_box.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: t.log.n >= 3, timeout=WAIT)
    pid = t.process_id
    window.close()
    qtbot.waitUntil(lambda: t.process_id is None, timeout=WAIT)
    qtbot.waitUntil(lambda: process_gone(pid), timeout=WAIT)


def test_the_history_slider_shows_earlier_weights(qtbot, window):
    controls, _, t = _lab(window)
    first = {k: v.copy() for k, v in window.session.model.params.items()}
    qtbot.mouseClick(controls.run_box.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: t.state == "finished", timeout=WAIT)
    slider = controls.run_box.history_slider
    assert slider.isEnabled() and slider.value() == slider.maximum()
    slider.setValue(0)
    qtbot.waitUntil(lambda: t.shown_step == 0, timeout=WAIT)
    for k, v in first.items():
        np.testing.assert_array_equal(window.session.model.params[k], v)
    assert "0" in controls.run_box.history_label.text()
    slider.setValue(slider.maximum())
    qtbot.waitUntil(lambda: t.shown_step == 50, timeout=WAIT)


def test_a_bad_learning_rate_is_refused_with_a_message(qtbot, window):
    controls, _, t = _lab(window)
    controls.form.lr_spin.setValue(50.0)
    assert t.settings.lr == 0.01 and controls.form.lr_spin.value() == 0.01
    assert "far too large" in controls.run_box.message_label.text()


def test_the_sky_preset_opens_ready_to_train(qtbot, window):
    assert window.select_preset("sky_grey")
    t = window.panel_widget("training_lab").training
    assert t.settings.task == "sky_color" and t.settings.length == 60
    assert window.session.T == 63 and window.session.model.cell == "rnn"


def _untrained_answer(window, t) -> tuple[bool, str]:
    y = np.asarray(window.session.trace.y[-1], dtype=float)
    right = int(np.argmax(y)) == int(window.session.trace.targets[-1])
    return right, window.panel_widget("training_lab").run_box.answer_label.text()


def test_an_untrained_answer_is_not_called_right(qtbot, window):
    """The seed's random weights answer 灰色 / 蓝色 by chance (with up to 70 %): right or
    not, that is not '✓ right'. (The trained network's answer is: the first test.)"""
    controls, _, t = _lab(window)
    window.raise_panel("training_lab")  # (a panel tabbed away is brought up to date on show)
    seen = set()
    for seed in range(1, 30):  # samples the untrained network gets right and wrong
        window.session.update(seed=seed)
        assert t.prepare_lesson(hidden=8) and window.session.config.model_source == "init"
        right, text = _untrained_answer(window, t)
        assert "✓" not in text
        assert ("right by chance" in text) if right else ("wrong" in text), text
        seen.add(right)
        if seen == {True, False}:
            break
    assert seen == {True, False}
