"""RunOptions: the one place where trace and lesson settings become an engine run."""

import numpy as np
import pytest

from visualrnn.engine import init_model, run
from visualrnn.engine.run_options import RunOptions


def test_options_run_equals_the_engine_run():
    model = init_model("rnn", 1, 3, 1, seed=0)
    x = np.linspace(-1, 1, 7)[:, None]
    ours = RunOptions("mse", "last", truncate=3, clip=0.5, jacobians=True).run(model, x)
    ref = run(model, x, loss="mse", loss_at="last", truncate=3, clip=0.5, jacobians=True)
    np.testing.assert_array_equal(ours.grads.dh, ref.grads.dh)
    np.testing.assert_array_equal(ours.grads.jacobian_norms, ref.grads.jacobian_norms)
    assert ours.grads.grad_norm_clipped == ref.grads.grad_norm_clipped


def test_jacobians_are_skipped_for_gated_cells():
    model = init_model("gru", 1, 3, 1, seed=0)
    result = RunOptions(jacobians=True).run(model, np.ones((4, 1)))
    assert result.grads.jacobian_norms is None


@pytest.mark.parametrize(
    "bad",
    [
        {"loss": "hinge"},
        {"loss_at": "first"},
        {"truncate": 0},
        {"clip": 0.0},
        {"clip": float("inf")},
    ],  # fmt: skip
)
def test_bad_options_are_refused(bad):
    with pytest.raises(ValueError):
        RunOptions(**bad)
