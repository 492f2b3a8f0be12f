"""BPTT against central finite differences, truncation, clipping and the linear-RNN law."""

import numpy as np
import pytest

from visualrnn.engine import (
    CELL_SPECS,
    CELLS,
    Model,
    init_model,
    run,
    safe_norm,
)
from visualrnn.engine.forward import forward_batch
from visualrnn.engine.losses import loss_and_grad, loss_mask

EPS = 1e-6


def _loss(model, x, targets, loss, loss_at):
    return run(model, x, targets, loss=loss, loss_at=loss_at).trace.loss


def _numeric_grad(model, name, loss_of):
    """Central differences of ``loss_of(model)`` with respect to the parameter ``name``."""
    base = model.params[name]
    g = np.zeros_like(base)
    for idx in np.ndindex(base.shape):
        vals = []
        for sign in (1, -1):
            p = base.copy()
            p[idx] += sign * EPS
            vals.append(loss_of(model.with_params(**{name.replace(".", "_"): p})))
        g[idx] = (vals[0] - vals[1]) / (2 * EPS)
    return g


def _rel_err(a, b):
    return np.max(np.abs(a - b)) / max(1e-12, np.max(np.abs(a)) + np.max(np.abs(b)))


def _case(cell, loss):
    model = init_model(cell, 2, 3, 3, seed=7, forget_bias=0.5)
    rng = np.random.default_rng(11)
    x = rng.normal(size=(7, 2))
    targets = rng.integers(0, 3, 7) if loss == "ce" else rng.normal(size=(7, 3))
    return model, x, targets


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("loss,loss_at", [("mse", "all"), ("ce", "last"), ("ce", "all")])
def test_every_parameter_gradient_matches_finite_differences(cell, loss, loss_at):
    model, x, targets = _case(cell, loss)
    grads = run(model, x, targets, loss=loss, loss_at=loss_at).grads.params
    for name in model.params:
        num = _numeric_grad(model, name, lambda m: _loss(m, x, targets, loss, loss_at))
        assert _rel_err(grads[name], num) < 1e-6, name


@pytest.mark.parametrize("cell", CELLS)
def test_truncated_gradient_matches_finite_differences_of_chunked_graph(cell):
    """With k, each chunk is a separate graph whose initial state is a constant."""
    model, x, targets = _case(cell, "mse")
    k = 3
    grads = run(model, x, targets, truncate=k).grads.params
    cache = forward_batch(model, x[None])  # the carried-forward states the chunks start from

    def chunked_loss(m):
        total, h0, c0 = 0.0, None, None
        for s in range(0, x.shape[0], k):
            r = run(m, x[s : s + k], targets[s : s + k], h0=h0, c0=c0)
            total += r.trace.loss
            h0 = cache["h"][s + k - 1, 0] if s + k - 1 < x.shape[0] else None
            c0 = cache["c"][s + k - 1, 0] if "c" in cache and s + k - 1 < x.shape[0] else None
        return total

    for name in model.params:
        num = _numeric_grad(model, name, chunked_loss)
        assert _rel_err(grads[name], num) < 1e-6, name
    full = run(model, x, targets).grads.params["weight_hh_l0"]
    assert not np.allclose(full, grads["weight_hh_l0"])


@pytest.mark.parametrize("cell", CELLS)
def test_dh_is_the_total_derivative_of_the_loss_wrt_h_t(cell):
    """Perturb h_t inside the recurrence (via the step's output) and compare with dh_t."""
    model, x, targets = _case(cell, "mse")
    res = run(model, x, targets)
    T = x.shape[0]
    for t in (0, 3, T - 1):
        num = np.zeros(model.hidden_size)
        for j in range(model.hidden_size):
            vals = []
            for sign in (1, -1):
                vals.append(_loss_with_h_perturbed(model, x, targets, t, j, sign * EPS))
            num[j] = (vals[0] - vals[1]) / (2 * EPS)
        np.testing.assert_allclose(res.grads.dh[t], num, rtol=1e-6, atol=1e-9)


def _loss_with_h_perturbed(model, x, targets, t, j, eps):
    """Loss when h_t[j] is nudged by eps: recompute steps ≤ t, nudge, continue from there."""
    head = run(model, x[: t + 1], targets[: t + 1])
    h = head.trace.h[t].copy()
    h[j] += eps
    c0 = head.trace.c[t] if head.trace.c is not None else None
    y_t = h @ model.params["head.weight"].T + model.params["head.bias"]
    loss_t = 0.5 * np.sum((y_t - targets[t]) ** 2)
    before = head.trace.loss - head.trace.loss_t[t]
    after = (
        run(model, x[t + 1 :], targets[t + 1 :], h0=h, c0=c0).trace.loss if t + 1 < len(x) else 0
    )
    return before + loss_t + after


@pytest.mark.parametrize("cell", [k for k, s in CELL_SPECS.items() if s.memory_state == "c"])
def test_lstm_dc_matches_finite_differences(cell):
    model, x, targets = _case(cell, "mse")
    res = run(model, x, targets)
    t = 2
    num = np.zeros(3)
    for j in range(3):
        vals = []
        for sign in (1, -1):
            head = run(model, x[: t + 1], targets[: t + 1])
            c = head.trace.c[t].copy()
            c[j] += sign * EPS
            o = head.trace.gates["o"][t]
            h = o * np.tanh(c)
            y = h @ model.params["head.weight"].T + model.params["head.bias"]
            lt = 0.5 * np.sum((y - targets[t]) ** 2)
            rest = run(model, x[t + 1 :], targets[t + 1 :], h0=h, c0=c).trace.loss
            vals.append(head.trace.loss - head.trace.loss_t[t] + lt + rest)
        num[j] = (vals[0] - vals[1]) / (2 * EPS)
    np.testing.assert_allclose(res.grads.dc[t], num, rtol=1e-6, atol=1e-9)


def _linear_rnn(rho, H=6, seed=0):
    model = init_model(
        "rnn", 1, H, 1, seed=seed, scheme="orthogonal", spectral_radius=rho, activation="identity"
    )
    return model


@pytest.mark.parametrize("rho", [0.5, 0.9, 1.3])
def test_linear_rnn_gradient_norm_scales_exactly_as_rho_power(rho):
    model, T = _linear_rnn(rho), 40
    x = np.random.default_rng(2).normal(size=(T, 1))
    g = run(model, x, loss_at="last").grads
    expected = g.dh_norm[-1] * rho ** (T - 1 - np.arange(T))
    np.testing.assert_allclose(g.dh_norm, expected, rtol=1e-10)


def test_huge_and_tiny_norms_neither_overflow_nor_underflow():
    model, T = _linear_rnn(0.01), 200  # 0.01**199 = 1e-398 is below the float64 range …
    g = run(model, np.ones((T, 1)), loss_at="last").grads
    assert g.dh_norm[0] == 0.0  # … so a genuine underflow to 0 is allowed there,
    assert np.all(g.dh_norm[-150:] > 0)  # but 1e-298 must not be flushed to 0.
    v = np.full(4, 1e200)
    assert safe_norm(v) == pytest.approx(2e200)
    assert safe_norm(np.full(4, 1e-200)) == pytest.approx(2e-200)
    assert np.isinf(safe_norm(np.array([1.0, np.inf])))
    assert np.isnan(safe_norm(np.array([1.0, np.nan])))


def test_truncation_stops_the_gradient_at_chunk_starts():
    model = init_model("rnn", 1, 4, 1, seed=1)
    x = np.ones((30, 1))
    g = run(model, x, loss_at="last", truncate=10).grads
    assert np.all(g.dh_norm[:20] == 0)  # the last loss reaches back to t = 20 only
    assert np.all(g.dh_norm[20:] > 0)
    with pytest.raises(ValueError, match="at least 1"):
        run(model, x, truncate=0)


def test_clipping_scales_to_the_threshold_and_reports_both_norms():
    model = init_model("lstm", 1, 4, 1, seed=1)
    x = np.random.default_rng(0).normal(size=(20, 1))
    free = run(model, x).grads
    clipped = run(model, x, clip=free.grad_norm / 4).grads
    assert clipped.grad_norm == pytest.approx(free.grad_norm)
    assert clipped.grad_norm_clipped == pytest.approx(free.grad_norm / 4)
    assert clipped.clipped and not free.clipped
    total = np.sqrt(sum(np.sum(v**2) for v in clipped.params.values()))
    assert total == pytest.approx(free.grad_norm / 4)
    for k in free.params:
        np.testing.assert_allclose(clipped.params[k], free.params[k] / 4, rtol=1e-12)
    loose = run(model, x, clip=free.grad_norm * 2).grads
    assert not loose.clipped
    with pytest.raises(ValueError, match="positive"):
        run(model, x, clip=-1)


def test_jacobian_norms_match_explicit_products():
    model = init_model("rnn", 1, 3, 1, seed=5, spectral_radius=1.2)
    x = np.random.default_rng(0).normal(size=(8, 1))
    res = run(model, x, jacobians=True)
    W, a = model.params["weight_hh_l0"], res.trace.a
    J = np.eye(3)
    for t in range(7, -1, -1):
        assert res.grads.jacobian_norms[t] == pytest.approx(np.linalg.norm(J, 2), rel=1e-10)
        J = J @ np.diag(1 - np.tanh(a[t]) ** 2) @ W


def test_batched_loss_is_the_mean_of_the_sequences():
    model = init_model("gru", 2, 3, 1, seed=0)
    x = np.random.default_rng(0).normal(size=(4, 5, 2))
    cache = forward_batch(model, x)
    lt, _ = loss_and_grad("mse", cache["y"], np.zeros((5, 4, 1)), loss_mask(5, "all"))
    singles = [run(model, x[b]).trace.loss for b in range(4)]
    assert np.sum(lt) / 4 == pytest.approx(np.mean(singles))


def test_model_parameters_are_immutable():
    model = init_model("rnn", 1, 2, 1)
    with pytest.raises(ValueError):
        model.params["weight_hh_l0"][0, 0] = 3
    assert isinstance(model, Model)
