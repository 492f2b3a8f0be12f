"""Input sequences: parse what a student types, format arrays back, and seeded generators.

Numbers (``parse_numbers``) follow one rule:

- **Rows.** If the text contains ``;`` or more than one non-empty line, every ``;``-separated
  piece of every line is one step, and its components are separated by commas and/or
  whitespace: ``1 0; 0 1`` and ``"1, 0\\n0, 1"`` are both x: (2, 2). One value per line,
  ``"1\\n2\\n3"``, is x: (3, 1).
- **One line.** Otherwise the single line's comma- and/or whitespace-separated values are one
  value per step: ``1, 2, 0.5`` and ``1 2 0.5`` are both x: (3, 1).

Empty steps (blank lines, a trailing ``;``) are skipped, and one trailing comma at the end of
a step is ignored; a value missing between two commas is an error. Full-width characters
typed with a Chinese input method (``１，２；３``, ``－０．５``, the ideographic comma ``、``,
the ideographic space, ``。`` as the decimal point) and the minus sign ``−`` are mapped to
their ASCII forms first. Steps are counted from 1 in messages and shown with the textbook's
time index, t = step − 1: ``step 3 (t = 2): "abc" is not a number``.

Text (``parse_text``) is taken literally, one character per step (spaces included), and
one-hot encoded over a vocabulary. Class targets (``parse_classes``) use the number rule
with one whole number per step.
"""

from __future__ import annotations

import math
import re

import numpy as np

#: MAX_STEPS: the longest sequence the parsers and generators accept; MAX_FEATURES: the most
#: values per step (and characters in a text's vocabulary).
from .limits import MAX_FEATURES, MAX_STEPS, MAX_TYPED_CHARS, MAX_TYPED_VALUES

#: Full-width forms U+FF01–U+FF5E → ASCII, plus the ideographic space, comma and full stop,
#: the half-width ideographic comma and the minus sign U+2212.
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDE.update({0x3000: " ", 0x3001: ",", 0xFF64: ",", 0x3002: ".", 0x2212: "-"})

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*,\s*|\s+")


class SequenceError(ValueError):
    """A typed sequence that cannot be parsed.

    Attributes
    ----------
    step : int or None
        1-based position of the offending step (t = step − 1), or None if no single step
        is at fault (empty input, too long).
    token : str or None
        The offending text after full-width normalisation, or None.
    """

    def __init__(self, message: str, step: int | None = None, token: str | None = None):
        super().__init__(message)
        self.step = step
        self.token = token


def normalize(text: str) -> str:
    """Map full-width digits and punctuation (Chinese input methods) to ASCII."""
    _check_str(text)
    return text.translate(_WIDE)


def parse_numbers(text: str, *, max_steps: int = MAX_STEPS) -> np.ndarray:
    """Parse typed numbers into an input sequence.

    Parameters
    ----------
    text : str
        ``1, 2, 0.5`` (one value per step) or ``1 0; 0 1`` / one row per line (rows).
    max_steps : int
        Longest accepted sequence.

    Returns
    -------
    x : ndarray, shape (T, I), float64

    Raises
    ------
    SequenceError
        Empty input, too many steps, more than ``MAX_FEATURES`` values per step, ragged
        rows, a token that is not a finite number.
    """
    if isinstance(text, str) and len(text) > MAX_TYPED_CHARS:
        raise SequenceError(
            f"the text has {len(text):,} characters; a sequence may have at most "
            f"{MAX_TYPED_CHARS:,}"
        )
    rows = _steps(text, max_steps)
    width = len(rows[0])
    if width > MAX_FEATURES:
        raise SequenceError(f"{_at(1)} has {width:,} values; the limit is {MAX_FEATURES:,}", 1)
    check_typed_values(len(rows), width)
    x = np.empty((len(rows), width), dtype=np.float64)
    for step, row in enumerate(rows, start=1):
        if len(row) != width:
            raise SequenceError(
                f"{_at(step)} has {_values_word(len(row))} but step 1 has {width}", step
            )
        x[step - 1] = [_number(tok, step, k if width > 1 else None) for k, tok in enumerate(row)]
    return x


def parse_text(
    text: str, vocabulary: str | None = None, *, max_steps: int = MAX_STEPS
) -> tuple[np.ndarray, str]:
    """One-hot encode a text, one character per step.

    Parameters
    ----------
    text : str
        Taken literally: every character, spaces included, is one step.
    vocabulary : str, optional
        The V distinct characters, in column order. Default: the sorted unique characters
        of ``text``.
    max_steps : int
        Longest accepted sequence.

    Returns
    -------
    x : ndarray, shape (T, V), float64
        ``x[t, k] = 1`` where ``text[t] == vocabulary[k]``, else 0.
    vocabulary : str

    Raises
    ------
    SequenceError
        Empty or too long a text, more than ``MAX_FEATURES`` distinct characters, a
        character outside the given vocabulary.
    """
    _check_str(text)
    _check_max_steps(max_steps)
    _check_length(len(text), max_steps)
    vocabulary = "".join(sorted(set(text))) if vocabulary is None else vocabulary
    if len(vocabulary) > MAX_FEATURES:
        raise SequenceError(
            f"the vocabulary has {len(vocabulary):,} characters; the limit is {MAX_FEATURES:,}"
        )
    column = _vocabulary_index(vocabulary)
    for step, ch in enumerate(text, start=1):
        if ch not in column:
            message = f"{_at(step)}: {_show(ch)} is not in the vocabulary {_show(vocabulary)}"
            raise SequenceError(message, step, ch)
    x = np.zeros((len(text), len(vocabulary)), dtype=np.float64)
    x[np.arange(len(text)), [column[ch] for ch in text]] = 1.0
    return x, vocabulary


def parse_classes(text: str, num_classes: int, *, max_steps: int = MAX_STEPS) -> np.ndarray:
    """Parse cross-entropy targets: one whole number k per step, 0 ≤ k < num_classes.

    Parameters
    ----------
    text : str
        ``0, 2, 1`` or ``0 2 1`` or one class per line or per ``;``.
    num_classes : int
        O, the number of classes (outputs).
    max_steps : int
        Longest accepted sequence.

    Returns
    -------
    k : ndarray, shape (T,), int64
    """
    if not _is_int(num_classes) or num_classes < 1:
        raise ValueError(f"num_classes must be a whole number ≥ 1, got {num_classes!r}")
    rows = _steps(text, max_steps)
    k = [_class(row, step, num_classes) for step, row in enumerate(rows, start=1)]
    return np.array(k, dtype=np.int64)


def check_typed_values(T: int, width: int) -> None:
    """Refuse a typed sequence of more than :data:`~.limits.MAX_TYPED_VALUES` numbers."""
    if T * width > MAX_TYPED_VALUES:
        most = max(1, MAX_TYPED_VALUES // width)
        raise SequenceError(
            f"{T:,} steps of {width:,} values are {T * width:,} numbers; a sequence holds at "
            f"most {MAX_TYPED_VALUES:,} (with {width:,} values a step: at most {most:,} steps)"
        )


def format_numbers(x: np.ndarray, digits: int = 4) -> str:
    """Write a sequence as text that ``parse_numbers`` reads back.

    Parameters
    ----------
    x : ndarray, shape (T, I) or (T,)
        Finite values.
    digits : int
        Decimal places; trailing zeros are dropped, so the round trip is exact to
        ½·10^−digits.

    Returns
    -------
    str
        ``1, 2, 0.5`` for I = 1; ``1 0; 0 1`` for I > 1 (a single step ends in ``;``,
        ``1 0;``, so it still reads back as one step).
    """
    x = np.asarray(x, dtype=np.float64)
    x = x[:, None] if x.ndim == 1 else x
    if x.ndim != 2 or x.size == 0:
        raise ValueError(f"x must have shape (T, I) or (T,) with T, I ≥ 1, got {x.shape}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x holds NaN or inf, which cannot be typed back")
    if not _is_int(digits) or digits < 0:
        raise ValueError(f"digits must be a whole number ≥ 0, got {digits!r}")
    rows = [" ".join(_fixed(v, digits) for v in row) for row in x]
    if x.shape[1] == 1:
        return ", ".join(rows)
    return "; ".join(rows) + (";" if len(rows) == 1 else "")


# --- helpers ----------------------------------------------------------------------------


def _at(step: int) -> str:
    return f"step {step} (t = {step - 1})"


def _values_word(n: int) -> str:
    return f"{n} value" if n == 1 else f"{n} values"


def _show(token: str, limit: int = 24) -> str:
    """Quote a token for a one-line message: escape control characters, shorten."""
    short = token if len(token) <= limit else token[:limit] + "…"
    body = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in short)
    return f'"{body}"'


def _steps(text: str, max_steps: int) -> list[list[str]]:
    """Split typed text into steps of value tokens, by the module's rule."""
    _check_max_steps(max_steps)
    text = normalize(text)
    lines = [line for line in text.splitlines() if line.strip()]
    if ";" in text or len(lines) > 1:
        rows = [_values(piece) for line in lines for piece in line.split(";")]
        rows = [row for row in rows if row]
    else:
        rows = [[tok] for tok in _values(text)]
    _check_length(len(rows), max_steps)
    return rows


def _values(piece: str) -> list[str]:
    """Comma- and/or whitespace-separated tokens; one trailing comma is dropped."""
    piece = piece.strip()
    if piece.endswith(","):
        piece = piece[:-1].rstrip()
    return _SEPARATOR.split(piece) if piece else []


def _number(token: str, step: int, component: int | None = None) -> float:
    where = _at(step) if component is None else f"{_at(step)}, value {component + 1}"
    if not token:
        raise SequenceError(f"{where}: a value is missing before a comma", step, token)
    if _NUMBER.fullmatch(token):
        value = float(token)
        if math.isfinite(value):
            return value
    elif not _NON_FINITE.fullmatch(token):
        raise SequenceError(f"{where}: {_show(token)} is not a number", step, token)
    raise SequenceError(f"{where}: {_show(token)} is not a finite number", step, token)


def _class(row: list[str], step: int, num_classes: int) -> int:
    if len(row) != 1:
        message = f"{_at(step)} has {_values_word(len(row))}; a class target is one whole number"
        raise SequenceError(message, step)
    value = _number(row[0], step)
    if value != math.floor(value):
        raise SequenceError(f"{_at(step)}: {_show(row[0])} is not a whole number", step, row[0])
    if not 0 <= value < num_classes:
        message = (
            f"{_at(step)}: class {_show(row[0])} is out of range; "
            f"the classes are 0 to {num_classes - 1}"
        )
        raise SequenceError(message, step, row[0])
    return int(value)


def _vocabulary_index(vocabulary: str) -> dict[str, int]:
    if not isinstance(vocabulary, str) or not vocabulary:
        raise SequenceError("the vocabulary is empty")
    column: dict[str, int] = {}
    for ch in vocabulary:
        if ch in column:
            raise SequenceError(f"the vocabulary lists {_show(ch)} twice", None, ch)
        column[ch] = len(column)
    return column


def _check_length(n: int, max_steps: int) -> None:
    if n == 0:
        raise SequenceError("the sequence is empty")
    if n > max_steps:
        raise SequenceError(f"the sequence has {n} steps; the limit is {max_steps}")


def _is_int(v) -> bool:
    return isinstance(v, int | np.integer) and not isinstance(v, bool)


def _is_real(v) -> bool:
    return isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)


def _check_str(text) -> None:
    if not isinstance(text, str):
        raise TypeError(f"the sequence must be a str, got {type(text).__name__}")


def _check_max_steps(max_steps: int) -> None:
    if not _is_int(max_steps) or max_steps < 1:
        raise ValueError(f"max_steps must be a whole number ≥ 1, got {max_steps!r}")


#: From this magnitude on a value is written in exponent form: float64 holds no decimals
#: there, and 1e308 in fixed notation is 309 digits (10,000 of them made a 1.6 MB input).
EXPONENT_FROM = 1e15


def _fixed(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals, trailing zeros dropped, never ``-0``; from
    :data:`EXPONENT_FROM` on the shortest form that reads back exactly (``1e+308``)."""
    if abs(value) >= EXPONENT_FROM:
        return repr(float(value))
    s = f"{value:.{digits}f}"
    s = s.rstrip("0").rstrip(".") if "." in s else s
    return "0" if s in ("-0", "") else s
