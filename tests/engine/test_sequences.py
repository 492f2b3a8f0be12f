"""Tests for visualrnn.engine.sequences: parsing typed sequences, formatting, generators."""

from __future__ import annotations

import numpy as np
import pytest

from visualrnn.engine.generators import GENERATORS, impulse, noise, sine, square, step_signal
from visualrnn.engine.sequences import (
    MAX_STEPS,
    SequenceError,
    format_numbers,
    parse_classes,
    parse_numbers,
    parse_text,
)


def _error(func, *args, **kwargs) -> SequenceError:
    """Call ``func`` expecting a SequenceError; check the message is one line."""
    with pytest.raises(SequenceError) as info:
        func(*args, **kwargs)
    assert "\n" not in str(info.value) and "\r" not in str(info.value)
    assert len(str(info.value).splitlines()) == 1
    return info.value


# --- parse_numbers: formats ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1, 2, 0.5",
        "1,2,0.5",
        "1 2 0.5",
        "  1   2\t0.5  ",
        "1 , 2 ,0.5",
        "1, 2, 0.5,",
        "1, 2, 0.5\n",
    ],
)
def test_one_line_is_one_value_per_step(text):
    x = parse_numbers(text)
    assert x.shape == (3, 1)
    assert x.dtype == np.float64
    np.testing.assert_array_equal(x[:, 0], [1.0, 2.0, 0.5])


@pytest.mark.parametrize(
    "text",
    ["1 0; 0 1", "1,0;0,1", "1, 0; 0, 1;", "1 0\n0 1", "1, 0\n\n0, 1\n", "1 0\r\n0 1", "1 0;\n0 1"],
)
def test_rows_are_multidimensional_steps(text):
    x = parse_numbers(text)
    assert x.shape == (2, 2)
    np.testing.assert_array_equal(x, [[1.0, 0.0], [0.0, 1.0]])


def test_one_value_per_line_is_a_column():
    x = parse_numbers("1\n2\n3")
    assert x.shape == (3, 1)
    np.testing.assert_array_equal(x[:, 0], [1.0, 2.0, 3.0])


def test_single_row_with_trailing_semicolon_is_one_step():
    x = parse_numbers("1 2 3;")
    assert x.shape == (1, 3)
    np.testing.assert_array_equal(x, [[1.0, 2.0, 3.0]])


def test_single_value():
    np.testing.assert_array_equal(parse_numbers("-0.25"), [[-0.25]])


def test_number_forms():
    x = parse_numbers("1.5e-3, -.5, +2., 3E2, -0")
    np.testing.assert_array_equal(x[:, 0], [0.0015, -0.5, 2.0, 300.0, 0.0])


def test_textbook_input():
    np.testing.assert_array_equal(parse_numbers("1, 2"), [[1.0], [2.0]])


# --- parse_numbers: full-width input ------------------------------------------------------


def test_full_width_commas_between_ascii_digits():
    np.testing.assert_array_equal(parse_numbers("1，2，3")[:, 0], [1.0, 2.0, 3.0])


def test_full_width_digits_rows():
    x = parse_numbers("１　２；３　４")
    np.testing.assert_array_equal(x, [[1.0, 2.0], [3.0, 4.0]])


def test_full_width_comma_inside_rows():
    x = parse_numbers("１，０；０，１")
    np.testing.assert_array_equal(x, [[1.0, 0.0], [0.0, 1.0]])


def test_full_width_rows_follow_the_same_rule():
    err = _error(parse_numbers, "１，２；３")
    assert err.step == 2
    assert "step 2" in str(err) and "1 value" in str(err) and "step 1 has 2" in str(err)


def test_full_width_minus_period_and_ideographic_comma():
    x = parse_numbers("－０．５、３、１．２５")
    np.testing.assert_array_equal(x[:, 0], [-0.5, 3.0, 1.25])


def test_ideographic_full_stop_and_math_minus():
    np.testing.assert_array_equal(parse_numbers("0。5 −2")[:, 0], [0.5, -2.0])


def test_full_width_letter_is_reported_in_ascii():
    err = _error(parse_numbers, "1，ａ")
    assert (err.step, err.token) == (2, "a")


# --- parse_numbers: errors ----------------------------------------------------------------


def test_bad_token_names_step_and_token():
    err = _error(parse_numbers, "1, x, 3")
    assert err.step == 2
    assert err.token == "x"
    assert str(err) == 'step 2 (t = 1): "x" is not a number'


def test_bad_token_in_a_row_names_the_component():
    err = _error(parse_numbers, "1 0; 0 abc")
    assert (err.step, err.token) == (2, "abc")
    assert str(err) == 'step 2 (t = 1), value 2: "abc" is not a number'


@pytest.mark.parametrize("token", ["0x10", "1_000", "1e", "--1", "1.2.3", "e5"])
def test_malformed_numbers_are_rejected(token):
    err = _error(parse_numbers, f"1 2 {token}")
    assert (err.step, err.token) == (3, token)
    assert f'"{token}" is not a number' in str(err)


@pytest.mark.parametrize("token", ["inf", "-inf", "nan", "NaN", "Infinity", "1e999"])
def test_non_finite_tokens(token):
    err = _error(parse_numbers, f"1, 2, 3, {token}")
    assert (err.step, err.token) == (4, token)
    assert str(err) == f'step 4 (t = 3): "{token}" is not a finite number'


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", ";", " ; ;\n", ","])
def test_empty_input(text):
    err = _error(parse_numbers, text)
    assert (err.step, err.token) == (None, None)
    assert str(err) == "the sequence is empty"


def test_ragged_rows():
    err = _error(parse_numbers, "1 0; 0 1 2")
    assert err.step == 2 and err.token is None
    assert str(err) == "step 2 (t = 1) has 3 values but step 1 has 2"


def test_ragged_lines_report_the_first_mismatch():
    err = _error(parse_numbers, "1 2\n3 4\n5\n6 7 8")
    assert err.step == 3
    assert str(err) == "step 3 (t = 2) has 1 value but step 1 has 2"


@pytest.mark.parametrize("text", ["1,,3", "1, ,3"])
def test_missing_value_between_commas(text):
    err = _error(parse_numbers, text)
    assert (err.step, err.token) == (2, "")
    assert "step 2" in str(err) and "missing" in str(err)


def test_over_the_limit():
    err = _error(parse_numbers, ", ".join(["1"] * 12_000))
    assert str(err) == "the sequence has 12000 steps; the limit is 10000"
    assert err.step is None


def test_at_the_limit_is_accepted():
    assert parse_numbers(" ".join(["0.5"] * MAX_STEPS)).shape == (MAX_STEPS, 1)


def test_max_steps_override():
    assert parse_numbers("1 2 3", max_steps=3).shape == (3, 1)
    err = _error(parse_numbers, "1 2 3 4", max_steps=3)
    assert str(err) == "the sequence has 4 steps; the limit is 3"


def test_length_is_checked_before_tokens():
    err = _error(parse_numbers, "x " * 20, max_steps=10)
    assert "the limit is 10" in str(err)


@pytest.mark.parametrize("bad", [0, -1, 2.5, True])
def test_invalid_max_steps(bad):
    with pytest.raises(ValueError, match="max_steps"):
        parse_numbers("1", max_steps=bad)


def test_sequence_error_is_a_value_error():
    assert issubclass(SequenceError, ValueError)
    err = SequenceError("msg", 3, "tok")
    assert (str(err), err.step, err.token) == ("msg", 3, "tok")


def test_control_characters_in_a_token_are_escaped():
    err = _error(parse_numbers, "1, 2\x07")
    assert (err.step, err.token) == (2, "2\x07")
    assert '"2\\x07" is not a number' in str(err)


def test_line_separator_u2028_splits_steps_like_a_newline():
    np.testing.assert_array_equal(parse_numbers("1 2\u20283 4"), [[1.0, 2.0], [3.0, 4.0]])


def test_long_token_is_shortened_in_the_message_but_kept_whole():
    long_token = "y" * 500
    err = _error(parse_numbers, f"1, {long_token}")
    assert err.token == long_token
    assert len(str(err)) < 80 and "…" in str(err)


def test_non_str_input_is_a_type_error():
    with pytest.raises(TypeError, match="str"):
        parse_numbers(None)  # type: ignore[arg-type]


# --- parse_text ----------------------------------------------------------------------------


def test_text_one_hot_with_default_vocabulary():
    x, vocabulary = parse_text("hello")
    assert vocabulary == "ehlo"
    assert x.shape == (5, 4) and x.dtype == np.float64
    expected = np.array(
        [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1]], dtype=float
    )
    np.testing.assert_array_equal(x, expected)


def test_text_one_hot_rows_sum_to_one_and_decode_back():
    text = "深度学习 RNN 学习"
    x, vocabulary = parse_text(text)
    np.testing.assert_array_equal(x.sum(axis=1), np.ones(len(text)))
    assert "".join(vocabulary[k] for k in x.argmax(axis=1)) == text


def test_text_with_given_vocabulary_uses_its_column_order():
    x, vocabulary = parse_text("ba", vocabulary="abc")
    assert vocabulary == "abc"
    np.testing.assert_array_equal(x, [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])


def test_text_character_outside_vocabulary():
    err = _error(parse_text, "abxa", vocabulary="ab")
    assert (err.step, err.token) == (3, "x")
    assert str(err) == 'step 3 (t = 2): "x" is not in the vocabulary "ab"'


def test_text_newline_outside_vocabulary_stays_one_line():
    err = _error(parse_text, "a\nb", vocabulary="ab")
    assert (err.step, err.token) == (2, "\n")
    assert '"\\n"' in str(err)


def test_text_unicode_line_separator_outside_vocabulary_stays_one_line():
    err = _error(parse_text, "a\u2028", vocabulary="a")
    assert (err.step, err.token) == (2, "\u2028")


def test_text_is_literal_spaces_count():
    x, vocabulary = parse_text("a a")
    assert vocabulary == " a"
    np.testing.assert_array_equal(x.argmax(axis=1), [1, 0, 1])


def test_text_empty_and_too_long():
    assert str(_error(parse_text, "")) == "the sequence is empty"
    err = _error(parse_text, "abcd", max_steps=3)
    assert str(err) == "the sequence has 4 steps; the limit is 3"


def test_text_bad_vocabulary():
    assert "empty" in str(_error(parse_text, "a", vocabulary=""))
    err = _error(parse_text, "a", vocabulary="aba")
    assert err.token == "a" and "twice" in str(err)


# --- parse_classes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["0, 2, 1", "0 2 1", "0\n2\n1", "0; 2; 1", "０，２，１", "0, 2.0, 1"]
)
def test_classes(text):
    k = parse_classes(text, 3)
    assert k.dtype == np.int64 and k.shape == (3,)
    np.testing.assert_array_equal(k, [0, 2, 1])


def test_class_out_of_range():
    err = _error(parse_classes, "0, 1, 3", 3)
    assert (err.step, err.token) == (3, "3")
    assert "step 3 (t = 2)" in str(err) and '"3"' in str(err) and "0 to 2" in str(err)


def test_negative_class():
    err = _error(parse_classes, "-1", 2)
    assert (err.step, err.token) == (1, "-1")


def test_class_not_whole():
    err = _error(parse_classes, "0 1.5", 3)
    assert (err.step, err.token) == (2, "1.5")
    assert "not a whole number" in str(err)


def test_class_not_a_number():
    err = _error(parse_classes, "0 1 cat", 3)
    assert (err.step, err.token) == (3, "cat")


def test_class_step_with_two_values():
    err = _error(parse_classes, "0; 1 2", 3)
    assert err.step == 2 and "2 values" in str(err)


def test_classes_empty_and_too_long():
    assert str(_error(parse_classes, " ", 2)) == "the sequence is empty"
    assert "limit is 2" in str(_error(parse_classes, "0 1 0", 2, max_steps=2))


@pytest.mark.parametrize("bad", [0, -3, 2.0, True])
def test_classes_bad_num_classes(bad):
    with pytest.raises(ValueError, match="num_classes"):
        parse_classes("0", bad)


# --- format_numbers ------------------------------------------------------------------------


def test_format_column():
    assert format_numbers(np.array([[1.0], [2.0], [0.5]])) == "1, 2, 0.5"


def test_format_rows():
    assert format_numbers(np.eye(2)) == "1 0; 0 1"


def test_format_one_dimensional_input_is_a_column():
    assert format_numbers(np.array([1.0, -2.5])) == "1, -2.5"


def test_format_rounds_and_never_writes_minus_zero():
    assert format_numbers(np.array([[1.23456], [-0.00001]]), digits=4) == "1.2346, 0"
    assert format_numbers(np.array([[2.75]]), digits=0) == "3"


def test_huge_values_are_written_with_an_exponent_and_read_back_exactly():
    """1e308 in fixed notation is 309 digits: a length change to 10,000 steps of it made a
    1.6 MB input that froze the editor for 2 s (chaos run, seed 42)."""
    x = np.array([[1e308], [-2.5e20], [1.0000000000000001e15], [123.456], [9.99e14]])
    text = format_numbers(x, digits=4)
    assert text == "1e+308, -2.5e+20, 1000000000000000.1, 123.456, 999000000000000"
    np.testing.assert_array_equal(parse_numbers(text)[:3], x[:3])
    assert max(len(token) for token in text.split(", ")) <= 24


def test_format_single_multidimensional_step_round_trips():
    x = np.array([[1.0, 2.0, 3.0]])
    assert format_numbers(x) == "1 2 3;"
    np.testing.assert_array_equal(parse_numbers(format_numbers(x)), x)


@pytest.mark.parametrize("shape", [(1, 1), (7, 1), (5, 3), (1, 4)])
def test_format_parse_round_trip(shape):
    x = np.random.default_rng(3).normal(scale=10.0, size=shape)
    for digits in (0, 2, 6):
        back = parse_numbers(format_numbers(x, digits))
        assert back.shape == x.shape
        np.testing.assert_allclose(back, x, rtol=0, atol=0.5 * 10.0**-digits + 1e-12)


def test_format_generator_output_round_trips():
    x = sine(50, period=7.0)
    np.testing.assert_allclose(parse_numbers(format_numbers(x)), x, atol=5e-5)


@pytest.mark.parametrize(
    "x", [np.array([[np.nan]]), np.array([[np.inf], [1.0]]), np.zeros((0, 1)), np.zeros((2, 2, 2))]
)
def test_format_rejects_untypeable_arrays(x):
    with pytest.raises(ValueError):
        format_numbers(x)


# --- generators ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GENERATORS))
@pytest.mark.parametrize("T", [1, 13, MAX_STEPS])
def test_generator_shapes(name, T):
    x = GENERATORS[name](T)
    assert x.shape == (T, 1)
    assert x.dtype == np.float64
    assert np.all(np.isfinite(x))


def test_generator_table():
    assert set(GENERATORS) == {"sine", "square", "impulse", "step", "noise"}
    assert GENERATORS["step"] is step_signal


def test_sine_values():
    x = sine(5, period=4.0, amplitude=2.0, phase=0.0)
    np.testing.assert_allclose(x[:, 0], [0.0, 2.0, 0.0, -2.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(sine(3, period=4.0, phase=np.pi / 2)[:, 0], [1, 0, -1], atol=1e-12)


def test_square_values():
    np.testing.assert_array_equal(
        square(8, period=4.0, amplitude=3.0)[:, 0], [3, 3, -3, -3, 3, 3, -3, -3]
    )


def test_impulse_and_step_values():
    np.testing.assert_array_equal(impulse(5, at=2, amplitude=4.0)[:, 0], [0, 0, 4, 0, 0])
    np.testing.assert_array_equal(step_signal(5, at=2, amplitude=-1.0)[:, 0], [0, 0, -1, -1, -1])
    np.testing.assert_array_equal(impulse(3)[:, 0], [1, 0, 0])


def test_noise_is_seeded_and_in_range():
    a = noise(200, low=-0.5, high=2.0, seed=7)
    np.testing.assert_array_equal(a, noise(200, low=-0.5, high=2.0, seed=7))
    assert not np.array_equal(a, noise(200, low=-0.5, high=2.0, seed=8))
    assert a.min() >= -0.5 and a.max() < 2.0
    expected = np.random.default_rng(7).uniform(-0.5, 2.0, size=(200, 1))
    np.testing.assert_array_equal(a, expected)


@pytest.mark.parametrize(
    ("func", "kwargs", "name"),
    [
        (sine, {"T": 0}, "T"),
        (sine, {"T": MAX_STEPS + 1}, "T"),
        (sine, {"T": 2.0}, "T"),
        (sine, {"T": True}, "T"),
        (sine, {"T": 5, "period": 0.0}, "period"),
        (sine, {"T": 5, "period": -2.0}, "period"),
        (sine, {"T": 5, "amplitude": np.nan}, "amplitude"),
        (sine, {"T": 5, "phase": np.inf}, "phase"),
        (sine, {"T": 5, "amplitude": 10**400}, "amplitude"),
        (square, {"T": 5, "period": np.inf}, "period"),
        (square, {"T": 5, "amplitude": "1"}, "amplitude"),
        (impulse, {"T": 5, "at": 5}, "at"),
        (impulse, {"T": 5, "at": -1}, "at"),
        (step_signal, {"T": 5, "at": 1.5}, "at"),
        (step_signal, {"T": 5, "amplitude": np.inf}, "amplitude"),
        (noise, {"T": 5, "low": 1.0, "high": 1.0}, "low"),
        (noise, {"T": 5, "high": np.nan}, "high"),
        (noise, {"T": 5, "seed": -1}, "seed"),
        (noise, {"T": 5, "seed": 1.5}, "seed"),
        (noise, {"T": -3}, "T"),
    ],
)
def test_generator_argument_errors_name_the_argument(func, kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} must"):
        func(**kwargs)


def test_generators_accept_numpy_integers():
    assert impulse(np.int64(4), at=np.int32(1)).shape == (4, 1)
    np.testing.assert_array_equal(noise(3, seed=np.int64(2)), noise(3, seed=2))


def test_a_sequence_of_too_many_numbers_is_refused_before_parsing_them():
    """10,000 steps of 11 values (110,000 numbers) are refused, naming how many steps fit;
    a text longer than any such sequence is refused before it is split."""
    import time

    from visualrnn.engine.limits import MAX_TYPED_CHARS, MAX_TYPED_VALUES
    from visualrnn.engine.sequences import SequenceError, parse_numbers

    row = " ".join(["1"] * 11)
    with pytest.raises(SequenceError, match="110,000 numbers.*at most 9,090 steps"):
        parse_numbers("; ".join([row] * 10_000))
    assert parse_numbers("; ".join([" ".join(["1"] * 10)] * 10_000)).size == MAX_TYPED_VALUES
    start = time.perf_counter()
    with pytest.raises(SequenceError, match="characters"):
        parse_numbers("1, " * (MAX_TYPED_CHARS // 3 + 1))
    assert time.perf_counter() - start < 0.1
