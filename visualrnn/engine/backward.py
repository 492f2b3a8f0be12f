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

from .cells import ONE
from .cellspec import cell_spec
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
    # np.dot, not matmul: with O = 1 matmul's (T·B, 1) @ (1, H) took 3–6× as long
    np.dot(dy.reshape(T * B, O), model.params["head.weight"], out=out.reshape(T * B, -1))
    return out


def _backward_rnn(model, cache, dh_y, cut, ws=FRESH):
    T, B, H = dh_y.shape
    W, h = model.params["weight_hh_l0"], cache["h"]
    dh, da = ws.empty("dh", (T, B, H)), ws.empty("d_pre", (T, B, H))
    if model.activation == "tanh":  # φ' = 1 − h², written into da
        np.multiply(h, h, da)
        np.subtract(ONE, da, da)
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
    return {"dh": dh}, da, None


_SLOPE_SHIFTS: dict[tuple, np.ndarray] = {}


def _slope_shift(cell: str, B: int, H: int) -> np.ndarray:
    """(G, B, H): 0 on the σ blocks, 1 on the tanh blocks, so that (1 − g)(g + shift) is
    each block's derivative by its pre-activation: σ(1 − σ) and (1 − z)(1 + z) = 1 − z².
    Whole, not broadcast (NumPy's broadcasting loop took twice as long)."""
    shift = _SLOPE_SHIFTS.get((cell, B, H))
    if shift is None:
        spec = cell_spec(cell)
        tanh = [spec.quantity(b).kind != "gate" for b in spec.blocks]
        shift = np.broadcast_to(np.array(tanh, dtype=float)[:, None, None], (len(tanh), B, H))
        shift = np.ascontiguousarray(shift)
        if len(_SLOPE_SHIFTS) >= 8:  # a few shapes at a time (the trainer's, a trace's)
            _SLOPE_SHIFTS.clear()
        _SLOPE_SHIFTS[cell, B, H] = shift
    return shift


def _step_scratch(G: int, B: int, H: int):
    """(G, B, H) scratch for one step's gate-major gradients, and the same array seen as
    (B, G, H): the weight layout's row order, to copy from into a (B, G, H) view of a
    (B, G·H) row."""
    d = np.empty((G, B, H))
    return d, d.transpose(1, 0, 2)


def _backward_lstm(model, cache, dh_y, cut, ws=FRESH):
    """Both LSTMs; along c each step back multiplies dc by f (``lstm``) or by 1 (1997).

    c_t = f ⊙ c_{t−1} + i ⊙ z (the 1997 cell: no f) and h_t = o ⊙ tanh c_t, so
    dc_t = dh_t ⊙ o(1 − tanh²c_t) + dc_{t+1} ⊙ f_{t+1}, and the pre-activation gradients
    are dc_t ⊙ z·i(1−i) (i), dc_t ⊙ c_{t−1}·f(1−f) (f), dc_t ⊙ i(1−z²) (z) and
    dh_t ⊙ tanh c_t·o(1−o) (o). Each step works on its contiguous gate-major (G, B, H)
    block and copies the result into the weight layout (T, B, G·H) that is returned.
    """
    T, B, H = dh_y.shape
    W, blocks = model.params["weight_hh_l0"], model.spec.blocks
    G, at = len(blocks), {b: k for k, b in enumerate(blocks)}
    gates, tc, c_prev = cache["gates"], cache["tanh_c"], cache["c_prev"]
    dh, dc = ws.empty("dh", (T, B, H)), ws.empty("dc", (T, B, H))
    flat = ws.empty("d_flat", (T, B, G * H))
    nxt_h, nxt_c, zeros = np.zeros((B, H)), np.zeros((B, H)), np.zeros((B, H))
    a, carry = np.empty((B, H)), np.empty((B, H))
    q, m = np.empty((G, B, H)), np.empty((G, B, H))
    (dp, dp_rows), rows = _step_scratch(G, B, H), flat.reshape(T, B, G, H)
    shift = _slope_shift(model.cell, B, H)
    i, z, o, f = at["i"], at["z"], at["o"], at.get("f")
    for t in range(T - 1, -1, -1):
        g, dh_t, dc_t, tc_t = gates[t], dh[t], dc[t], tc[t]
        np.add(dh_y[t], nxt_h, dh_t)
        np.multiply(tc_t, tc_t, a)  # dc_t = dh_t ⊙ o(1 − tanh²c_t) + the carry
        np.subtract(ONE, a, a)
        a *= g[o]
        a *= dh_t
        np.add(a, nxt_c, dc_t)
        np.multiply(g[z], dc_t, m[i])  # what multiplies each block's slope
        np.multiply(g[i], dc_t, m[z])
        if f is not None:
            np.multiply(c_prev[t], dc_t, m[f])
        np.multiply(tc_t, dh_t, m[o])
        np.add(g, shift, q)  # the slopes (1 − g)(g + shift), times m
        q *= m
        np.subtract(ONE, g, dp)
        dp *= q
        np.copyto(rows[t], dp_rows)
        if cut[t]:
            nxt_h.fill(0.0)
            nxt_c = zeros
        else:
            np.dot(flat[t], W, nxt_h)
            nxt_c = dc_t if f is None else np.multiply(dc_t, g[f], carry)
    return {"dh": dh, "dc": dc}, flat, None


def _backward_gru(model, cache, dh_y, cut, ws=FRESH):
    """h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, so with k_n = (1 − z)(1 − n²):
    d_gh = dh_t ⊙ (k_n·r(1 − r)·hn, z(1 − z)·(h_{t−1} − n), k_n·r), and the input side
    equals it except in the n block, dh_t ⊙ k_n. The forward pass kept r ⊙ hn and
    z ⊙ (h_{t−1} − n). Each step works on its gate-major (3, B, H) block; returned: d_gh in
    the weight layout (T, B, 3H), and the input side's n block (T, B, H)
    (:func:`input_side`)."""
    T, B, H = dh_y.shape
    W, gates, r_hn, z_d = model.params["weight_hh_l0"], cache["gates"], cache["r_hn"], cache["z_d"]
    dh, d_gi_n = ws.empty("dh", (T, B, H)), ws.empty("d_gi_n", (T, B, H))
    flat = ws.empty("d_flat", (T, B, 3 * H))
    (d, d_rows), rows = _step_scratch(3, B, H), flat.reshape(T, B, 3, H)
    nxt, a, u = np.zeros((B, H)), np.empty((B, H)), np.empty((2, B, H))
    for t in range(T - 1, -1, -1):
        dh_t, k_n, g = dh[t], d_gi_n[t], gates[t]
        r, z, n = g[0], g[1], g[2]
        np.add(dh_y[t], nxt, dh_t)
        np.subtract(ONE, g[:2], u)  # 1 − r, 1 − z
        np.multiply(n, n, a)  # k_n ⊙ dh_t = (1 − z)(1 − n²) ⊙ dh_t
        np.subtract(ONE, a, a)
        a *= u[1]
        np.multiply(a, dh_t, k_n)
        np.multiply(u[0], r_hn[t], d[0])  # r(1 − r)·hn = (1 − r)·(r ⊙ hn)
        d[0] *= k_n
        np.multiply(u[1], z_d[t], d[1])  # z(1 − z)(h_{t−1} − n) = (1 − z)·z_d
        d[1] *= dh_t
        np.multiply(k_n, r, d[2])
        np.copyto(rows[t], d_rows)
        if cut[t]:
            nxt.fill(0.0)
        else:
            np.dot(flat[t], W, nxt)
            np.multiply(dh_t, z, a)
            nxt += a
    return {"dh": dh}, flat, d_gi_n


#: The backward loop of each cell: (model, cache, dh_y, cut) → (states, d_gh, d_gi_n):
#: the state gradients, the hidden side's pre-activation gradients (T, B, G·H) and, where
#: the input side's differ (the GRU's n block), those, else None.
_BACKWARDS = {
    "rnn": _backward_rnn,
    "lstm": _backward_lstm,
    "lstm_nofg": _backward_lstm,
    "gru": _backward_gru,
}


def input_side(d_gh: np.ndarray, d_gi_n: np.ndarray | None) -> np.ndarray:
    """The input side's pre-activation gradients (T, B, G·H): d_gh, with the GRU's n block
    replaced by ``d_gi_n``."""
    if d_gi_n is None:
        return d_gh
    d_gi = d_gh.copy()
    d_gi[..., -d_gi_n.shape[2] :] = d_gi_n
    return d_gi


def pre_activation_grads(model: Model, cache: dict, dh_y: np.ndarray, truncate=None, ws=FRESH):
    """BPTT from ∂L/∂h_t through the outputs (``dh_y``, (T, B, H)).

    Returns
    -------
    states : dict, ``dh`` (and ``dc``), (T, B, H).
    d_gi, d_gh : (T, B, G·H), ∂L/∂ of the input side's and the hidden side's
        pre-activations, in the weight layout's block order.
    """
    states, d_gh, d_gi_n = _run_backward(model, cache, dh_y, truncate, ws)
    return states, input_side(d_gh, d_gi_n), d_gh


def _run_backward(model: Model, cache: dict, dh_y: np.ndarray, truncate, ws):
    """The cell's backward loop (:data:`_BACKWARDS`): (states, d_gh, d_gi_n)."""
    cut = cut_steps(dh_y.shape[0], truncate)
    return _BACKWARDS[model.cell](model, cache, dh_y, cut, ws)


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
    with np.errstate(all="ignore"):
        ws = workspace or FRESH
        dh_y = _dh_from_outputs(model, dy, ws)
        states, d_gh, d_gi_n = _run_backward(model, cache, dh_y, truncate, ws)
        grads = _parameter_grads(model, cache, d_gh, d_gi_n, ws)
        if model.has_head:
            O, H = dy.shape[2], cache["h"].shape[2]
            grads["head.weight"] = np.dot(dy.reshape(-1, O).T, cache["h"].reshape(-1, H))
            grads["head.bias"] = dy.sum(axis=(0, 1))
    return grads, states


def _parameter_grads(model, cache, d_gh, d_gi_n, ws=FRESH):
    """Sum the per-step outer products over all steps, as (G·H, T·B) @ (T·B, ·) products.

    The hidden side's d_gh multiplies [x_t, 1, h_{t−1}] in one product (the 1 gives the
    bias): it is the input side's gradient too, except the GRU's n block (``d_gi_n``),
    whose input weights and bias come from a second, smaller product.
    """
    G_H, I, H = d_gh.shape[2], cache["x"].shape[2], cache["h"].shape[2]
    width = -(-(I + 1 + H) // 4) * 4  # zero columns to a multiple of 4: OpenBLAS's kernel
    rows = ws.empty("x1h", (d_gh.shape[0] * d_gh.shape[1], width))  # (35 → 36: 10 % faster)
    rows[:, : I + 1] = cache["x1"].reshape(-1, I + 1)
    rows[:, I + 1 : I + 1 + H] = _h_prev(cache).reshape(-1, H)
    rows[:, I + 1 + H :] = 0.0
    # np.dot, not @: with subnormal gradients (a vanished RNN gradient over T = 10,000)
    # matmul of the transposed view took 90–280 ms holding the GIL; dot goes to BLAS (0.3 ms)
    both = np.dot(d_gh.reshape(-1, G_H).T, rows)
    w_ih = both[:, : I + 1]
    if d_gi_n is not None:
        w_ih = w_ih.copy()
        w_ih[G_H - H :] = np.dot(d_gi_n.reshape(-1, H).T, cache["x1"].reshape(-1, I + 1))
    return {
        "weight_ih_l0": np.ascontiguousarray(w_ih[:, :I]),
        "weight_hh_l0": np.ascontiguousarray(both[:, I + 1 : I + 1 + H]),
        "bias_ih_l0": np.ascontiguousarray(w_ih[:, I]),
        "bias_hh_l0": np.ascontiguousarray(both[:, I]),
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
