"""The gradient plot's headline, as pure functions: every verdict follows from the numbers."""

from __future__ import annotations

import numpy as np

from visualrnn.ui.gradients import gradient_text as gt


def test_a_falling_curve_reads_back_in_time_with_its_factor(qapp):
    values = 10.0 ** -np.arange(10)[::-1]  # 1e-9 at t = 0 … 1 at t = 9
    text = gt.summary(values, "h", T=10, k=None)
    assert text.startswith("Back in time, t = 9 → 0: ‖dh‖ ×")
    assert "fell 9.0 orders of magnitude" in text


def test_growth_and_a_flat_curve_get_their_own_verdicts(qapp):
    grows = 10.0 ** np.arange(5)[::-1]  # 1e4 at t = 0
    assert "grew 4.0 orders of magnitude" in gt.summary(grows, "h", 5, None)
    flat = np.full(5, 2.0)
    assert "neither vanished nor exploded" in gt.summary(flat, "c", 5, None)
    assert "‖dc‖" in gt.summary(flat, "c", 5, None)


def test_ends_that_vanished_or_overflowed_are_named_not_divided(qapp):
    vanished = np.array([0.0, 1e-3, 1.0])
    assert "vanished to exactly 0" in gt.summary(vanished, "h", 3, None)
    overflow = np.array([np.inf, 1.0, 1.0])
    assert "overflow" in gt.summary(overflow, "h", 3, None)
    assert gt.change_text(overflow, None) == "not finite"


def test_truncation_reads_per_chunk_and_says_nothing_crosses_a_cut(qapp):
    chunk = 10.0 ** -np.arange(5)[::-1]
    values = np.concatenate([chunk, chunk])  # k = 5: the same fall in both chunks
    assert gt.direction_head(10, 5) == "Back in time inside each chunk (k = 5): "
    text = gt.summary(values, "h", 10, 5)
    assert "per chunk" in text and "0 across a cut" in text
    assert gt.chunk_range(values, 5).count("×") == 1  # equal chunks: one factor


def test_chunks_without_a_loss_are_counted(qapp):
    values = np.concatenate([np.zeros(5), np.ones(5)])  # only the last chunk carries a loss
    assert "(1 chunks without a loss: 0)" in gt.truncated_verdict(values, 5)
    assert gt.chunk_range(np.zeros(10), 5) == "0 in every chunk"


def test_a_single_step_shows_its_value_not_a_verdict(qapp):
    one = np.array([0.108])
    assert gt.change_text(one, None) == "= 0.108"
    assert gt.change_text(one, 5) == "= 0.108"  # truncation changes nothing for one step
    text = gt.summary(one, "h", T=1, k=None)
    assert "= 0.108" in text and "one step" in text
    assert "not finite" not in text and "vanished" not in text
    assert "0 in every chunk" not in gt.summary(one, "h", T=1, k=3)


def test_an_end_at_zero_is_not_called_not_finite(qapp):
    assert gt.change_text(np.array([0.0, 1.0]), None) == "0 at an end"
