"""Compare mode shows the cells it can compute and names the ones too large for it."""

from visualrnn.session import LessonConfig, LessonSession


def test_compare_mode_leaves_out_a_cell_too_large_to_compute(qtbot):
    config = LessonConfig(
        cell="rnn", hidden_size=512, model_source="init", input_text="0.5 " * 4000
    )
    session = LessonSession(config)
    results = session.compare_results()
    assert set(results) == {"rnn"}
    assert "too large" in session.compare_errors["lstm"]
    assert "too large" in session.compare_errors["gru"]
