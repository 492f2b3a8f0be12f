"""Size limits: the work estimate counts T, H, I, O and the cell, before computing."""

import numpy as np
import pytest

from visualrnn.engine import init_model, limits
from visualrnn.engine.limits import MAX_BYTES, MAX_WORK, check_work, work_estimate
from visualrnn.engine.sequences import SequenceError, parse_numbers, parse_text

BASE = {"T": 100, "H": 16, "I": 2, "O": 3, "cell": "lstm"}


@pytest.mark.parametrize("size", ["T", "H", "I", "O"])
def test_every_size_costs_time_and_memory(size):
    small, large = work_estimate(**BASE), work_estimate(**{**BASE, size: BASE[size] * 10})
    assert large.ops > small.ops and large.bytes > small.bytes


def test_more_gate_blocks_cost_more():
    costs = [work_estimate(**{**BASE, "cell": c}).ops for c in ("rnn", "gru", "lstm")]
    assert costs == sorted(costs) and costs[0] < costs[1] < costs[2]
    three = [work_estimate(**{**BASE, "cell": c}) for c in ("lstm_nofg", "gru")]
    assert three[0] == three[1]  # G = 3 both


def test_jacobians_add_T_times_H_cubed():
    plain, jac = work_estimate(**BASE), work_estimate(**BASE, jacobians=True)
    assert jac.ops - plain.ops == pytest.approx(limits.JACOBIAN * 100 * 16**3)


def test_the_reference_lesson_is_exactly_at_the_limit():
    w = check_work(**limits.REFERENCE_LESSON)
    assert w.ops == MAX_WORK and w.bytes == MAX_BYTES


@pytest.mark.parametrize(
    "sizes",
    [
        (10_000, 512, 1, 1, "rnn"),  # the gradient lab's largest RNN
        (10_000, 8, 1024, 1024, "lstm"),  # the widest input and output
        (10_000, 32, 1, 1, "rnn", True),  # Jacobian norms of a small RNN
    ],
)
def test_lessons_the_app_offers_are_accepted(sizes):
    T, H, I, O, cell, *jac = sizes
    check_work(T, H, I, O, cell, jacobians=bool(jac))


@pytest.mark.parametrize(
    ("sizes", "words"),
    [
        ((2_000, 4, 1, 50_000, "rnn", False), "GB"),  # a 50,000-output head
        ((4_000, 512, 1, 1, "lstm", False), "largest lesson"),
        ((10_000, 256, 1, 1, "rnn", True), "Jacobian"),
    ],
)
def test_lessons_too_large_are_refused_in_one_line(sizes, words):
    T, H, I, O, cell, jac = sizes
    with pytest.raises(ValueError) as info:
        check_work(T, H, I, O, cell, jacobians=jac)
    message = str(info.value)
    assert "\n" not in message and f"H = {H}" in message and words in message
    assert "too large to compute live" in message


def test_init_refuses_sizes_beyond_the_limits_before_allocating():
    with pytest.raises(ValueError, match="input size I = 100,000"):
        init_model("lstm", 100_000, 512, 1)
    with pytest.raises(ValueError, match="output size O"):
        init_model("rnn", 1, 4, 50_000)
    with pytest.raises(ValueError, match="hidden size H = 513"):
        init_model("rnn", 1, 513, 1)


def test_parsers_cap_the_values_per_step_and_the_vocabulary():
    x = parse_numbers(" ".join(["1"] * 1024) + ";")
    assert x.shape == (1, 1024)
    with pytest.raises(SequenceError, match="1,025 values; the limit is 1,024"):
        parse_numbers(" ".join(["1"] * 1025) + ";")
    text = "".join(chr(0x4E00 + k) for k in range(1025))
    with pytest.raises(SequenceError, match="1,025 characters"):
        parse_text(text)
    assert parse_text(text[:1024])[0].shape == (1024, 1024)
    assert np.all(parse_text("ab")[0].sum(axis=1) == 1)
