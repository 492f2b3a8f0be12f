"""One time step of each cell, batched: every state is (B, H), every input block (B, G·H).

The input side ``gi_t = x_t @ weight_ihᵀ + b_ih (+ b_hh)`` is computed for all steps at
once by the caller; a step only adds the recurrent side ``h_{t−1} @ weight_hhᵀ``. Each step
writes into views of the trace arrays (``out``), so a step allocates almost nothing.
"""

from __future__ import annotations

import numpy as np

from .cellspec import cell_spec
from .numerics import activate

# LSTM gate blocks (i, f, z, o; or i, z, o): σ(x) = ½ + ½·tanh(x/2) for the gates and tanh(x)
# for the candidate z, so all come from one tanh: gates = tanh(pre · scale) · scale + shift.
_LSTM_SCALES: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = {}


def lstm_scales(H: int, cell: str = "lstm") -> tuple[np.ndarray, np.ndarray]:
    """(scale, shift), each (G·H,), that turn tanh into σ on the gate blocks of ``cell``."""
    if (cell, H) not in _LSTM_SCALES:
        sigma = [cell_spec(cell).quantity(b).kind == "gate" for b in cell_spec(cell).blocks]
        _LSTM_SCALES[cell, H] = (
            np.repeat([0.5 if s else 1.0 for s in sigma], H),
            np.repeat([0.5 if s else 0.0 for s in sigma], H),
        )
    return _LSTM_SCALES[cell, H]


def rnn_step(gi_t, h_prev, W_hhT, activation: str, a_out, h_out) -> None:
    """a_t = h_{t−1}·W_h + x_t·W_x + b; h_t = φ(a_t). Writes a_out, h_out (B, H)."""
    np.dot(h_prev, W_hhT, a_out)
    a_out += gi_t
    h_out[...] = activate(activation, a_out)


def lstm_step(gi_t, h_prev, c_prev, W_hhT, gates_out, c_out, h_out) -> None:
    """The textbook's LSTM step (§8.2), biases folded into ``gi_t``.

    z = tanh(W_z[h, x] + b_z), i = σ(…), f = σ(…), o = σ(…),
    c_t = f ⊙ c_{t−1} + i ⊙ z, h_t = o ⊙ tanh(c_t).

    ``gi_t`` (B, 4H) and ``W_hhT`` (H, 4H) come pre-multiplied by :func:`lstm_scales`'s
    ``scale``. Writes ``gates_out`` (B, 4H) with the blocks i, f, z, o, and c_out, h_out.
    """
    H = h_prev.shape[-1]
    scale, shift = lstm_scales(H)
    g = gates_out
    np.dot(h_prev, W_hhT, g)
    g += gi_t
    np.tanh(g, g)
    g *= scale
    g += shift
    np.multiply(g[:, H : 2 * H], c_prev, c_out)
    c_out += g[:, :H] * g[:, 2 * H : 3 * H]
    np.tanh(c_out, h_out)
    h_out *= g[:, 3 * H :]


def lstm_nofg_step(gi_t, h_prev, c_prev, W_hhT, gates_out, c_out, h_out) -> None:
    """Hochreiter & Schmidhuber's 1997 LSTM step, without a forget gate.

    i = σ(W_i[h, x] + b_i), z = tanh(W_z[h, x] + b_z), o = σ(W_o[h, x] + b_o),
    c_t = c_{t−1} + i ⊙ z, h_t = o ⊙ tanh(c_t).

    ``gi_t`` (B, 3H) and ``W_hhT`` (H, 3H) come pre-multiplied by
    ``lstm_scales(H, "lstm_nofg")``'s ``scale``. Writes ``gates_out`` (B, 3H) with the blocks
    i, z, o, and c_out, h_out (B, H).
    """
    H = h_prev.shape[-1]
    scale, shift = lstm_scales(H, "lstm_nofg")
    g = gates_out
    np.dot(h_prev, W_hhT, g)
    g += gi_t
    np.tanh(g, g)
    g *= scale
    g += shift
    np.multiply(g[:, :H], g[:, H : 2 * H], c_out)
    c_out += c_prev
    np.tanh(c_out, h_out)
    h_out *= g[:, 2 * H :]


def gru_step(gi_t, h_prev, W_hhT, b_hn, gh_buf, rzn_out, hn_out, h_out) -> None:
    """PyTorch's GRU step; ``gi_t`` holds b_ir + b_hr, b_iz + b_hz and b_in, not b_hn.

    r = σ(x W_ir + h W_hr + b), z = σ(x W_iz + h W_hz + b),
    n = tanh(x W_in + b_in + r ⊙ (h W_hn + b_hn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.

    Writes ``rzn_out`` (B, 3H) with the blocks r, z, n; ``hn_out = h W_hn + b_hn`` (kept for
    the backward pass) and h_out. ``gh_buf`` is a (B, 3H) scratch array.
    """
    H = h_prev.shape[-1]
    np.dot(h_prev, W_hhT, gh_buf)
    rz = rzn_out[:, : 2 * H]
    np.add(gi_t[:, : 2 * H], gh_buf[:, : 2 * H], rz)
    rz *= 0.5
    np.tanh(rz, rz)
    rz += 1.0
    rz *= 0.5
    np.add(gh_buf[:, 2 * H :], b_hn, hn_out)
    n = rzn_out[:, 2 * H :]
    np.multiply(rz[:, :H], hn_out, n)
    n += gi_t[:, 2 * H :]
    np.tanh(n, n)
    np.subtract(h_prev, n, h_out)
    h_out *= rz[:, H:]
    h_out += n
