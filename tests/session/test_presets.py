"""Presets load, each validates and runs, and broken files are reported, not fatal."""

import json

import numpy as np

from visualrnn.session import LessonSession
from visualrnn.session.config import build_lesson
from visualrnn.session.presets import DEFAULT_PRESET, load_presets

REQUIRED_TITLES = {
    "Textbook example (Fig. 8.5)",
    "Vanishing gradients (RNN)",
    "Exploding gradients (RNN)",
    "LSTM keeps a long memory",
    "Sine wave",
}


def test_presets_load_in_order_with_required_titles():
    presets, errors = load_presets()
    assert errors == []
    assert {p.title for p in presets.values()} >= REQUIRED_TITLES
    assert next(iter(presets)) == DEFAULT_PRESET == "textbook"
    assert all(p.description for p in presets.values())


def test_each_preset_runs():
    presets, _ = load_presets()
    for preset in presets.values():
        result = build_lesson(preset.config)
        assert result.trace.T >= 2, preset.name


def test_textbook_preset_reproduces_fig_8_5(qapp):
    presets, _ = load_presets()
    session = LessonSession(presets["textbook"].config)
    np.testing.assert_allclose(session.trace.y[:, 0], [1.56128388, 2.72707101], atol=1e-7)


def test_broken_preset_file_is_reported(tmp_path):
    head = {"format": "visualrnn-lesson", "version": 1}
    (tmp_path / "a.json").write_text(json.dumps({**head, "name": "a", "title": "A", "config": {}}))
    (tmp_path / "b.json").write_text("{not json")
    (tmp_path / "c.json").write_text(
        json.dumps({**head, "name": "c", "title": "C", "config": {"hidden_size": -1}})
    )
    presets, errors = load_presets(tmp_path)
    assert list(presets) == ["a"]
    assert len(errors) == 2
    assert any("b.json" in e for e in errors) and any("hidden size" in e for e in errors)
