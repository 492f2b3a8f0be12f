"""Sequence editor: live validation through the session, errors inline, generators, text."""

from PySide6.QtCore import Qt


def _type(qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)


def test_typing_error_names_step_and_keeps_text_and_trace(window, qtbot):
    seq = window.sequence_editor
    result = window.session.result
    _type(qtbot, seq.input_edit, "1, x, 3")
    qtbot.waitUntil(lambda: seq.input_error.isVisible(), timeout=2000)
    message = seq.input_error.text()
    assert "step 2" in message and '"x"' in message
    assert seq.input_edit.toPlainText() == "1, x, 3"
    assert window.session.result is result
    assert window.session.T == 2
    assert "step 2" in window.error_label.text()
    underlined = seq.input_edit.extraSelections()
    assert len(underlined) == 1 and underlined[0].cursor.selectedText() == "x"
    # changing the cell recomputes with the last good input and keeps the typed text
    window.model_toolbar.cell_box.setCurrentIndex(1)
    window.model_toolbar.cell_box.activated.emit(1)
    assert window.session.model.cell == "lstm"
    assert seq.input_edit.toPlainText() == "1, x, 3"
    assert seq.input_error.isVisible()


def test_fixing_the_error_computes_the_new_sequence(window, qtbot):
    seq = window.sequence_editor
    _type(qtbot, seq.input_edit, "1, x")
    qtbot.waitUntil(lambda: seq.input_error.isVisible(), timeout=2000)
    qtbot.keyClick(seq.input_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(seq.input_edit, "0.5, 3")
    qtbot.waitUntil(lambda: window.session.T == 3, timeout=2000)
    assert not seq.input_error.isVisible()
    assert window.error_label.text() == ""
    assert window.transport.position_label.text() == "step 0 / 3"


def test_generator_buttons_and_parameters(window, qtbot):
    seq = window.sequence_editor
    seq.length_spin.setValue(60)
    qtbot.mouseClick(seq.generator_buttons["sine"], Qt.MouseButton.LeftButton)
    assert window.session.T == 60
    assert window.session.config.generator["kind"] == "sine"
    assert seq.generator_buttons["sine"].isChecked()
    text = seq.input_edit.toPlainText()
    assert text.startswith("0, 0.309")
    seq.params["sine"]["period"].setValue(10.0)
    assert window.session.config.generator["period"] == 10.0
    assert seq.input_edit.toPlainText() != text
    qtbot.mouseClick(seq.generator_buttons["impulse"], Qt.MouseButton.LeftButton)
    assert seq.input_edit.toPlainText().startswith("1, 0, 0")
    seq.length_spin.setValue(80)
    assert window.session.T == 80 and window.transport.slider.maximum() == 80


def test_text_mode_one_hot(window, qtbot):
    seq = window.sequence_editor
    qtbot.mouseClick(seq.generator_buttons["text"], Qt.MouseButton.LeftButton)
    assert window.session.config.input_mode == "text"
    assert seq.text_radio.isChecked()
    assert seq.input_edit.toPlainText() == "hello world"
    trace = window.session.trace
    assert trace.x.shape == (11, len(set("hello world")))
    assert not seq.length_spin.isEnabled()
    qtbot.mouseClick(seq.numbers_radio, Qt.MouseButton.LeftButton)
    assert window.session.config.input_mode == "numbers"
    assert window.session.trace.x.shape == (2, 1)


def test_targets_error_is_inline(window, qtbot):
    seq = window.sequence_editor
    seq.targets_edit.setFocus()
    qtbot.keyClicks(seq.targets_edit, "1, 2, 3")
    qtbot.waitUntil(lambda: seq.targets_error.isVisible(), timeout=2000)
    assert "3 steps" in seq.targets_error.text()
    assert seq.targets_edit.text() == "1, 2, 3"
    qtbot.keyClick(seq.targets_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(seq.targets_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(seq.targets_edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not seq.targets_error.isVisible(), timeout=2000)
    assert window.session.trace.targets[:, 0].tolist() == [1.0, 2.0]


def test_preset_replaces_the_text(window, qtbot):
    seq = window.sequence_editor
    _type(qtbot, seq.input_edit, "1, oops")
    qtbot.waitUntil(lambda: seq.input_error.isVisible(), timeout=2000)
    window.select_preset("sine")
    assert seq.input_edit.toPlainText() == window.session.config.input_text
    assert not seq.input_error.isVisible()


def test_choosing_a_lesson_replaces_a_bad_typed_sequence(window, qtbot):
    editor = window.sequence_editor
    editor.input_edit.setPlainText("1, abc")
    qtbot.waitUntil(lambda: "input" in window.session.errors)
    window.select_preset("textbook")
    qtbot.waitUntil(lambda: editor.input_edit.toPlainText() == "1, 2")
    assert "input" not in window.session.errors and not editor.input_error.isVisible()


def test_targets_refused_for_length_are_retried_when_the_input_grows(window, qtbot):
    editor = window.sequence_editor
    editor.targets_edit.setText("1, 2, 3")
    qtbot.waitUntil(lambda: "targets" in window.session.errors)
    editor.input_edit.setPlainText("1, 2, 3")
    qtbot.waitUntil(lambda: window.session.config.targets_text == "1, 2, 3")
    assert "targets" not in window.session.errors
    assert window.session.trace.targets[:, 0].tolist() == [1.0, 2.0, 3.0]


def test_a_refused_mode_switch_leaves_the_radios_on_the_real_mode(window, qtbot):
    editor = window.sequence_editor
    editor.targets_edit.setText("0.5, 0.5")
    qtbot.waitUntil(lambda: window.session.config.targets_text == "0.5, 0.5")
    editor.text_radio.click()  # "1, 2" as text is 4 characters: 2 targets no longer fit
    assert window.session.config.input_mode == "numbers"
    assert editor.numbers_radio.isChecked() and not editor.text_radio.isChecked()


def test_the_targets_hint_says_where_the_loss_is(window, qtbot):
    """The empty targets field must not say "target 0 at every step" while the status bar
    says "loss only at the last step": the hint follows the gradient lab's loss choice."""
    from visualrnn.ui.gradients.gradient_lab_controls import GradientLabControls

    lab = window.findChild(GradientLabControls)
    hint = window.sequence_editor.targets_edit.placeholderText
    qtbot.mouseClick(lab.loss_last, Qt.MouseButton.LeftButton)
    assert window.session.config.loss_at == "last"
    assert "loss only at the last step" in hint()
    assert "loss only at the last step" in window.summary_label.text()
    qtbot.waitUntil(lambda: "(whole sequence)" not in window.summary_label.text())
    qtbot.mouseClick(lab.loss_all, Qt.MouseButton.LeftButton)
    assert window.session.config.loss_at == "all"
    assert hint() == "empty: target 0 at every step"
    qtbot.waitUntil(lambda: "(whole sequence)" in window.summary_label.text())


def test_a_length_that_would_make_millions_of_numbers_is_refused_at_once(window, qtbot):
    """One step of 300 values stretched to 10,000 steps would be 3,000,000 numbers to
    write, parse and show (a 15 s freeze): refused before any of it, with a message that
    says how many steps fit; the spin goes back to the real length."""
    import time

    seq, session = window.sequence_editor, window.session
    assert session.update(model_source="init")  # seeded weights take any input size
    assert session.set_input_text(" ".join(["0.5"] * 300) + ";")
    assert session.wait_until_computed(10) and session.T == 1
    start = time.perf_counter()
    seq.length_spin.setValue(10_000)
    assert time.perf_counter() - start < 1.0
    assert session.T == 1 and seq.length_spin.value() == 1
    message = session.errors.get("input", "")
    assert "3,000,000 numbers" in message and "at most 333 steps" in message
    qtbot.waitUntil(lambda: "3,000,000" in window.error_label.text(), timeout=2000)
