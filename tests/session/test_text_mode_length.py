"""In text mode a new sequence length repeats or cuts the typed text."""

from visualrnn.session import LessonConfig, LessonSession


def test_text_mode_length_repeats_or_cuts_the_typed_text(qtbot):
    config = LessonConfig(model_source="init", input_mode="text", input_text="hello", loss="ce")
    session = LessonSession(config)
    assert session.set_sequence_length(12)
    assert session.config.input_text == "hellohellohe" and session.config.input_mode == "text"
    assert session.trace.x.shape == (12, 4)  # vocabulary h, e, l, o
    assert session.set_sequence_length(3) and session.config.input_text == "hel"
