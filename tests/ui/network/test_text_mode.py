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
