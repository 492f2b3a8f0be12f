"""The heatmaps of every cell type come from the engine's cell description and the trace:
one image per gate and state, in the engine's order, with its own levels and textbook name."""

from __future__ import annotations

import numpy as np
import pytest

from visualrnn.engine.cellspec import CELL_SPECS
from visualrnn.session import LessonConfig, build_lesson
from visualrnn.ui.common.cell_text import quantity_name, quantity_values
from visualrnn.ui.common.color_scales import value_scales
from visualrnn.ui.heatmaps import state_quantities as sq


def _trace(cell: str, activation: str = "tanh", T: int = 12, H: int = 3):
    text = ", ".join(["0.7", "-1.3", "2"] * (T // 3))
    config = LessonConfig(
        cell=cell, hidden_size=H, activation=activation, model_source="init", input_text=text
    )
    return build_lesson(config).trace


@pytest.mark.parametrize("cell", list(CELL_SPECS))
def test_every_heatmap_of_a_cell_is_a_trace_array_with_its_own_levels(qapp, cell):
    trace = _trace(cell)
    quantities = sq.quantities(cell)
    assert [q.name for q in quantities] == list(CELL_SPECS[cell].keys)
    for q in quantities:
        values = sq.quantity_array(trace, q.name)
        assert values.shape == (trace.T, trace.H)
        lo, hi = sq.levels(q, values)
        if q.kind == "gate":
            assert (lo, hi) == (0.0, 1.0) and values.min() >= 0 and values.max() <= 1
        elif q.kind == "tanh":
            assert (lo, hi) == (-1.0, 1.0) and np.abs(values).max() <= 1
        else:  # unbounded: ± the rounded 99th percentile, covering the data
            assert lo == -hi and hi >= np.percentile(np.abs(values), 99)
    assert sq.columns(cell) * 2 >= len(quantities)  # two rows at most


def test_a_relu_rnn_has_an_unbounded_h_and_a_tanh_one_a_bounded_h(qapp):
    h = next(q for q in sq.quantities("rnn") if q.name == "h")
    assert h.kind_for("tanh") == "tanh" and h.kind_for("relu") == "free"
    assert value_scales(_trace("rnn", "tanh"))["h"].vmax <= 1.0


def test_the_1997_lstm_has_a_cell_state_and_no_forget_gate(qapp):
    trace = _trace("lstm_nofg")
    keys = [q.name for q in sq.quantities("lstm_nofg")]
    assert "f" not in keys and "c" in keys
    assert "c" in value_scales(trace)
    np.testing.assert_allclose(quantity_values(trace, "c")[0], trace.c[0])
    # c_t = c_{t−1} + i ⊙ z: the constant error carousel, step by step
    i, z = trace.gates["i"], trace.gates["z"]
    np.testing.assert_allclose(trace.c[1:] - trace.c[:-1], i[1:] * z[1:], atol=1e-12)


def test_names_come_from_the_description_in_the_textbook_terms(qapp):
    f = CELL_SPECS["lstm"].quantity("f")
    assert quantity_name(f) == "forget gate f (遗忘门)"
    assert sq.title(sq.Quantity(f, CELL_SPECS["lstm"]), short=True) == "f (forget gate)"
