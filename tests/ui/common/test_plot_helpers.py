"""Pure display mappings of the heatmaps and the gradient plot."""

import numpy as np
import pytest

from visualrnn.ui.common import plot_helpers as ph


def test_log_safe_splits_zero_and_overflow():
    shown, vanished, overflow = ph.log_safe(np.array([1.0, 0.0, np.inf, np.nan, 1e-300]))
    assert np.isnan(shown[[1, 2, 3]]).all()
    assert shown[0] == 1.0 and shown[4] == 1e-300
    assert vanished.tolist() == [False, True, False, False, False]
    assert overflow.tolist() == [False, False, True, True, False]


def test_log_range_covers_values_and_defaults_when_nothing_is_drawable():
    lo, hi = ph.log_range([np.array([1e-5, 1e3])])
    assert lo < -5 and hi > 3
    assert ph.log_range([np.array([np.nan, np.nan])]) == (-1.0, 1.0)
    lo, hi = ph.log_range([np.array([0.5, 0.5])])
    assert hi - lo >= 2.0


def test_reference_line_has_slope_rho_and_never_overflows():
    ref = ph.reference_line(np.array([1.0, 1.0, 2.0]), 0.5)
    assert np.allclose(ref, [0.5, 1.0, 2.0])
    huge = ph.reference_line(np.ones(1000), 10.0)
    assert np.isnan(huge[0]) and huge[-1] == 1.0 and not np.isinf(huge).any()
    assert np.isnan(ph.reference_line(np.array([1.0, np.inf]), 0.5)).all()


def test_chunk_boundaries_and_segments():
    assert ph.chunk_boundaries(100, 20).tolist() == [20, 40, 60, 80]
    assert ph.chunk_boundaries(100, None).size == 0
    assert ph.chunk_boundaries(10, 20).size == 0
    x, y = ph.boundary_segments(np.array([20, 40]), 1e-3, 1e3)
    assert x.tolist() == [19.5, 19.5, 39.5, 39.5]
    assert y.tolist() == [1e-3, 1e3, 1e-3, 1e3]


def test_symmetric_level_ignores_overflow_and_is_capped():
    assert ph.symmetric_level(np.array([0.1, -0.2])) == 1.0
    assert ph.symmetric_level(np.array([3.0, -7.0, np.inf])) == 7.0
    assert ph.symmetric_level(np.array([1e200])) == ph.LINEAR_LIMIT


def test_image_for_display_keeps_finite_arrays_and_masks_overflow():
    a = np.array([[0.1, 0.9]])
    shown, mask = ph.image_for_display(a, 0.0, 1.0)
    assert shown is a and mask is None
    b = np.array([[np.inf, 5.0, np.nan]])
    shown, mask = ph.image_for_display(b, -1.0, 1.0)
    assert shown.tolist() == [[0.0, 1.0, 0.0]]
    assert mask.tolist() == [[True, False, True]]


def test_saturation_share():
    gate = np.array([0.01, 0.5, 0.99, 0.96])
    assert ph.saturation_share(gate) == pytest.approx(0.75)
    assert ph.saturation_share(np.array([-0.99, 0.0]), signed=True) == pytest.approx(0.5)
    assert ph.saturation_share(np.array([np.nan])) is None


def test_decades_change_and_ticks():
    assert ph.decades_change(np.array([1e-5, 1.0, 1.0])) == pytest.approx(-5.0)
    assert ph.decades_change(np.array([0.0, 1.0])) is None
    ticks = ph.decade_ticks(-31.0, 0.2)
    assert ticks[-1] == (0.0, "1")
    assert all(float(v).is_integer() for v, _ in ticks)
    assert ph.decade_ticks(-3.2, -2.5) == [(-3.0, "10⁻³")]


def test_integer_tick_spacing_and_number_format():
    assert ph.integer_tick_spacing(2) == 1
    assert ph.integer_tick_spacing(100) == 20
    assert ph.format_number(float("inf")) == "inf"
    assert ph.format_number(float("nan")) == "NaN"
    assert ph.format_number(0.5) == "0.5"
    assert ph.format_number(4.4e-32) == "4.4·10⁻³²"  # like the log axis labels
    assert ph.format_number(-0.439) == "\u22120.439"  # a real minus sign, as in the network
    assert ph.format_number(-8.3e11) == "\u22128.3·10¹¹"
    assert ph.format_number(1234.4) == "1234" and "e" not in ph.format_number(2.6e9)
    assert ph.format_factor(-31.36) == "4.4·10⁻³²"
    assert ph.format_factor(-400.3) == "5.0·10⁻⁴⁰¹"  # beyond float64, still readable
    assert ph.linear_safe(np.array([1.0, np.inf, 1e20]))[0] == 1.0
    assert np.isnan(ph.linear_safe(np.array([1.0, np.inf, 1e20]))[1:]).all()


def test_sticky_range_keeps_a_range_that_still_fits_snugly():
    assert ph.sticky_range(None, (-30.0, 0.0)) == (-30.0, 0.0)
    # a drag frame later the curve spans one decade less: the axis stays put
    assert ph.sticky_range((-30.0, 0.0), (-29.0, 0.0)) == (-30.0, 0.0)
    # the curve leaves the range: follow it
    assert ph.sticky_range((-30.0, 0.0), (-31.0, 0.0)) == (-31.0, 0.0)
    # far too loose (more than 15 % of the span, at least one decade, to spare): shrink
    assert ph.sticky_range((-30.0, 0.0), (-20.0, 0.0)) == (-20.0, 0.0)
    assert ph.sticky_range((-3.0, 0.0), (-2.0, 0.0)) == (-3.0, 0.0)
    assert ph.sticky_range((-4.0, 0.0), (-2.0, 0.0)) == (-2.0, 0.0)


def test_decade_ticks_label_the_top_decade_and_follow_the_room():
    ticks = ph.decade_ticks(-22.0, -1.3, count=8)
    assert ticks[-1] == (-2.0, "10⁻²")  # the LSTM / GRU level near the top can be read
    assert len(ph.decade_ticks(-30.0, 0.0, count=ph.tick_count(90))) <= 3
    assert ph.tick_count(1000) == 8 and ph.tick_count(10) == 2


def test_chunks_gaps_and_per_chunk_changes():
    assert ph.chunks(100, 20)[-1] == (80, 99) and ph.chunks(5, None) == [(0, 4)]
    x, y = ph.with_gaps(np.arange(6.0), np.array([2, 4]))
    assert x.tolist()[:4] == [0.0, 1.0, 1.5, 2.0] and np.isnan(y[[2, 5]]).all()
    values = np.array([100.0, 10.0, 1.0, 0.0, 0.0, 0.0])
    assert ph.chunk_changes(values, 3) == [pytest.approx(2.0), None]
    ref = ph.reference_line(np.ones(6), 2.0, start=3)
    assert np.isnan(ref[:3]).all() and ref[3] == pytest.approx(4.0)


def test_step_ticks_always_show_the_first_and_last_step():
    """A narrow heatmap showed a lone "50": the step axis now always spans 0 … T − 1."""
    from visualrnn.ui.common.plot_helpers import step_ticks

    narrow = step_ticks(100, pixels=110, spacing=45)
    assert [label for _, label in narrow] == ["0", "99"]
    wide = step_ticks(100, pixels=600, spacing=45)
    assert wide[0] == (0.0, "0") and wide[-1] == (99.0, "99") and len(wide) >= 5
    assert step_ticks(1, pixels=300, spacing=45) == [(0.0, "0")]
    assert [label for _, label in step_ticks(12, pixels=600, spacing=45)][-1] == "11"


def test_a_narrow_heatmap_labels_its_first_and_last_step(qtbot):
    from visualrnn.session import LessonSession
    from visualrnn.ui.heatmaps.heatmap_view import StateHeatmapView

    session = LessonSession()
    session.generate_input("sine", T=100, period=25.0)
    session.update(cell="lstm", hidden_size=4, model_source="init")
    view = StateHeatmapView(session)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    view.settle()
    qtbot.wait(50)
    ticks = view.grid.slots[0].plot.getAxis("bottom")._tickLevels[0]
    assert ticks[0] == (0.0, "0") and ticks[-1] == (99.0, "99")


def test_mantissa_ticks_fill_a_log_axis_that_shows_one_decade():
    """10^-2.7 … 10^-1.2 holds one whole decade (10⁻²): 2·10⁻³, 5·10⁻³, 2·10⁻², 5·10⁻²
    give the reader values beside it; near 1 the labels are plain numbers."""
    assert ph.mantissa_ticks(-2.7, -1.2) == [
        (pytest.approx(-3 + np.log10(2)), "2·10⁻³"),
        (pytest.approx(-3 + np.log10(5)), "5·10⁻³"),
        (pytest.approx(-2 + np.log10(2)), "2·10⁻²"),
        (pytest.approx(-2 + np.log10(5)), "5·10⁻²"),
    ]
    assert [label for _, label in ph.mantissa_ticks(-0.1, 1.0)] == ["2", "5"]


def test_a_log_axis_under_a_decade_gets_ticks_inside_it():
    """0.015 … 0.07 (a race's loss after a while): 2·10⁻², 5·10⁻² sit inside, away from the
    ends where pyqtgraph drops a gridded axis's label; 0.031 … 0.047 holds no 1-2-5 value:
    two values at the insets."""
    lo, hi = np.log10(0.015), np.log10(0.07)
    assert [label for _, label in ph.narrow_log_ticks(lo, hi)] == ["2·10⁻²", "5·10⁻²"]
    ticks = ph.narrow_log_ticks(np.log10(0.031), np.log10(0.047))
    assert [label for _, label in ticks] == ["0.033", "0.044"]
    span = np.log10(0.047) - np.log10(0.031)
    assert ticks[0][0] == pytest.approx(np.log10(0.031) + 0.15 * span)
