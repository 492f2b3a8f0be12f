"""SGD with momentum and Adam follow PyTorch's update rules exactly."""

import numpy as np
import pytest

from visualrnn.engine.training.optimizers import SGD, Adam, make_optimizer

SHAPES = {"weight_hh_l0": (4, 3), "bias_ih_l0": (4,), "head.weight": (1, 3)}


def random_params(seed):
    rng = np.random.default_rng(seed)
    return {k: rng.standard_normal(s) for k, s in SHAPES.items()}


def gradient_sequence(n, seed=1):
    rng = np.random.default_rng(seed)
    return [
        {k: rng.standard_normal(s) * 10.0 ** rng.integers(-3, 2) for k, s in SHAPES.items()}
        for _ in range(n)
    ]


def reference_sgd(theta, grads, lr, mu):
    """Sutskever-style momentum as PyTorch writes it: v₁ = g₁, v = μv + g, θ −= ηv."""
    theta = {k: v.copy() for k, v in theta.items()}
    velocity = None
    for g in grads:
        velocity = (
            {k: g[k].copy() for k in g}
            if velocity is None
            else {k: mu * velocity[k] + g[k] for k in g}
        )
        theta = {k: theta[k] - lr * velocity[k] for k in theta}
    return theta


def reference_adam(theta, grads, lr, b1=0.9, b2=0.999, eps=1e-8):
    """Kingma & Ba's Algorithm 1 with ε added to √v̂ (where PyTorch adds it)."""
    theta = {k: v.copy() for k, v in theta.items()}
    m = {k: np.zeros_like(v) for k, v in theta.items()}
    v = {k: np.zeros_like(x) for k, x in theta.items()}
    for t, g in enumerate(grads, start=1):
        for k in theta:
            m[k] = b1 * m[k] + (1 - b1) * g[k]
            v[k] = b2 * v[k] + (1 - b2) * g[k] ** 2
            m_hat = m[k] / (1 - b1**t)
            v_hat = v[k] / (1 - b2**t)
            theta[k] = theta[k] - lr * m_hat / (np.sqrt(v_hat) + eps)
    return theta


def run(opt, theta, grads):
    theta = {k: v.copy() for k, v in theta.items()}
    for g in grads:
        opt.step(theta, g)
    return theta


def assert_params_close(a, b, tol=1e-12):
    assert a.keys() == b.keys()
    for k in a:
        np.testing.assert_allclose(a[k], b[k], rtol=0, atol=tol, err_msg=k)


@pytest.mark.parametrize("mu", [0.0, 0.9])
def test_sgd_momentum_equals_the_reference(mu):
    theta, grads = random_params(0), gradient_sequence(5)
    assert_params_close(run(SGD(0.05, mu), theta, grads), reference_sgd(theta, grads, 0.05, mu))


def test_adam_equals_the_reference():
    theta, grads = random_params(0), gradient_sequence(6)
    assert_params_close(run(Adam(0.01), theta, grads), reference_adam(theta, grads, 0.01))


def test_one_adam_update_moves_each_weight_by_lr():
    """At t = 1, m̂ = g and v̂ = g², so each weight moves by η·g/(|g| + ε) ≈ η."""
    theta, grads = random_params(0), gradient_sequence(1)
    after = run(Adam(0.01), theta, grads)
    for k in theta:
        g = grads[0][k]
        np.testing.assert_allclose(theta[k] - after[k], 0.01 * g / (np.abs(g) + 1e-8), rtol=1e-9)


def torch_run(kind, theta, grads, **kw):
    torch = pytest.importorskip("torch")
    tensors = {
        k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in theta.items()
    }
    cls = torch.optim.SGD if kind == "sgd" else torch.optim.Adam
    opt = cls(list(tensors.values()), **kw)
    for g in grads:
        for k, t in tensors.items():
            t.grad = torch.tensor(g[k], dtype=torch.float64)
        opt.step()
    return {k: t.detach().numpy() for k, t in tensors.items()}


def test_sgd_equals_torch_optim_sgd():
    theta, grads = random_params(2), gradient_sequence(5, seed=3)
    ours = run(SGD(0.03, 0.9), theta, grads)
    assert_params_close(ours, torch_run("sgd", theta, grads, lr=0.03, momentum=0.9))


def test_adam_equals_torch_optim_adam():
    theta, grads = random_params(2), gradient_sequence(6, seed=3)
    ours = run(Adam(0.002), theta, grads)
    theirs = torch_run("adam", theta, grads, lr=0.002, betas=(0.9, 0.999), eps=1e-8)
    assert_params_close(ours, theirs)


@pytest.mark.parametrize(
    "name, lr, momentum",
    [
        ("sgd", 0.0, 0.0),
        ("sgd", -1.0, 0.0),
        ("sgd", 0.1, 1.0),
        ("adam", float("nan"), 0.0),
        ("adam", 0.1, 0.5),
        ("rmsprop", 0.1, 0.0),
    ],
)
def test_bad_settings_are_refused(name, lr, momentum):
    with pytest.raises(ValueError):
        make_optimizer(name, lr, momentum)
