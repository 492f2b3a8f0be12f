"""Colour scales: a log scale for values spanning many decades, a range for any value."""

from __future__ import annotations

import numpy as np
import pytest

from visualrnn.ui.common.color_scales import Scale, log_range, nice_ceiling, percentile_range


def test_colour_scales_switch_to_log_for_values_spanning_many_decades(qapp):
    assert not Scale(1.0).log
    assert Scale(1e5, 1e-2).log
    assert log_range([1e-3, 1e2, 0.0, np.inf]) == pytest.approx((-3.0, 2.0))
    assert log_range([0.0, np.nan]) == (-1.0, 0.0)  # nothing finite: a fixed span


def test_a_subnormal_value_gets_a_range_instead_of_an_error(qapp):
    assert 0 < nice_ceiling(5e-324) < 1e-300  # 10**floor(log10(5e-324)) underflows to 0
    assert nice_ceiling(0.37) == 0.5 and nice_ceiling(3.0) == 3.0
    assert percentile_range([5e-324, 0.0]) > 0
