"""A length change repeats a typed input; huge values must not make it untypably long."""

from __future__ import annotations

from visualrnn.session import LessonSession
from visualrnn.ui.shell.sequence_text_edit import MAX_INPUT_CHARS


def test_a_session_stretched_to_10_000_huge_steps_stays_a_typable_size():
    """``0, 1e308`` stretched to 10,000 steps was written as 10,000 numbers of 309 digits
    (1.6 MB): the editor froze for 2 s showing it (chaos run, seed 42)."""
    session = LessonSession()
    assert session.update("input", input_text="0, 1e308")
    assert session.set_sequence_length(10_000)
    assert session.wait_until_computed(30) and session.T == 10_000
    assert len(session.config.input_text) < MAX_INPUT_CHARS
    assert "1e+308" in session.config.input_text
