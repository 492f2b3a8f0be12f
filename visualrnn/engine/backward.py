"""Backpropagation through time over a batched forward pass.

The unrolled network is a T-layer feed-forward net. ``dh_t = ∂L/∂h_t`` is the *total*
derivative, through y_t and every later step. Truncated BPTT with k detaches the state
every k steps: the gradient does not flow from step t back into h_{t−1} (and c_{t−1})
when t % k == 0 and t > 0.

Each cell has its own loop (:data:`_BACKWARDS`); it returns the state gradients and the
gradients of the input-side and hidden-side pre-activations, (T, B, G·H) each, in the
weight layout's block order, from which :func:`_parameter_grads` forms ∂L/∂θ.
"""

from __future__ import annotations

import numpy as np

from .model import Model
from .numerics import activation_slope


def cut_steps(T: int, truncate: int | None) -> np.ndarray:
    """(T,) booleans: at which steps t the gradient stops on its way back to h_{t−1}."""
    cut = np.zeros(T, dtype=bool)
    if truncate is not None:
        if int(truncate) < 1:
            raise ValueError(f"truncation k must be at least 1, not {truncate}")
        cut[int(truncate) :: int(truncate)] = True
    return cut


def _h_prev(cache: dict) -> np.ndarray:
    """(T, B, H): h_{t−1} for every step."""
    return np.concatenate([cache["h0"][None], cache["h"][:-1]], axis=0)


def _dh_from_outputs(model: Model, dy: np.ndarray) -> np.ndarray:
    """∂L/∂h_t through y_t only: dy @ W_y, (T, B, H)."""
    return dy @ model.params["head.weight"] if model.has_head else dy.copy()


def _backward_rnn(model, cache, dh_y, cut):
    T, B, H = dh_y.shape
    W = model.params["weight_hh_l0"]
    slope = activation_slope(model.activation, cache["a"], cache["h"])
    dh, da = np.empty_like(dh_y), np.empty_like(dh_y)
    nxt = np.zeros((B, H))
    for t in range(T - 1, -1, -1):
        np.add(dh_y[t], nxt, dh[t])
        np.multiply(dh[t], slope[t], da[t])
        nxt = np.zeros((B, H)) if cut[t] else np.dot(da[t], W)
    return {"dh": dh}, da, da


def _lstm_coefficients(blocks, cache) -> np.ndarray:
    """∂pre/∂c_t factors of the blocks before o, (T, B, G−1, H): how dc_t reaches them.

    c_t = f ⊙ c_{t−1} + i ⊙ z (the 1997 cell: no f), so ∂c/∂pre_i = z·i(1−i),
    ∂c/∂pre_f = c_{t−1}·f(1−f), ∂c/∂pre_z = i(1−z²).
    """
    i, z = cache["i"], cache["z"]
    coef = {"i": lambda: z * i * (1 - i), "z": lambda: i * (1 - z * z)}
    if "f" in blocks:
        f, c_prev = cache["f"], np.concatenate([cache["c0"][None], cache["c"][:-1]], axis=0)
        coef["f"] = lambda: c_prev * f * (1 - f)
    return np.stack([coef[b]() for b in blocks[:-1]], axis=2)


def _backward_lstm(model, cache, dh_y, cut):
    """Both LSTMs; along c each step back multiplies dc by f (``lstm``) or by 1 (1997)."""
    T, B, H = dh_y.shape
    W, blocks = model.params["weight_hh_l0"], model.spec.blocks
    G, f = len(blocks), cache.get("f")
    o, tc = cache["o"], np.tanh(cache["c"])
    k_c = o * (1.0 - tc * tc)
    coef = _lstm_coefficients(blocks, cache)
    d_o = tc * o * (1 - o)
    del tc
    dh, dc = np.empty_like(dh_y), np.empty_like(dh_y)
    dpre = np.empty((T, B, G, H))
    nxt_h, nxt_c = np.zeros((B, H)), np.zeros((B, H))
    for t in range(T - 1, -1, -1):
        dh_t, dc_t, dp = dh[t], dc[t], dpre[t]
        np.add(dh_y[t], nxt_h, dh_t)
        np.multiply(dh_t, k_c[t], dc_t)
        dc_t += nxt_c
        np.multiply(coef[t], dc_t[:, None, :], dp[:, : G - 1])
        np.multiply(dh_t, d_o[t], dp[:, G - 1])
        if cut[t]:
            nxt_h, nxt_c = np.zeros((B, H)), np.zeros((B, H))
        else:
            nxt_h = np.dot(dp.reshape(B, G * H), W)
            nxt_c = dc_t * f[t] if f is not None else dc_t.copy()
    dpre = dpre.reshape(T, B, G * H)
    return {"dh": dh, "dc": dc}, dpre, dpre


def _backward_gru(model, cache, dh_y, cut):
    T, B, H = dh_y.shape
    W = model.params["weight_hh_l0"]
    r, z, n, hn = (cache[k] for k in ("r", "z", "n", "hn"))
    k_n = (1 - z) * (1 - n * n)
    k_gi = np.concatenate([k_n * hn * r * (1 - r), (_h_prev(cache) - n) * z * (1 - z), k_n], 2)
    k_gh = k_gi.copy()
    k_gh[:, :, 2 * H :] *= r
    k_gh3 = k_gh.reshape(T, B, 3, H)
    dh, buf = np.empty_like(dh_y), np.empty((B, 3, H))
    nxt = np.zeros((B, H))
    for t in range(T - 1, -1, -1):
        dh_t = dh[t]
        np.add(dh_y[t], nxt, dh_t)
        if cut[t]:
            nxt = np.zeros((B, H))
        else:
            np.multiply(k_gh3[t], dh_t[:, None, :], buf)
            nxt = np.dot(buf.reshape(B, 3 * H), W)
            nxt += dh_t * z[t]
    dh3 = np.tile(dh, (1, 1, 3))
    return {"dh": dh}, dh3 * k_gi, dh3 * k_gh


#: The backward loop of each cell: (model, cache, dh_y, cut) → (states, d_gi, d_gh).
_BACKWARDS = {
    "rnn": _backward_rnn,
    "lstm": _backward_lstm,
    "lstm_nofg": _backward_lstm,
    "gru": _backward_gru,
}


def backward_batch(model: Model, cache: dict, dy: np.ndarray, truncate: int | None = None):
    """Gradients of L with respect to every parameter and every hidden state.

    Parameters
    ----------
    cache : dict from :func:`forward_batch`.
    dy : (T, B, O), ∂L/∂y_t (time-major, like the cache).
    truncate : int, optional, the truncation length k.

    Returns
    -------
    grads : dict, one (unclipped) gradient per parameter, PyTorch-named.
    states : dict, ``dh`` (T, B, H) and for the LSTMs ``dc`` (T, B, H): total derivatives.
    """
    T = dy.shape[0]
    with np.errstate(all="ignore"):
        dh_y = _dh_from_outputs(model, dy)
        run = _BACKWARDS[model.cell]
        states, d_gi, d_gh = run(model, cache, dh_y, cut_steps(T, truncate))
        grads = _parameter_grads(model, cache, d_gi, d_gh)
        if model.has_head:
            O, H = dy.shape[2], cache["h"].shape[2]
            grads["head.weight"] = dy.reshape(-1, O).T @ cache["h"].reshape(-1, H)
            grads["head.bias"] = dy.sum(axis=(0, 1))
    return grads, states


def _parameter_grads(model, cache, d_gi, d_gh):
    """Sum the per-step outer products: d_gi (T, B, G·H) ⊗ x_t and d_gh ⊗ h_{t−1}."""
    G_H = d_gi.shape[2]
    x = cache["x"].reshape(-1, cache["x"].shape[2])
    hp = _h_prev(cache).reshape(-1, cache["h"].shape[2])
    gi, gh = d_gi.reshape(-1, G_H), d_gh.reshape(-1, G_H)
    return {
        "weight_ih_l0": gi.T @ x,
        "weight_hh_l0": gh.T @ hp,
        "bias_ih_l0": gi.sum(axis=0),
        "bias_hh_l0": gh.sum(axis=0),
    }


def jacobian_norms(model: Model, cache: dict) -> np.ndarray:
    """‖∂h_{T−1}/∂h_t‖₂ for every t (simple RNN, sequence 0 of the batch): (T,).

    ∂h_{t+1}/∂h_t = diag(φ'(a_{t+1}))·W_h (column form). The running product is rescaled
    each step and its scale kept in logs, so merely huge or tiny norms stay finite.
    """
    if model.cell != "rnn":
        raise ValueError("Jacobian norms are offered for the simple RNN only")
    a, h = cache["a"][:, 0], cache["h"][:, 0]
    T, H = h.shape
    W = model.params["weight_hh_l0"]
    slope = activation_slope(model.activation, a, h)
    out, J, log_scale = np.empty(T), np.eye(H), 0.0
    with np.errstate(all="ignore"):
        for t in range(T - 1, -1, -1):
            out[t] = np.linalg.norm(J, 2) * np.exp(log_scale) if np.all(np.isfinite(J)) else np.nan
            if t > 0:
                J = (J * slope[t]) @ W
                m = np.max(np.abs(J))
                if np.isfinite(m) and m > 0:
                    J, log_scale = J / m, log_scale + np.log(m)
    return out
