"""Seeded initialisation, spectral-radius scaling and the textbook's worked example."""

from __future__ import annotations

import numpy as np

from .cellspec import cell_spec
from .limits import MAX_FEATURES, MAX_HIDDEN
from .model import GATE_BLOCKS, Model

INIT_SCHEMES = ("uniform", "orthogonal")

#: The input of the textbook's worked example (Fig. 8.5): x = [1, 2], one value per step.
TEXTBOOK_INPUT = np.array([[1.0], [2.0]])


def textbook_model() -> Model:
    """The simple RNN of the textbook's Fig. 8.5 (H = 2, I = 1, O = 1, tanh).

    W_h = [[0.1, 0.2], [0.3, 0.4]], W_x = [0.5, 0.6], b = [0.1, −0.1], W_y = [1.0, 2.0]ᵀ,
    b_y = 0.1. With x = [1, 2] and h_init = 0 it gives h = [0.53704957, 0.46211716],
    y = 1.56128388 at t0 and h = [0.85973818, 0.88366641], y = 2.72707101 at t1.
    """
    W_h = np.array([[0.1, 0.2], [0.3, 0.4]])
    W_x = np.array([[0.5, 0.6]])
    params = {
        "weight_ih_l0": W_x.T,
        "weight_hh_l0": W_h.T,
        "bias_ih_l0": np.array([0.1, -0.1]),
        "bias_hh_l0": np.zeros(2),
        "head.weight": np.array([[1.0, 2.0]]),
        "head.bias": np.array([0.1]),
    }
    return Model("rnn", params, "tanh")


def spectral_radius(W: np.ndarray) -> float:
    """ρ(W) = max |eigenvalue|."""
    return float(np.max(np.abs(np.linalg.eigvals(W)))) if W.size else 0.0


def sigma_max(W: np.ndarray) -> float:
    """σ_max(W), the largest singular value (the spectral norm ‖W‖₂)."""
    return float(np.linalg.norm(W, 2)) if W.size else 0.0


def recurrent_stats(model: Model) -> dict:
    """σ_max and ρ of the recurrent matrix W_h, the quantities of the Pascanu bound.

    For the RNN this is W_h itself; for the gated cells, the largest over the gate blocks.
    """
    blocks = [model.block("weight_hh_l0", g) for g in GATE_BLOCKS[model.cell]]
    return {
        "sigma_max": max(sigma_max(b) for b in blocks),
        "spectral_radius": max(spectral_radius(b) for b in blocks),
    }


def _orthogonal(rng: np.random.Generator, n: int) -> np.ndarray:
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def _recurrent_block(rng, H: int, scheme: str, rho: float | None) -> np.ndarray:
    if scheme == "orthogonal":
        return _orthogonal(rng, H) * (1.0 if rho is None else rho)
    W = rng.uniform(-1.0, 1.0, (H, H)) / np.sqrt(H)
    if rho is not None:
        current = spectral_radius(W)
        W = W * (rho / current) if current > 0 else W
    return W


def _check_sizes(I: int, H: int, O: int | None) -> None:
    """Refuse sizes beyond :mod:`.limits` before allocating anything."""
    if H > MAX_HIDDEN:
        raise ValueError(f"hidden size H = {H} is above the limit of {MAX_HIDDEN}")
    for name, n in (("input size I", I), ("output size O", O or 0)):
        if n > MAX_FEATURES:
            raise ValueError(f"{name} = {n:,} is above the limit of {MAX_FEATURES:,}")


def init_model(
    cell: str,
    input_size: int,
    hidden_size: int,
    output_size: int | None = 1,
    *,
    seed: int = 0,
    scheme: str = "uniform",
    spectral_radius: float | None = None,
    forget_bias: float = 0.0,
    activation: str = "tanh",
    input_scale: float = 1.0,
) -> Model:
    """A freshly initialised model; the same arguments always give the same weights.

    Parameters
    ----------
    cell : {"rnn", "lstm", "gru", "lstm_nofg"}
    input_size, hidden_size : int
        I and H.
    output_size : int or None
        O of the linear head; ``None`` for no head (y_t = h_t).
    seed : int
        Seed of NumPy's default generator.
    scheme : {"uniform", "orthogonal"}
        ``uniform``: PyTorch's U(−1/√H, 1/√H) for every parameter; ``orthogonal``: each
        recurrent block a random orthogonal matrix.
    spectral_radius : float, optional
        Scale each recurrent block to this ρ (orthogonal blocks: W_h = ρ·Q).
    forget_bias : float
        The memory bias, added to the bias of the cell's memory gate
        (``CellSpec.memory_gate``): the LSTM forget gate's b_f (a high value keeps f ≈ 1,
        c_t ≈ c_{t−1}) and the GRU update gate's b_z (z ≈ 1 keeps h_t ≈ h_{t−1}). Ignored by
        the cells without one: the simple RNN and the 1997 LSTM (whose c path is always 1).
    activation : str
        φ of the simple RNN.
    input_scale : float
        Multiplies the input weights W_x (every gate block): larger values make the gates
        and states follow the input more strongly.
    """
    if scheme not in INIT_SCHEMES:
        raise ValueError(f"unknown init scheme {scheme!r}; choose one of {', '.join(INIT_SCHEMES)}")
    if input_size < 1 or hidden_size < 1 or (output_size is not None and output_size < 1):
        raise ValueError("input, hidden and output sizes must be at least 1")
    _check_sizes(input_size, hidden_size, output_size)
    spec = cell_spec(cell)
    rng = np.random.default_rng(seed)
    G, H, k = spec.gate_count, hidden_size, 1.0 / np.sqrt(hidden_size)
    params = {
        "weight_ih_l0": rng.uniform(-k, k, (G * H, input_size)) * input_scale,
        "weight_hh_l0": np.vstack(
            [_recurrent_block(rng, H, scheme, spectral_radius) for _ in range(G)]
        ),
        "bias_ih_l0": rng.uniform(-k, k, G * H),
        "bias_hh_l0": rng.uniform(-k, k, G * H),
    }
    if spec.memory_gate is not None:
        m = spec.block_index(spec.memory_gate)
        params["bias_ih_l0"][m * H : (m + 1) * H] += forget_bias
    if output_size is not None:
        params["head.weight"] = rng.uniform(-k, k, (output_size, H))
        params["head.bias"] = rng.uniform(-k, k, output_size)
    return Model(cell, params, activation)
