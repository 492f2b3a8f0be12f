"""The fast exact-short-form path of format_number against its definition."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from visualrnn.ui.common.number_format import _short, _short_by_rounding, format_number


def reference(v: float, digits: int, min_decimals: int) -> str | None:
    """The definition: the fewest decimals d (min_decimals ≤ d < digits) at which ``v``
    rounds to itself within 1e-9 relatively; None if none, or if ``v`` is out of range."""
    a = abs(v)
    if a >= 10**digits or (v != 0 and a < 10 ** (-digits)):
        return None
    return _short_by_rounding(v, digits, min_decimals, 1e-9 * max(1.0, a))


finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e7, max_value=1e7)
rounded = st.builds(round, finite, st.integers(0, 6))
nudged = st.builds(lambda v, e: v + e * max(1.0, abs(v)), rounded, st.sampled_from([1e-12, -3e-10]))


@settings(max_examples=3000, deadline=None)
@given(st.one_of(finite, rounded, nudged), st.integers(2, 6), st.integers(0, 2))
def test_short_form_matches_its_definition(v, digits, min_decimals):
    assert _short(v, digits, min_decimals) == reference(v, digits, min_decimals)


def test_textbook_examples():
    assert format_number(0.85973818) == "0.860"
    assert format_number(0.6000000000000001) == "0.6"
    assert format_number(1.0, 3, 1) == "1.0"
    assert format_number(-0.5) == "\u22120.5"
    assert format_number(99999.999996, 6) == "100000"
    assert format_number(math.inf) == "overflow"


def test_in_chinese_an_overflowed_node_of_the_network_reads_the_textbook_word(qtbot):
    """The network's boxes abbreviate "overflow" as "ovf" in English and write 溢出 in
    Chinese (the word the table, the equations and the colour key use)."""
    from PySide6.QtWidgets import QApplication

    from visualrnn.ui.common.painting import short_number
    from visualrnn.ui.shell.language import install_translators

    assert short_number(float("inf"), 3) == "ovf"
    install_translators(QApplication.instance(), "zh_CN")
    try:
        assert short_number(float("nan"), 3) == "溢出"
    finally:
        install_translators(QApplication.instance(), "en")
