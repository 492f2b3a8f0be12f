"""One time step of each cell, batched: every state is (B, H), every gate block (B, G·H).

The input side ``gi_t = x_t @ weight_ihᵀ + b_ih (+ b_hh)`` is computed by the caller for a
block of steps at once, straight into the step's output array (``g`` / ``a_out``); a step
only adds the recurrent side ``h_{t−1} @ weight_hhᵀ`` and applies the nonlinearities, in
place, writing into views of the trace arrays. A step allocates nothing.
"""

from __future__ import annotations

import numpy as np

from .cellspec import cell_spec

# NumPy's float64 tanh has no SIMD loop on AVX2 machines (14 ns a value) while exp has
# (5 ns): σ and tanh are computed from one exp. σ(x) = 1 / (1 + e^{−x}); tanh(x) =
# 2σ(2x) − 1 = 1 − 2 / (1 + e^{2x}) — exact at ±∞ and NaN, within ~2e-16 absolutely of
# np.tanh (relatively less accurate only for |x| < 1e-8, where both are ≈ x).
#
# LSTM gate blocks (i, f, z, o; or i, z, o): the pre-activations come multiplied by
# :func:`lstm_scales` (−1 on the σ blocks, −2 on the candidate z), so one exp pass gives
# σ(x) on the gates and σ(2x) on z, and z = 2σ(2x) − 1 = tanh(x).
_LSTM_SCALES: dict[tuple[str, int], np.ndarray] = {}


def lstm_scales(H: int, cell: str = "lstm") -> np.ndarray:
    """(G·H,): the factor on each pre-activation of ``cell`` that lets one σ pass give σ on
    its gate blocks and tanh on its candidate block."""
    if (cell, H) not in _LSTM_SCALES:
        sigma = [cell_spec(cell).quantity(b).kind == "gate" for b in cell_spec(cell).blocks]
        _LSTM_SCALES[cell, H] = np.repeat([-1.0 if s else -2.0 for s in sigma], H)
    return _LSTM_SCALES[cell, H]


def sigmoid_of_negated(g: np.ndarray) -> None:
    """In place: g holds −x on entry and σ(x) = 1 / (1 + e^{−x}) on return."""
    np.exp(g, g)
    g += 1.0
    np.divide(1.0, g, g)


def tanh_into(x: np.ndarray, out: np.ndarray) -> None:
    """out = tanh(x) = 1 − 2 / (1 + e^{2x}) (``out`` may be ``x``)."""
    np.multiply(x, 2.0, out)
    np.exp(out, out)
    out += 1.0
    np.divide(2.0, out, out)
    np.subtract(1.0, out, out)


def rnn_step(h_prev, W_hhT, activation: str, buf, a_out, h_out) -> None:
    """a_t = h_{t−1}·W_h + x_t·W_x + b; h_t = φ(a_t).

    ``a_out`` (B, H) holds x_t·W_x + b on entry and a_t on return; writes h_out.
    ``buf`` is a (B, H) scratch array.
    """
    np.dot(h_prev, W_hhT, buf)
    a_out += buf
    if activation == "tanh":
        tanh_into(a_out, h_out)
    elif activation == "relu":
        np.maximum(a_out, 0.0, out=h_out)
    elif activation == "identity":
        h_out[...] = a_out
    else:
        raise ValueError(f"unknown activation {activation!r}")


def lstm_step(h_prev, c_prev, W_g, buf, g, c_out, tc_out, h_out) -> None:
    """The textbook's LSTM step (§8.2), biases folded into the input side.

    z = tanh(W_z[h, x] + b_z), i = σ(…), f = σ(…), o = σ(…),
    c_t = f ⊙ c_{t−1} + i ⊙ z, h_t = o ⊙ tanh(c_t).

    ``g`` (4, B, H), gate-major, holds the input side on entry and the gates i, f, z, o on
    return; the input side and ``W_g`` (4, H, H) come pre-multiplied by
    :func:`lstm_scales`. Writes c_out, tanh(c_t) into tc_out and h_out.
    ``buf``: (4, B, H) scratch.
    """
    np.matmul(h_prev[None], W_g, out=buf)
    g += buf
    sigmoid_of_negated(g)
    i, f, z, o = g
    z *= 2.0  # σ(2x) → tanh(x)
    z -= 1.0
    np.multiply(f, c_prev, c_out)
    iz = buf[0]
    np.multiply(i, z, iz)
    c_out += iz
    tanh_into(c_out, tc_out)
    np.multiply(tc_out, o, h_out)


def lstm_nofg_step(h_prev, c_prev, W_g, buf, g, c_out, tc_out, h_out) -> None:
    """Hochreiter & Schmidhuber's 1997 LSTM step, without a forget gate.

    i = σ(W_i[h, x] + b_i), z = tanh(W_z[h, x] + b_z), o = σ(W_o[h, x] + b_o),
    c_t = c_{t−1} + i ⊙ z, h_t = o ⊙ tanh(c_t).

    As :func:`lstm_step`, with ``g`` (3, B, H) holding the blocks i, z, o.
    """
    np.matmul(h_prev[None], W_g, out=buf)
    g += buf
    sigmoid_of_negated(g)
    i, z, o = g
    z *= 2.0
    z -= 1.0
    np.multiply(i, z, c_out)
    c_out += c_prev
    tanh_into(c_out, tc_out)
    np.multiply(tc_out, o, h_out)


def gru_step(h_prev, W_g, b_hn, gh_buf, rzn, hn_out, h_out) -> None:
    """PyTorch's GRU step; the input side holds b_ir + b_hr, b_iz + b_hz and b_in, not b_hn.

    r = σ(x W_ir + h W_hr + b), z = σ(x W_iz + h W_hz + b),
    n = tanh(x W_in + b_in + r ⊙ (h W_hn + b_hn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.

    Gate-major: ``rzn`` (3, B, H) holds the input side on entry and r, z, n on return;
    ``W_g`` (3, H, H). The r, z blocks of both come negated (so that one exp pass gives σ:
    :func:`sigmoid_of_negated`). Writes ``hn_out = h W_hn + b_hn`` (kept for the backward
    pass) and h_out. ``gh_buf`` is a (3, B, H) scratch array.
    """
    np.matmul(h_prev[None], W_g, out=gh_buf)
    rz = rzn[:2]
    rz += gh_buf[:2]
    sigmoid_of_negated(rz)
    np.add(gh_buf[2], b_hn, hn_out)
    n, r_hn = rzn[2], gh_buf[0]
    np.multiply(rz[0], hn_out, r_hn)
    n += r_hn
    tanh_into(n, n)
    np.subtract(h_prev, n, h_out)
    h_out *= rz[1]
    h_out += n
