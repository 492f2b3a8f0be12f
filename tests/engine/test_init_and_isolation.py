"""Initialisation, spectral statistics and the engine's independence from Qt."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from visualrnn.engine import init_model, recurrent_stats


def test_same_seed_same_weights_other_seed_other_weights():
    a, b = init_model("lstm", 2, 4, 1, seed=3), init_model("lstm", 2, 4, 1, seed=3)
    c = init_model("lstm", 2, 4, 1, seed=4)
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])
    assert not np.array_equal(a.params["weight_hh_l0"], c.params["weight_hh_l0"])


@pytest.mark.parametrize("scheme", ["uniform", "orthogonal"])
@pytest.mark.parametrize("rho", [0.5, 1.0, 3.0])
def test_spectral_radius_is_set_and_reported(scheme, rho):
    stats = recurrent_stats(init_model("rnn", 1, 16, 1, seed=1, scheme=scheme, spectral_radius=rho))
    assert stats["spectral_radius"] == pytest.approx(rho, rel=1e-9)
    assert stats["sigma_max"] >= stats["spectral_radius"] * (1 - 1e-9)
    if scheme == "orthogonal":
        assert stats["sigma_max"] == pytest.approx(rho, rel=1e-9)


def test_forget_bias_shifts_only_the_forget_block():
    a = init_model("lstm", 1, 3, 1, seed=0)
    b = init_model("lstm", 1, 3, 1, seed=0, forget_bias=2.0)
    diff = b.params["bias_ih_l0"] - a.params["bias_ih_l0"]
    np.testing.assert_allclose(diff, [0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0])
    g0 = init_model("gru", 1, 2, 1, seed=0)
    g1 = init_model("gru", 1, 2, 1, seed=0, forget_bias=2.0)
    diff = g1.params["bias_ih_l0"] - g0.params["bias_ih_l0"]
    np.testing.assert_allclose(diff, [0, 0, 2, 2, 0, 0])  # blocks r, z, n: only z
    r0 = init_model("rnn", 1, 2, 1, seed=0)
    r1 = init_model("rnn", 1, 2, 1, seed=0, forget_bias=2.0)
    np.testing.assert_array_equal(r0.params["bias_ih_l0"], r1.params["bias_ih_l0"])


def test_bad_init_arguments_are_refused():
    with pytest.raises(ValueError, match="scheme"):
        init_model("rnn", 1, 2, scheme="xavier")
    with pytest.raises(ValueError, match="at least 1"):
        init_model("rnn", 1, 0)
    with pytest.raises(ValueError, match="activation"):
        init_model("rnn", 1, 2, activation="softsign")


def test_engine_import_loads_no_qt():
    code = (
        "import sys, visualrnn.engine, visualrnn.engine.sequences, visualrnn.engine.weights;"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','pyqtgraph','shiboken6')];"
        "print(','.join(bad))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == ""


def test_input_scale_multiplies_only_the_input_weights():
    a = init_model("lstm", 2, 3, 1, seed=5)
    b = init_model("lstm", 2, 3, 1, seed=5, input_scale=4.0)
    np.testing.assert_allclose(b.params["weight_ih_l0"], 4.0 * a.params["weight_ih_l0"])
    for k in ("weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "head.weight"):
        np.testing.assert_array_equal(a.params[k], b.params[k])
