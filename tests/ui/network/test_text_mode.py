"""Text mode reads as text: each input is its character, each output the likeliest next
character with its probability, the targets are the next character (cross-entropy), and the
strips of neighbouring steps never overlap."""

from __future__ import annotations

import numpy as np

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.network.step_layout import StepLayout
from visualrnn.ui.network.unrolled_network_view import UnrolledNetworkView
from visualrnn.ui.shell.main_window import MainWindow


def test_switching_to_text_predicts_the_next_character(qtbot):
    window = MainWindow(LessonSession(), load_presets()[0])
    qtbot.addWidget(window)
    window.sequence_editor.text_radio.click()
    session = window.session
    assert session.wait_until_computed(10)
    assert session.config.loss == "ce" and session.trace.loss_kind == "ce"
    text, vocabulary = session.config.input_text, session.vocabulary()
    targets = [vocabulary[k] for k in session.trace.targets]
    assert targets == list(text[1:] + text[0])  # the next character (the last wraps)
    assert "next character" in window.sequence_editor.targets_edit.placeholderText()
    window.sequence_editor.numbers_radio.click()
    assert session.wait_until_computed(10) and session.config.loss == "mse"


def test_the_network_writes_characters_and_predictions(qtbot):
    session = LessonSession()
    session.update(input_mode="text", input_text="hello", model_source="init", loss="ce")
    view = UnrolledNetworkView(session)
    qtbot.addWidget(view)
    builder = view.network._builder
    data = builder.data(1)
    assert data.x.texts == ["e"]
    classes, p = session.predictions()
    best = session.vocabulary()[classes[1, 0]]
    assert data.y.texts == [f"{best} {100 * p[1, 0]:.0f}%"]
    np.testing.assert_allclose(p.sum(axis=1) <= 1.0 + 1e-12, True)


def test_wide_inputs_never_overlap_the_next_step():
    layout = StepLayout.build("rnn", H=2, I=30, O=30)
    assert layout.x_node.width() < layout.dx and layout.y_node.width() < layout.dx


def test_a_task_lesson_writes_its_answers_not_input_characters(qtbot):
    """The sky colour lesson answers 灰色 or 蓝色: y_t names those two classes (it used
    to name the first two input words' characters, "工 100%")."""
    from visualrnn.engine.training import make_task
    from visualrnn.session.training_tasks import lesson_changes

    task = make_task("sky_color", 3)
    session = LessonSession()
    assert session.update(**lesson_changes(task, seed=0), model_source="init", hidden_size=4)
    assert session.config.class_names == ("灰色", "蓝色")
    view = UnrolledNetworkView(session)
    qtbot.addWidget(view)
    last = session.T - 1
    data = view.network._builder.data(last)
    classes, p = session.predictions()
    answer = ("灰色", "蓝色")[classes[last, 0]]
    assert data.y.texts == [f"{answer} {100 * p[last, 0]:.0f}%"]
    words = session.config.symbol_names  # the input as words: 天空, not 天
    assert "天空" in words and len(words) == len(session.vocabulary())
    assert data.x.texts == [words[int(np.argmax(session.trace.x[last]))]]
    assert data.x.texts == ["是"]  # the query's last word: "天空 是 …"
    layout = view.network.layout_  # words and "灰色 100%" fit their boxes unshrunk
    assert layout.y_node.width() == layout.x_node.width() >= 2 * 48


def test_outputs_without_names_are_not_written_as_characters(qtbot):
    """Text input with a 2-class output and no class names: y_t has no character label."""
    session = LessonSession()
    session.update(
        input_mode="text", input_text="hello", model_source="init", loss="ce", output_size=2
    )
    view = UnrolledNetworkView(session)
    qtbot.addWidget(view)
    assert view.network._builder.data(1).y is None or not any(
        "%" in t for t in view.network._builder.data(1).y.texts
    )
