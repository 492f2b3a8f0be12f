"""Optimizers with PyTorch's exact update rules, on dicts of float64 arrays.

Both update the parameters θ **in place**, one array per PyTorch name, from gradients g
(already clipped). Step for step they equal ``torch.optim.SGD(lr, momentum)`` (no
dampening, no Nesterov, no weight decay) and ``torch.optim.Adam(lr, betas, eps)``
(no AMSGrad, no weight decay), so a run can be reproduced with PyTorch.
"""

from __future__ import annotations

import math

import numpy as np

OPTIMIZERS = ("sgd", "adam")


def _positive(name: str, value: float) -> float:
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive number, not {value}")
    return value


def _fraction(name: str, value: float) -> float:
    value = float(value)
    if not (math.isfinite(value) and 0 <= value < 1):
        raise ValueError(f"{name} must lie in [0, 1), not {value}")
    return value


class SGD:
    """Minibatch SGD with momentum μ, as ``torch.optim.SGD(lr=η, momentum=μ)``.

    First update: b ← g. Later: b ← μ·b + g. Then θ ← θ − η·b.
    With μ = 0 this is plain θ ← θ − η·g.
    """

    def __init__(self, lr: float, momentum: float = 0.0):
        self.lr = _positive("the learning rate", lr)
        self.momentum = _fraction("the momentum", momentum)
        self.buffers: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """Update every array of ``params`` in place with its gradient in ``grads``."""
        for k, g in grads.items():
            d = g
            if self.momentum:
                if k in self.buffers:
                    b = self.buffers[k]
                    b *= self.momentum
                    b += g
                else:
                    self.buffers[k] = b = g.copy()
                d = b
            params[k] -= self.lr * d


class Adam:
    """Adam (Kingma & Ba 2015) as ``torch.optim.Adam(lr=η, betas=(β₁, β₂), eps=ε)``.

    At update t = 1, 2, …: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g²,
    θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε) — ε added after the bias
    correction of √v, exactly where PyTorch adds it.
    """

    def __init__(self, lr: float = 1e-3, betas=(0.9, 0.999), eps: float = 1e-8):
        self.lr = _positive("the learning rate", lr)
        self.beta1 = _fraction("beta1", betas[0])
        self.beta2 = _fraction("beta2", betas[1])
        self.eps = _positive("eps", eps)
        self.t = 0
        self.m: dict[str, np.ndarray] = {}
        self.v: dict[str, np.ndarray] = {}
        self._tmp: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """Update every array of ``params`` in place with its gradient in ``grads``."""
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        step_size = self.lr / (1.0 - b1**self.t)
        root_bc2 = math.sqrt(1.0 - b2**self.t)
        for k, g in grads.items():
            if k not in self.m:
                self.m[k], self.v[k] = np.zeros_like(g), np.zeros_like(g)
                self._tmp[k] = np.empty_like(g)
            m, v, tmp = self.m[k], self.v[k], self._tmp[k]
            # in place, in torch's order of operations: no temporaries
            m *= b1
            m += np.multiply(g, 1.0 - b1, tmp)
            v *= b2
            np.multiply(g, 1.0 - b2, tmp)
            tmp *= g
            v += tmp
            denom = np.sqrt(v, tmp)
            denom /= root_bc2
            denom += self.eps
            np.divide(m, denom, tmp)
            tmp *= step_size
            params[k] -= tmp


def make_optimizer(name: str, lr: float, momentum: float = 0.0):
    """``"sgd"`` → :class:`SGD` (lr, momentum); ``"adam"`` → :class:`Adam` (lr)."""
    if name == "sgd":
        return SGD(lr, momentum)
    if name == "adam":
        if momentum:
            raise ValueError("momentum belongs to sgd; Adam has its own β₁ = 0.9")
        return Adam(lr)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
