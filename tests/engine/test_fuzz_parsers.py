"""Hypothesis: the sequence parsers return a valid array or raise their documented error.

Every parser and generator in visualrnn/engine/sequences.py, with typed-looking text
(digits, separators, full-width forms from a Chinese input method, control characters,
any Unicode) and arbitrary arguments. Nothing else may escape.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visualrnn.engine.generators import GENERATORS
from visualrnn.engine.sequences import (
    MAX_FEATURES,
    MAX_STEPS,
    SequenceError,
    format_numbers,
    normalize,
    parse_classes,
    parse_numbers,
    parse_text,
)

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TYPED = list("0123456789+-.eE,; \t\n\r") + list("１２３，；．－、。\u3000\u2212\u2028\x00\x85")
typed_text = st.one_of(
    st.text(alphabet=st.sampled_from(TYPED), max_size=300),
    st.text(max_size=100),
    st.lists(st.sampled_from(["1e308", "1e309", "-0", ".5", "5.", "nan", "inf", "1_0", "0x1"])).map(
        " ".join
    ),
)


def _is_sequence(x, width_max=MAX_FEATURES):
    return (
        isinstance(x, np.ndarray)
        and x.dtype == np.float64
        and x.ndim == 2
        and 1 <= x.shape[0] <= MAX_STEPS
        and 1 <= x.shape[1] <= width_max
        and bool(np.all(np.isfinite(x)))
    )


@FUZZ
@given(typed_text)
def test_parse_numbers_gives_finite_rows_or_a_sequence_error(text):
    try:
        x = parse_numbers(text)
    except SequenceError as e:
        assert "\n" not in str(e) and len(str(e)) < 300
        assert e.step is None or e.step >= 1
        return
    assert _is_sequence(x)


@FUZZ
@given(typed_text, st.one_of(st.integers(-3, 20), st.floats(), st.booleans(), st.none()))
def test_parse_numbers_max_steps_is_checked(text, max_steps):
    try:
        x = parse_numbers(text, max_steps=max_steps)
    except SequenceError:
        return
    except ValueError as e:  # an invalid max_steps, documented
        assert "max_steps" in str(e)
        return
    assert x.shape[0] <= max_steps


@FUZZ
@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=40)))
def test_parse_text_one_hot_or_a_sequence_error(text, vocabulary):
    try:
        x, vocab = parse_text(text, vocabulary)
    except SequenceError as e:
        assert "\n" not in str(e)
        return
    assert x.shape == (len(text), len(vocab)) and np.all(x.sum(axis=1) == 1)
    assert "".join(vocab[k] for k in x.argmax(axis=1)) == text


@FUZZ
@given(typed_text, st.one_of(st.integers(-2, 40), st.floats(), st.booleans()))
def test_parse_classes_whole_numbers_in_range_or_an_error(text, num_classes):
    try:
        k = parse_classes(text, num_classes)
    except SequenceError:
        return
    except ValueError as e:
        assert "num_classes" in str(e)
        return
    assert k.dtype == np.int64 and k.ndim == 1 and np.all((k >= 0) & (k < num_classes))


@FUZZ
@given(st.text(max_size=200))
def test_normalize_maps_character_for_character(text):
    assert len(normalize(text)) == len(text)


finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@FUZZ
@given(
    st.integers(1, 12).flatmap(
        lambda T: st.integers(1, 4).flatmap(
            lambda I: st.lists(finite, min_size=T * I, max_size=T * I).map(
                lambda v: np.array(v).reshape(T, I)
            )
        )
    ),
    st.integers(0, 8),
)
def test_format_numbers_reads_back(x, digits):
    back = parse_numbers(format_numbers(x, digits))
    assert back.shape == x.shape
    assert np.all(np.abs(back - x) <= 0.5 * 10.0**-digits + 1e-15 * np.abs(x))


numbers = st.one_of(st.integers(-10, MAX_STEPS + 10), st.floats(), st.booleans())


@FUZZ
@given(
    st.sampled_from(sorted(GENERATORS)),
    st.dictionaries(
        st.sampled_from(["T", "period", "amplitude", "phase", "at", "low", "high", "seed"]),
        numbers,
        max_size=4,
    ),
)
def test_generators_give_a_column_or_a_value_error(kind, kwargs):
    kwargs.setdefault("T", 10)
    try:
        x = GENERATORS[kind](**kwargs)
    except TypeError as e:  # an argument this generator does not take
        assert "unexpected keyword" in str(e)
        return
    except ValueError:
        return
    assert _is_sequence(x, width_max=1) and x.shape[0] == kwargs["T"]


@pytest.mark.parametrize("kind", sorted(GENERATORS))
def test_every_generator_is_fuzzed(kind):
    assert GENERATORS[kind](T=5).shape == (5, 1)
