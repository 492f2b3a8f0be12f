"""One time step of each cell, batched: every state is (B, H), every gate block (B, G·H).

The input side ``gi_t = x_t @ weight_ihᵀ + b_ih (+ b_hh)`` is computed by the caller for a
block of steps at once, straight into the step's output array (``g`` / ``a_out``); a step
only adds the recurrent side ``h_{t−1} @ weight_hhᵀ`` and applies the nonlinearities, in
place, writing into views of the trace arrays. A step allocates nothing.
"""

from __future__ import annotations

import math

import numpy as np

from .cellspec import cell_spec

# NumPy's float64 tanh has no SIMD loop on AVX2 machines (14 ns a value) and exp has none
# either (5 ns): σ and tanh are computed from one 2^x (np.exp2, ~5 % faster than exp).
# σ(x) = 1 / (1 + 2^{−x·log₂e}); tanh(x) = 2σ(2x) − 1 = 1 − 2 / (1 + 2^{2x·log₂e}) — exact
# at ±∞ and NaN, within ~1e-15 relatively of np.tanh and of 1 / (1 + e^{−x}) for |x| < 40
# (the product x·log₂e rounds once), and relatively less accurate only for |x| < 1e-8,
# where tanh x ≈ x.
#
# LSTM gate blocks (i, f, z, o; or i, z, o): the pre-activations come multiplied by
# :func:`lstm_scales` (−log₂e on the σ blocks, −2·log₂e on the candidate z), so one 2^x
# pass gives σ(x) on the gates and σ(2x) on z, and z = 2σ(2x) − 1 = tanh(x).
LOG2E = 1.0 / math.log(2.0)
_LSTM_SCALES: dict[tuple[str, int], np.ndarray] = {}


def _constant(value: float) -> np.ndarray:
    """A read-only 0-d array: as an operand it costs NumPy less than a Python float."""
    a = np.array(value)
    a.flags.writeable = False
    return a


ONE, TWO, TWO_LOG2E = _constant(1.0), _constant(2.0), _constant(2.0 * LOG2E)


def lstm_scales(H: int, cell: str = "lstm") -> np.ndarray:
    """(G·H,): the factor on each pre-activation of ``cell`` that lets one σ pass give σ on
    its gate blocks and tanh on its candidate block."""
    if (cell, H) not in _LSTM_SCALES:
        sigma = [cell_spec(cell).quantity(b).kind == "gate" for b in cell_spec(cell).blocks]
        _LSTM_SCALES[cell, H] = np.repeat([-LOG2E if s else -2.0 * LOG2E for s in sigma], H)
    return _LSTM_SCALES[cell, H]


def sigmoid_of_scaled(g: np.ndarray) -> None:
    """In place: g holds −x·log₂e on entry and σ(x) = 1 / (1 + 2^{−x·log₂e}) on return."""
    np.exp2(g, g)
    g += ONE
    np.divide(ONE, g, g)


def tanh_into(x: np.ndarray, out: np.ndarray) -> None:
    """out = tanh(x) = 1 − 2 / (1 + 2^{2x·log₂e}) (``out`` may be ``x``)."""
    np.multiply(x, TWO_LOG2E, out)
    np.exp2(out, out)
    out += ONE
    np.divide(TWO, out, out)
    np.subtract(ONE, out, out)


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
    sigmoid_of_scaled(g)
    i, f, z, o = g[0], g[1], g[2], g[3]
    z *= TWO  # σ(2x) → tanh(x)
    z -= ONE
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
    sigmoid_of_scaled(g)
    i, z, o = g[0], g[1], g[2]
    z *= TWO
    z -= ONE
    np.multiply(i, z, c_out)
    c_out += c_prev
    tanh_into(c_out, tc_out)
    np.multiply(tc_out, o, h_out)


def gru_step(h_prev, W_g, b_hn, gh_buf, rzn, hn_out, r_hn, z_d, h_out) -> None:
    """PyTorch's GRU step; the input side holds b_ir + b_hr, b_iz + b_hz and b_in, not b_hn.

    r = σ(x W_ir + h W_hr + b), z = σ(x W_iz + h W_hz + b),
    n = tanh(x W_in + b_in + r ⊙ (h W_hn + b_hn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.

    Gate-major: ``rzn`` (3, B, H) holds the input side on entry and r, z, n on return;
    ``W_g`` (3, H, H). The r, z blocks of both come times −log₂e (so that one 2^x pass gives σ:
    :func:`sigmoid_of_scaled`). Writes, (B, H) each, ``hn_out = h W_hn + b_hn``, and for the
    backward pass ``r_hn = r ⊙ hn`` and ``z_d = z ⊙ (h_{t−1} − n)``, and h_out = z_d + n.
    ``gh_buf`` is a (3, B, H) scratch array; ``b_hn`` (B, H).
    """
    np.matmul(h_prev[None], W_g, out=gh_buf)
    rz = rzn[:2]
    rz += gh_buf[:2]
    sigmoid_of_scaled(rz)
    np.add(gh_buf[2], b_hn, hn_out)
    n = rzn[2]
    np.multiply(rz[0], hn_out, r_hn)
    n += r_hn
    tanh_into(n, n)
    np.subtract(h_prev, n, z_d)
    z_d *= rz[1]
    np.add(z_d, n, h_out)
