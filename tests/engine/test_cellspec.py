"""The cell descriptions agree with what the engine computes, for every registered cell."""

import re

import numpy as np
import pytest

from visualrnn.engine import (
    CELL_SPECS,
    CELLS,
    GATE_BLOCKS,
    GATE_NAMES,
    CellSpec,
    backward,
    cell_spec,
    forward,
    init_model,
    run,
    sigmoid,
    weights,
)
from visualrnn.engine.cell_diagrams import Diagram, diagram
from visualrnn.engine.cellspec import CONTEXT_SYMBOLS, general_form, placeholders, substitute

SPECS = list(CELL_SPECS.values())
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def _result(spec: CellSpec, activation="tanh", T=5, H=3):
    model = init_model(spec.key, 2, H, 2, seed=3, activation=activation)
    return run(model, np.random.default_rng(5).normal(size=(T, 2)))


def test_registry_order_and_engine_tables_are_views_of_it():
    assert list(CELL_SPECS) == ["rnn", "lstm", "gru", "lstm_nofg"]
    assert tuple(CELL_SPECS) == CELLS
    for key, spec in CELL_SPECS.items():
        assert spec.key == key and cell_spec(key) is spec
        assert GATE_BLOCKS[key] == spec.blocks
        assert GATE_NAMES[key] == tuple(q.key for q in spec.gates())


def test_every_engine_dispatch_table_has_every_cell():
    for table in (forward._RUNNERS, backward._BACKWARDS, weights.SAVE_PREFIX):
        assert set(table) == set(CELL_SPECS)


@pytest.mark.parametrize("bad", ["lstm2", "", None, "LSTM"])
def test_unknown_cell_names_the_choices(bad):
    with pytest.raises(ValueError, match="rnn, lstm, gru, lstm_nofg"):
        cell_spec(bad)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_every_quantity_is_in_the_trace_with_shape_T_H(spec):
    res = _result(spec)
    step = res.trace.step(2)
    for q in spec.quantities:
        assert step[q.key].shape == (3,), q.key
    assert set(res.trace.gates) == {q.key for q in spec.gates()}
    assert spec.keys[-1] == "h"  # the states come last, h the very last
    assert (res.trace.c is not None) == ("c" in spec.keys)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_blocks_match_the_weight_layout(spec):
    model = init_model(spec.key, 2, 3, 1)
    assert model.params["weight_ih_l0"].shape == (spec.gate_count * 3, 2)
    assert model.params["weight_hh_l0"].shape == (spec.gate_count * 3, 3)
    for k, block in enumerate(spec.blocks):
        assert spec.block_index(block) == k
        np.testing.assert_array_equal(
            model.block("weight_hh_l0", block), model.params["weight_hh_l0"][3 * k : 3 * k + 3]
        )
    gates = [q.key for q in spec.gates()]
    assert gates == [b for b in spec.blocks if b != "a"]  # the gates in engine order


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_templates_reference_only_what_a_step_record_holds(spec):
    step = _result(spec).trace.step(1)
    allowed = set(step) | {"hx", "phi"}
    for q in spec.quantities:
        names = set(placeholders(q.equation))
        assert names <= allowed, (q.key, names - allowed)
        assert "phi" not in names or spec.has_activation_choice


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_memory_fields_are_consistent(spec):
    res = _result(spec)
    assert (res.grads.dc is not None) == (spec.memory_state == "c")
    if spec.memory_state is not None:
        assert spec.quantity(spec.memory_state).kind == "state"
    if spec.memory_gate is not None:
        assert spec.quantity(spec.memory_gate).kind == "gate"
        assert spec.memory_gate in spec.blocks
        assert spec.memory_gate in spec.memory_path_en
    assert bool(spec.memory_path_en) == bool(spec.memory_path_zh)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_names_symbols_and_colours(spec):
    assert spec.label and spec.name_en and spec.name_zh
    colours = [q.color for q in spec.quantities]
    assert len(set(colours)) == len(colours)
    assert spec.quantity("h").color == "#000000"
    assert set(colours) - {"#000000"} <= OKABE_ITO
    for q in spec.quantities:
        assert q.name_en and q.name_zh and q.symbol
    assert spec.color in OKABE_ITO
    with pytest.raises(KeyError, match=re.escape(spec.label)):
        spec.quantity("nope")


def test_cell_colours_are_distinct_and_keep_todays():
    assert len({s.color for s in SPECS}) == len(SPECS)
    assert [CELL_SPECS[c].color for c in ("rnn", "lstm", "gru")] == [
        "#D55E00",
        "#0072B2",
        "#009E73",
    ]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
@pytest.mark.parametrize("activation", ["tanh", "relu", "identity"])
def test_values_stay_in_their_stated_range(spec, activation):
    res = _result(spec, activation, T=30, H=4)
    for q in spec.quantities:
        bounds = spec.value_range(q.key, activation)
        if bounds is not None:
            v = res.trace.step(0)[q.key]
            values = np.array([res.trace.step(t)[q.key] for t in range(30)])
            assert v.shape == (4,)
            assert bounds[0] <= values.min() and values.max() <= bounds[1], q.key


def test_value_ranges_follow_the_kind_and_the_activation():
    rnn, lstm = CELL_SPECS["rnn"], CELL_SPECS["lstm"]
    assert rnn.value_range("h", "tanh") == (-1.0, 1.0)
    assert rnn.value_range("h", "relu") is None and rnn.value_range("a") is None
    assert lstm.value_range("f") == (0.0, 1.0) and lstm.value_range("z") == (-1.0, 1.0)
    assert lstm.value_range("c") is None and lstm.value_range("h", "relu") == (-1.0, 1.0)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_diagram_shows_every_gate_and_the_record_values(spec, activation):
    d = spec.diagram(activation)
    assert isinstance(d, Diagram) and d.cell == spec.key
    assert diagram(spec.key, activation) == d
    boxes = {b.key: b for b in d.boxes}
    for q in spec.gates():
        assert boxes[q.key].gate == (q.kind == "gate")
        assert boxes[q.key].act == ("σ" if q.kind == "gate" else "tanh")
    step = _result(spec).trace.step(0)
    assert {k for k in boxes if k not in ("h_out", "y_layer")} <= set(step)
    assert ("c_prev" in boxes) == (spec.memory_state == "c")


def test_the_1997_lstm_diagram_has_no_forget_gate():
    d = CELL_SPECS["lstm_nofg"].diagram("tanh")
    full = CELL_SPECS["lstm"].diagram("tanh")
    assert "f" not in {b.key for b in d.boxes}
    assert [o.text for o in d.ops].count("×") == [o.text for o in full.ops].count("×") - 1
    assert d.main_wires[0] == [(130, 80), (443.0, 80)]  # c_{t−1} straight into the +


# --- equations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "key", "activation", "text"),
    [
        ("lstm", "f", "tanh", "f = σ([h_{t−1}, x_t] · W_f + b_f)"),
        ("lstm", "c", "tanh", "c = f ⊙ c_{t−1} + i ⊙ z"),
        ("lstm", "h", "tanh", "h = o ⊙ tanh(c)"),
        ("lstm_nofg", "c", "tanh", "c = c_{t−1} + i ⊙ z"),
        ("gru", "n", "tanh", "n = tanh(x_t · W_in + b_in + r ⊙ (h_{t−1} · W_hn + b_hn))"),
        ("gru", "h", "tanh", "h = (1 − z) ⊙ n + z ⊙ h_{t−1}"),
        ("gru", "z", "tanh", "z = σ(x_t · W_iz + b_iz + h_{t−1} · W_hz + b_hz)"),
        ("rnn", "h", "relu", "h = relu([h_{t−1}, x_t] · W + b)"),
        ("rnn", "h", "identity", "h = id([h_{t−1}, x_t] · W + b)"),
        ("rnn", "a", "tanh", "a = [h_{t−1}, x_t] · W + b"),
    ],
)
def test_general_form(cell, key, activation, text):
    assert general_form(cell_spec(cell), key, activation) == text


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_general_form_leaves_no_placeholder(spec):
    for q in spec.quantities:
        text = general_form(spec, q.key, "tanh")
        assert "{" not in text.replace("{t−1}", "") and text.startswith(f"{q.symbol} = ")


def test_substitute_asks_for_each_value_by_name():
    asked = []

    def fmt(name):
        asked.append(name)
        return f"<{name}>"

    text = substitute(cell_spec("lstm"), "c", "tanh", fmt)
    assert text == "c = <f> ⊙ <c_prev> + <i> ⊙ <z> = <c>"
    assert asked == ["f", "c_prev", "i", "z", "c"]
    rnn = substitute(cell_spec("rnn"), "h", "relu", lambda n: f"<{n}>")
    assert rnn == "h = relu(<hx> · W + b) = <h>"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_substituted_weight_free_equations_evaluate_to_the_result(spec):
    """c and h of the gated cells: put the numbers in, evaluate, get the traced value."""
    step = _result(spec, H=1).trace.step(3)

    def fmt(name):
        return repr(float(step[name][0]))

    for q in spec.quantities:
        if "W" in q.equation:
            continue
        text = substitute(spec, q.key, "tanh", fmt)
        lhs, rhs, result = (part.strip() for part in text.split(" = "))
        expr = rhs.replace("⊙", "*").replace("−", "-")
        value = eval(expr, {"tanh": np.tanh, "σ": sigmoid})  # numbers and operators only
        assert lhs == q.symbol and value == pytest.approx(float(result), rel=1e-12)


def test_context_symbols_are_the_textbooks():
    assert CONTEXT_SYMBOLS["hx"] == "[h_{t−1}, x_t]"
    assert re.fullmatch(r"x_t", CONTEXT_SYMBOLS["x"])
