"""Backpropagation through time over a batched forward pass.

The unrolled network is a T-layer feed-forward net. ``dh_t = ∂L/∂h_t`` is the *total*
derivative, through y_t and every later step. Truncated BPTT with k detaches the state
every k steps: the gradient does not flow from step t back into h_{t−1} (and c_{t−1})
when t % k == 0 and t > 0.

Each cell has its own loop (:data:`_BACKWARDS`); it returns the state gradients and the
gradients of the input-side and hidden-side pre-activations, (T, B, G·H) each, in the
weight layout's block order, from which :func:`_parameter_grads` forms ∂L/∂θ. The gated
cells work on gate-major (T, G, B, H) arrays inside, where each gate of a step is one
contiguous (B, H) block.
"""

from __future__ import annotations

import numpy as np

from .cellspec import cell_spec
from .forward import time_blocks
from .model import Model
from .numerics import activation_slope
from .workspace import FRESH


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
    if "h_prev" in cache:
        return cache["h_prev"]
    return np.concatenate([cache["h0"][None], cache["h"][:-1]], axis=0)


def _dh_from_outputs(model: Model, dy: np.ndarray, ws=FRESH) -> np.ndarray:
    """∂L/∂h_t through y_t only: dy @ W_y, (T, B, H)."""
    T, B, O = dy.shape
    out = ws.empty("dh_y", (T, B, model.hidden_size))
    if not model.has_head:
        out[...] = dy
        return out
    np.matmul(dy.reshape(T * B, O), model.params["head.weight"], out=out.reshape(T * B, -1))
    return out


def _backward_rnn(model, cache, dh_y, cut, ws=FRESH):
    T, B, H = dh_y.shape
    W, h = model.params["weight_hh_l0"], cache["h"]
    dh, da = ws.empty("dh", (T, B, H)), ws.empty("d_pre", (T, B, H))
    if model.activation == "tanh":  # φ' = 1 − h², written into da
        np.multiply(h, h, da)
        np.subtract(1.0, da, da)
    else:
        da[...] = activation_slope(model.activation, cache["a"], h)
    nxt = np.zeros((B, H))
    for t in range(T - 1, -1, -1):
        np.add(dh_y[t], nxt, dh[t])
        da[t] *= dh[t]
        if cut[t]:
            nxt.fill(0.0)
        else:
            np.dot(da[t], W, nxt)
    return {"dh": dh}, da, da


_SLOPE_SHIFTS: dict[str, np.ndarray] = {}


def _slope_shift(cell: str) -> np.ndarray:
    """(G, 1, 1): 0 on the σ blocks, 1 on the tanh blocks, so that (1 − g)(g + shift) is
    each block's derivative by its pre-activation: σ(1 − σ) and (1 − z)(1 + z) = 1 − z²."""
    if cell not in _SLOPE_SHIFTS:
        spec = cell_spec(cell)
        tanh = [spec.quantity(b).kind != "gate" for b in spec.blocks]
        _SLOPE_SHIFTS[cell] = np.array(tanh, dtype=float).reshape(-1, 1, 1)
    return _SLOPE_SHIFTS[cell]


def _gate_slopes(g: np.ndarray, shift: np.ndarray, out: np.ndarray, scratch: np.ndarray) -> None:
    """out = ∂gate/∂pre for every block of g (k, G, B, H), in three full passes."""
    np.subtract(1.0, g, out)
    np.add(g, shift, scratch)
    out *= scratch


def _to_flat(d: np.ndarray, out: np.ndarray) -> None:
    """One step's gate-major d (G, B, H) into the weight layout's row order, out (B, G·H)."""
    G, B, H = d.shape
    np.copyto(out.reshape(B, G, H), d.transpose(1, 0, 2))


def _lstm_coefficients(model, cache, s, e, out, k_c, scratch) -> None:
    """Block [s, e) of the LSTM's local derivatives, written into ``out`` (k, G, B, H) and
    ``k_c`` (k, B, H): ∂c_t/∂pre of the blocks before o (how dc_t reaches them),
    ∂h_t/∂pre_o for o, and k_c = o(1 − tanh²c_t), the local ∂c_t/∂h_t.

    c_t = f ⊙ c_{t−1} + i ⊙ z (the 1997 cell: no f), so ∂c/∂pre_i = z·i(1−i),
    ∂c/∂pre_f = c_{t−1}·f(1−f), ∂c/∂pre_z = i(1−z²); h_t = o ⊙ tanh c_t, so
    ∂h/∂pre_o = tanh c_t · o(1−o).
    """
    blocks, g = model.spec.blocks, cache["gates"][s:e]
    _gate_slopes(g, _slope_shift(model.cell), out, scratch)
    gate = {b: g[:, k] for k, b in enumerate(blocks)}
    slope = {b: out[:, k] for k, b in enumerate(blocks)}
    tc = cache["tanh_c"][s:e]
    factor = {"i": gate["z"], "z": gate["i"], "o": tc}
    if "f" in blocks:
        factor["f"] = cache["c_prev"][s:e]
    for b, by in factor.items():
        slope[b] *= by
    np.multiply(tc, tc, k_c)
    np.subtract(1.0, k_c, k_c)
    k_c *= gate["o"]


def _backward_lstm(model, cache, dh_y, cut, ws=FRESH):
    """Both LSTMs; along c each step back multiplies dc by f (``lstm``) or by 1 (1997).

    Block by block of steps (latest first): the local derivatives of a block, then its steps.
    The pre-activation gradients are worked on gate-major (T, G, B, H), like the forward
    gates, and each step's is copied into the weight layout (T, B, G·H) that is returned.
    """
    T, B, H = dh_y.shape
    W, blocks = model.params["weight_hh_l0"], model.spec.blocks
    G, f = len(blocks), cache.get("f")
    dh, dc = ws.empty("dh", (T, B, H)), ws.empty("dc", (T, B, H))
    dpre, flat = ws.empty("d_pre", (T, G, B, H)), ws.empty("d_flat", (T, B, G * H))
    nxt_h, nxt_c, zeros = np.zeros((B, H)), np.zeros((B, H)), np.zeros((B, H))
    spans = time_blocks(T, B, G * H)
    k_c = np.empty((spans[0][1], B, H)) if T else None
    scratch = np.empty((spans[0][1], G, B, H)) if T else None
    carry = np.empty((B, H))  # dc_t ⊙ f_t, on its way to step t − 1
    for s, e in reversed(spans):
        _lstm_coefficients(model, cache, s, e, dpre[s:e], k_c[: e - s], scratch[: e - s])
        for t in range(e - 1, s - 1, -1):
            dh_t, dc_t, dp = dh[t], dc[t], dpre[t]
            np.add(dh_y[t], nxt_h, dh_t)
            np.multiply(dh_t, k_c[t - s], dc_t)
            dc_t += nxt_c
            dp[: G - 1] *= dc_t
            dp[G - 1] *= dh_t
            _to_flat(dp, flat[t])
            if cut[t]:
                nxt_h.fill(0.0)
                nxt_c = zeros
            else:
                np.dot(flat[t], W, nxt_h)
                nxt_c = dc_t if f is None else np.multiply(dc_t, f[t], carry)
    return {"dh": dh, "dc": dc}, flat, flat


def _gru_coefficients(cache, s, e, k_gh, k_gi_n, scratch) -> None:
    """Block [s, e) of the GRU's local derivatives: k_gh (k, 3, B, H) = (k_r, k_z, k_n·r)
    and k_gi_n (k, B, H) = k_n.

    k_n = (1 − z)(1 − n²), k_r = k_n·hn·r(1 − r), k_z = (h_{t−1} − n)·z(1 − z).
    """
    r, z, n, hn, hp = (cache[k][s:e] for k in ("r", "z", "n", "hn", "h_prev"))
    g = cache["gates"][s:e]
    _gate_slopes(g, _slope_shift("gru"), k_gh, scratch)  # r(1−r), z(1−z), 1−n²
    g_r, g_z, g_n = k_gh[:, 0], k_gh[:, 1], k_gh[:, 2]
    tmp = scratch[:, 0]
    np.subtract(1.0, z, tmp)
    np.multiply(tmp, g_n, k_gi_n)
    g_r *= k_gi_n
    g_r *= hn
    np.subtract(hp, n, tmp)
    g_z *= tmp
    np.multiply(k_gi_n, r, g_n)


def _backward_gru(model, cache, dh_y, cut, ws=FRESH):
    """d_gh = dh_t ⊙ (k_r, k_z, k_n·r); d_gi equals it except in the n block, dh_t ⊙ k_n.
    Worked on gate-major (T, 3, B, H); returned in the weight layout (T, B, 3H)."""
    T, B, H = dh_y.shape
    W, z = model.params["weight_hh_l0"], cache["z"]
    dh, d_gh = ws.empty("dh", (T, B, H)), ws.empty("d_pre", (T, 3, B, H))
    d_gi_n = ws.empty("d_gi_n", (T, B, H))
    gh_flat, gi_flat = ws.empty("d_flat", (T, B, 3 * H)), ws.empty("d_gi", (T, B, 3 * H))
    nxt, dz = np.zeros((B, H)), np.empty((B, H))
    spans = time_blocks(T, B, 3 * H)
    scratch = np.empty((spans[0][1], 3, B, H)) if T else None
    for s, e in reversed(spans):
        _gru_coefficients(cache, s, e, d_gh[s:e], d_gi_n[s:e], scratch[: e - s])
        for t in range(e - 1, s - 1, -1):
            dh_t = dh[t]
            np.add(dh_y[t], nxt, dh_t)
            d_gi_n[t] *= dh_t
            d_gh[t] *= dh_t
            _to_flat(d_gh[t], gh_flat[t])
            if cut[t]:
                nxt.fill(0.0)
            else:
                np.dot(gh_flat[t], W, nxt)
                nxt += np.multiply(dh_t, z[t], dz)
    gi_flat[..., : 2 * H] = gh_flat[..., : 2 * H]
    gi_flat[..., 2 * H :] = d_gi_n
    return {"dh": dh}, gi_flat, gh_flat


#: The backward loop of each cell: (model, cache, dh_y, cut) → (states, d_gi, d_gh).
_BACKWARDS = {
    "rnn": _backward_rnn,
    "lstm": _backward_lstm,
    "lstm_nofg": _backward_lstm,
    "gru": _backward_gru,
}


def backward_batch(
    model: Model, cache: dict, dy: np.ndarray, truncate: int | None = None, *, workspace=None
):
    """Gradients of L with respect to every parameter and every hidden state.

    Parameters
    ----------
    cache : dict from :func:`forward_batch`.
    dy : (T, B, O), ∂L/∂y_t (time-major, like the cache).
    truncate : int, optional, the truncation length k.
    workspace : :class:`~.workspace.Workspace`, optional: take the arrays from it (they are
        overwritten by the next pass that uses it).

    Returns
    -------
    grads : dict, one (unclipped) gradient per parameter, PyTorch-named.
    states : dict, ``dh`` (T, B, H) and for the LSTMs ``dc`` (T, B, H): total derivatives.
    """
    T = dy.shape[0]
    with np.errstate(all="ignore"):
        ws = workspace or FRESH
        dh_y = _dh_from_outputs(model, dy, ws)
        run = _BACKWARDS[model.cell]
        states, d_gi, d_gh = run(model, cache, dh_y, cut_steps(T, truncate), ws)
        grads = _parameter_grads(model, cache, d_gi, d_gh)
        if model.has_head:
            O, H = dy.shape[2], cache["h"].shape[2]
            grads["head.weight"] = dy.reshape(-1, O).T @ cache["h"].reshape(-1, H)
            grads["head.bias"] = dy.sum(axis=(0, 1))
    return grads, states


def _parameter_grads(model, cache, d_gi, d_gh):
    """Sum the per-step outer products: d_gi (T, B, G·H) ⊗ [x_t, 1] and d_gh ⊗ h_{t−1},
    each as one (G·H, T·B) @ (T·B, ·) product over all steps (the 1 gives the bias)."""
    G_H, I = d_gi.shape[2], cache["x"].shape[2]
    x1 = np.empty((d_gi.shape[0] * d_gi.shape[1], I + 1))
    x1[:, :I] = cache["x"].reshape(-1, I)
    x1[:, I] = 1.0
    hp = _h_prev(cache).reshape(-1, cache["h"].shape[2])
    gi, gh = d_gi.reshape(-1, G_H), d_gh.reshape(-1, G_H)
    # np.dot, not @: with subnormal gradients (a vanished RNN gradient over T = 10,000)
    # matmul of the transposed view took 90–280 ms holding the GIL; dot goes to BLAS (0.3 ms)
    w_ih = np.dot(gi.T, x1)
    b_ih = np.ascontiguousarray(w_ih[:, I])
    return {
        "weight_ih_l0": np.ascontiguousarray(w_ih[:, :I]),
        "weight_hh_l0": np.dot(gh.T, hp),
        "bias_ih_l0": b_ih,
        "bias_hh_l0": b_ih.copy() if d_gh is d_gi else gh.sum(axis=0),
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
