"""File menu: weights round trip through the window, refusals keep the lesson, trace export."""

import numpy as np


def test_menu_lists_the_file_actions(window):
    texts = [a.text() for a in window.file_menu.actions() if a.text()]
    assert texts == [
        "New lesson",
        "Open lesson…",
        "Open recent",
        "Save lesson",
        "Save lesson as…",
        "Load weights…",
        "Save weights…",
        "Save trace (npz)…",
        "Figure of the panel in front",
        "Quit",
    ]


def test_saved_weights_load_back_into_the_same_lesson(window, qtbot, tmp_path):
    window.select_preset("lstm_memory")
    model = window.session.model
    path = tmp_path / "lstm.safetensors"
    assert window.file_menu.save_weights(str(path))
    window.select_preset("textbook")
    window.session.set_input_text(", ".join(["0.5"] * 10))
    assert window.file_menu.load_weights(str(path))
    assert window.session.model.cell == "lstm" and window.session.config.model_source == "file"
    for k, v in model.params.items():
        np.testing.assert_array_equal(window.session.model.params[k], v)
    assert window.model_toolbar.cell_box.currentText() == "LSTM"
    assert window.error_label.text() == ""


def test_a_bad_weight_file_is_refused_with_its_name_and_the_lesson_kept(window, tmp_path):
    bad = tmp_path / "notes.npz"
    np.savez(bad, fc_weight=np.ones((1, 4)))
    before = window.session.result
    assert not window.file_menu.load_weights(str(bad))
    assert "notes.npz" in window.error_label.text()
    assert "weight_ih_l0" in window.error_label.text()
    assert window.session.result is before


def test_weights_for_another_input_size_are_refused_by_the_session(window, tmp_path):
    from visualrnn.engine import init_model, save_weights

    path = tmp_path / "two_inputs.npz"
    save_weights(init_model("gru", 2, 3, 1), str(path))
    before = window.session.result
    assert not window.file_menu.load_weights(str(path))
    assert "2 value(s) per step" in window.error_label.text()
    assert window.session.result is before and window.session.model.cell == "rnn"


def test_save_trace_writes_the_trace_command_keys(window, tmp_path):
    path = tmp_path / "t.npz"
    assert window.file_menu.save_trace(str(path))
    with np.load(path, allow_pickle=False) as z:
        np.testing.assert_allclose(
            z["h"], [[0.53704957, 0.46211716], [0.85973818, 0.88366641]], atol=5e-9
        )
        assert "grad.head.weight" in z.files
    assert not window.file_menu.save_trace(str(tmp_path / "missing_dir" / "t.npz"))
    assert "Could not save" in window.error_label.text()
