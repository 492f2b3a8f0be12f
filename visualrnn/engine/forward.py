"""The forward pass: whole-sequence traces and a step-by-step API.

A :class:`Trace` holds every number a view shows, per step, as read-only (T, ·) arrays.
It is computed once per edit; stepping through it only indexes these arrays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .cells import LOG2E, gru_step, lstm_nofg_step, lstm_scales, lstm_step, rnn_step
from .losses import check_targets, default_targets, loss_and_grad, loss_mask
from .model import GATE_NAMES, Model
from .workspace import FRESH


def _freeze(a):
    if a is None:
        return None
    a = np.ascontiguousarray(a)
    a.flags.writeable = False
    return a


#: Floats in one block of steps of the (T, B, G·H) arrays: 256 kB, which stays in L2 while
#: a block is filled (input side) and stepped through, forward and back.
BLOCK_FLOATS = 1 << 15


def time_blocks(T: int, B: int, width: int) -> list[tuple[int, int]]:
    """[(start, stop)) blocks of steps, each about :data:`BLOCK_FLOATS` of (B, width) rows."""
    k = max(1, BLOCK_FLOATS // max(1, B * width))
    return [(s, min(T, s + k)) for s in range(0, T, k)]


def _input_weights(model: Model, scale=None) -> np.ndarray:
    """(I + 1, G·H): weight_ihᵀ with the bias as its last row, the bias b_ih plus the b_hh
    that is not inside r ⊙ ( ) — so that [x_t, 1] @ it is the input side — each column
    times ``scale`` when given."""
    p, H = model.params, model.hidden_size
    bias = p["bias_ih_l0"] + p["bias_hh_l0"]
    if model.cell == "gru":
        bias[2 * H :] = p["bias_ih_l0"][2 * H :]
    W = np.vstack([p["weight_ih_l0"].T, bias])
    return W if scale is None else W * scale


def _fill_input_side(x1, W1, out) -> None:
    """out = [x, 1] @ W1 for one block of steps: (k, B, I + 1) → (k, B, H)."""
    k, B, I1 = x1.shape
    np.matmul(x1.reshape(k * B, I1), W1, out=out.reshape(k * B, -1))


#: Up to this many inputs (with the 1), the gate-major input side is one broadcast product
#: per block (a gemm per step and gate); above, one product and a transposed copy is faster.
SMALL_INPUT = 33


def _wide_input_rows(x1: np.ndarray, spans, width: int) -> np.ndarray | None:
    """Scratch (rows, G·H) for :func:`_fill_gate_inputs` of a wide input, else None."""
    if x1.shape[2] <= SMALL_INPUT or not spans:
        return None
    return np.empty((spans[0][1] * x1.shape[1], width))


def _fill_gate_inputs(x1, W1, out, flat) -> None:
    """out = [x, 1] @ W1 for one block of steps, gate-major: (k, B, I + 1) → (k, G, B, H);
    ``flat`` (≥ k·B, G·H) is scratch for the one product of a wide input."""
    k, B, I1 = x1.shape
    G, H = out.shape[1], out.shape[3]
    if I1 <= SMALL_INPUT:
        np.matmul(x1[:, None], W1.reshape(I1, G, H).transpose(1, 0, 2), out=out)
        return
    rows = flat[: k * B]
    np.matmul(x1.reshape(k * B, I1), W1, out=rows)
    np.copyto(out, rows.reshape(k, B, G, H).transpose(0, 2, 1, 3))


def _initial_states(model: Model, B: int, h0, c0):
    H = model.hidden_size
    h0 = np.zeros((B, H)) if h0 is None else np.broadcast_to(np.asarray(h0, float), (B, H))
    c0 = np.zeros((B, H)) if c0 is None else np.broadcast_to(np.asarray(c0, float), (B, H))
    return np.array(h0), np.array(c0)


def _state_buffer(ws, key: str, T: int, s0: np.ndarray) -> np.ndarray:
    """(T + 1, B, H) with s0 at row 0: rows 1… are the states, rows …T − 1 the previous ones."""
    buf = ws.empty(key, (T + 1,) + s0.shape)
    buf[0] = s0
    return buf


def _run_rnn(model, x1, h0, c0=None, ws=FRESH):
    T, B, _ = x1.shape
    H, act = model.hidden_size, model.activation
    W = model.params["weight_hh_l0"].T
    W1 = _input_weights(model)
    a, hs, buf = ws.empty("a", (T, B, H)), _state_buffer(ws, "h", T, h0), np.empty((B, H))
    for s, e in time_blocks(T, B, H):
        _fill_input_side(x1[s:e], W1, a[s:e])
        for t in range(s, e):
            rnn_step(hs[t], W, act, buf, a[t], hs[t + 1])
    return {"a": a, "h": hs[1:], "h_prev": hs[:-1]}


def _gate_weights(model: Model, pre: np.ndarray) -> np.ndarray:
    """weight_hh_l0ᵀ times ``pre`` per column, one block per gate: (G, H, H)."""
    H = model.hidden_size
    W = model.params["weight_hh_l0"].T * pre
    return np.ascontiguousarray(W.reshape(H, -1, H).transpose(1, 0, 2))


def _run_lstm(model, x1, h0, c0, ws=FRESH):
    """Both LSTMs: blocks i, f, z, o (``lstm``) or i, z, o (``lstm_nofg``).

    The gates are stored (T, G, B, H): each step's gates are one contiguous block, each
    gate in it a contiguous (B, H) (the same elementwise work on 32-wide slices of (B, G·H)
    rows cost 4× as much)."""
    T, B, _ = x1.shape
    H, blocks = model.hidden_size, model.spec.blocks
    G = len(blocks)
    step = lstm_step if "f" in blocks else lstm_nofg_step
    pre = lstm_scales(H, model.cell)
    W_g = _gate_weights(model, pre)
    W1 = _input_weights(model, pre)
    gates, tc = ws.empty("gates", (T, G, B, H)), ws.empty("tc", (T, B, H))
    buf, spans = np.empty((G, B, H)), time_blocks(T, B, G * H)
    flat = _wide_input_rows(x1, spans, G * H)
    hs, cs = _state_buffer(ws, "h", T, h0), _state_buffer(ws, "c", T, c0)
    for s, e in spans:
        _fill_gate_inputs(x1[s:e], W1, gates[s:e], flat)
        for t in range(s, e):
            step(hs[t], cs[t], W_g, buf, gates[t], cs[t + 1], tc[t], hs[t + 1])
    out = {n: gates[:, k] for k, n in enumerate(blocks)}
    out.update(c=cs[1:], h=hs[1:], h_prev=hs[:-1], c_prev=cs[:-1], gates=gates, tanh_c=tc)
    return out


def _run_gru(model, x1, h0, c0=None, ws=FRESH):
    """The GRU, gates stored (T, 3, B, H) like the LSTM's."""
    T, B, _ = x1.shape
    H = model.hidden_size
    scale = np.repeat([-LOG2E, -LOG2E, 1.0], H)  # σ from one 2^x: r, z scaled by −log₂e
    b_hn = np.broadcast_to(model.params["bias_hh_l0"][2 * H :], (B, H)).copy()  # whole: faster
    W_g = _gate_weights(model, scale)
    W1 = _input_weights(model, scale)
    rzn, hn = ws.empty("gates", (T, 3, B, H)), ws.empty("hn", (T, B, H))
    r_hn, z_d = ws.empty("r_hn", (T, B, H)), ws.empty("z_d", (T, B, H))
    buf, spans = np.empty((3, B, H)), time_blocks(T, B, 3 * H)
    flat = _wide_input_rows(x1, spans, 3 * H)
    hs = _state_buffer(ws, "h", T, h0)
    for s, e in spans:
        _fill_gate_inputs(x1[s:e], W1, rzn[s:e], flat)
        for t in range(s, e):
            gru_step(hs[t], W_g, b_hn, buf, rzn[t], hn[t], r_hn[t], z_d[t], hs[t + 1])
    out = {n: rzn[:, k] for k, n in enumerate(("r", "z", "n"))}
    out.update(hn=hn, r_hn=r_hn, z_d=z_d, h=hs[1:], h_prev=hs[:-1], gates=rzn)
    return out


#: The loop over time of each cell: (model, [x, 1] (T, B, I + 1), h0, c0, workspace) → the
#: cache.
_RUNNERS = {"rnn": _run_rnn, "lstm": _run_lstm, "lstm_nofg": _run_lstm, "gru": _run_gru}


def forward_batch(model: Model, x: np.ndarray, h0=None, c0=None, *, workspace=None) -> dict:
    """Run the cell over a batch of sequences.

    Parameters
    ----------
    x : (B, T, I) inputs.
    h0, c0 : (H,) or (B, H), optional initial states (zeros by default).
    workspace : :class:`~.workspace.Workspace`, optional: take the arrays from it (they are
        overwritten by the next pass that uses it).

    Returns
    -------
    dict of *time-major* (T, B, ·) arrays: ``x``, ``x1`` ([x_t, 1], (T, B, I + 1)), ``h``,
    ``y``, and per cell ``a`` (RNN); ``i``, ``f``, ``z``, ``o``, ``c`` (LSTM); ``i``, ``z``,
    ``o``, ``c`` (lstm_nofg); ``r``, ``z``, ``n``, ``hn``, ``r_hn`` = r ⊙ hn, ``z_d`` =
    z ⊙ (h_{t−1} − n) (GRU); plus the initial states ``h0``, ``c0`` (B, H); and for
    the backward pass ``h_prev`` (and ``c_prev``): h_{t−1} for every step, ``gates``: the
    gated cells' gate-major (T, G, B, H) array the gate views belong to, ``tanh_c``:
    tanh(c_t).
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 3 or x.shape[2] != model.input_size:
        raise ValueError(f"input must have shape (B, T, {model.input_size}), got {x.shape}")
    ws = workspace or FRESH
    B, T, I = x.shape
    h0, c0 = _initial_states(model, B, h0, c0)
    x1 = ws.empty("x1", (T, B, I + 1))
    x1[..., :I] = x.transpose(1, 0, 2)
    x1[..., I] = 1.0
    with np.errstate(all="ignore"):
        out = _RUNNERS[model.cell](model, x1, h0, c0, ws)
        out["y"] = head(model, out["h"], ws.empty("y", out["h"].shape[:2] + (model.output_size,)))
    out.update(x=x1[..., :I], x1=x1, h0=h0, c0=c0)
    return out


def head(model: Model, h: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """The output layer y = h·W_y + b_y (or y = h without a head); h: (…, H) → (…, O)."""
    if out is None:
        out = np.empty(h.shape[:-1] + (model.output_size,))
    if not model.has_head:
        out[...] = h
        return out
    flat = out.reshape(-1, out.shape[-1])
    np.matmul(h.reshape(-1, h.shape[-1]), model.params["head.weight"].T, out=flat)
    flat += model.params["head.bias"]
    return out


@dataclass(frozen=True)
class Trace:
    """Everything one forward pass over one sequence computed, step by step.

    All arrays are read-only. T steps, H hidden units, I inputs, O outputs.

    Attributes
    ----------
    cell, activation : str
    x : (T, I) inputs x_t.
    h0, c0 : (H,) initial states (c0 only meaningful for the LSTMs).
    a : (T, H) pre-activations a_t of the simple RNN, else None.
    h : (T, H) hidden states h_t.
    c : (T, H) LSTM cell states c_t (both LSTMs), else None.
    gates : mapping name → (T, H): LSTM ``i f z o``; lstm_nofg ``i z o``; GRU ``r z n``;
        RNN empty (``GATE_NAMES[cell]``).
    y : (T, O) outputs y_t.
    targets : (T, O) floats (mse) or (T,) classes (ce).
    loss_kind, loss_at : str
    loss_t : (T,) per-step losses ℓ_t (0 at steps without a loss).
    loss : float, L = Σ ℓ_t.
    """

    cell: str
    activation: str
    x: np.ndarray
    h0: np.ndarray
    c0: np.ndarray
    a: np.ndarray | None
    h: np.ndarray
    c: np.ndarray | None
    gates: Mapping[str, np.ndarray]
    y: np.ndarray
    targets: np.ndarray
    loss_kind: str
    loss_at: str
    loss_t: np.ndarray
    loss: float
    gru_hn: np.ndarray | None = None

    @property
    def T(self) -> int:
        return self.h.shape[0]

    @property
    def H(self) -> int:
        return self.h.shape[1]

    @cached_property
    def finite(self) -> bool:
        """False when the forward pass overflowed: inf or NaN in h, c, y or the loss (huge
        targets overflow the loss alone). Computed once: the status line asks every step."""
        arrays = [self.h, self.y, self.loss_t] + ([self.c] if self.c is not None else [])
        return bool(np.isfinite(self.loss)) and all(bool(np.isfinite(a).all()) for a in arrays)

    def h_prev(self, t: int) -> np.ndarray:
        """h_{t−1} (h0 at t = 0)."""
        return self.h0 if t == 0 else self.h[t - 1]

    def c_prev(self, t: int) -> np.ndarray | None:
        """c_{t−1} (c0 at t = 0), LSTMs only."""
        if self.c is None:
            return None
        return self.c0 if t == 0 else self.c[t - 1]

    def step(self, t: int) -> dict:
        """The record of step t: x, h_prev, h, y, loss and (per cell) a / c_prev, c / gates."""
        if not 0 <= t < self.T:
            raise IndexError(f"step {t} is outside 0 … {self.T - 1}")
        rec = {
            "t": t,
            "x": self.x[t],
            "h_prev": self.h_prev(t),
            "h": self.h[t],
            "y": self.y[t],
            "loss": float(self.loss_t[t]),
        }
        if self.a is not None:
            rec["a"] = self.a[t]
        if self.c is not None:
            rec.update(c_prev=self.c_prev(t), c=self.c[t])
        rec.update({k: v[t] for k, v in self.gates.items()})
        return rec


def trace_from_batch(model: Model, cache: dict, targets, loss_kind, loss_at, loss_t, b=0) -> Trace:
    """The :class:`Trace` of sequence ``b`` of a batched forward pass.

    ``targets`` (T, B, ·) and ``loss_t`` (T, B) are time-major like the cache.
    """
    T = cache["h"].shape[0]

    def col(k):
        return _freeze(cache[k][:, b]) if k in cache else None

    pick = {k: col(k) for k in GATE_NAMES[model.cell]}
    lt = _freeze(loss_t[:, b])
    return Trace(
        cell=model.cell,
        activation=model.activation,
        x=col("x"),
        h0=_freeze(cache["h0"][b]),
        c0=_freeze(cache["c0"][b]),
        a=col("a"),
        h=col("h"),
        c=col("c"),
        gates=pick,
        y=col("y"),
        targets=_freeze(targets[:, b]),
        loss_kind=loss_kind,
        loss_at=loss_at,
        loss_t=lt,
        loss=float(np.sum(lt)) if T else 0.0,
        gru_hn=col("hn"),
    )


def prepare_targets(model: Model, kind: str, targets, B: int, T: int) -> np.ndarray:
    """Time-major targets (T, B, O) / (T, B), defaulting to 0 (docs/ARCHITECTURE.md, the loss)."""
    if targets is None:
        return default_targets(kind, T, B, model.output_size)
    return check_targets(kind, targets, T, B, model.output_size)


def run_forward(model: Model, x, targets=None, *, loss="mse", loss_at="all", h0=None, c0=None):
    """Forward pass plus losses over one sequence ``x: (T, I)``.

    Returns
    -------
    trace : Trace
    cache : dict, the time-major (T, 1, ·) arrays the backward pass needs.
    dy : (T, 1, O), ∂L/∂y_t.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2:
        raise ValueError(f"a sequence must have shape (T, I), got {x.shape}")
    cache = forward_batch(model, x[None], h0, c0)
    T = x.shape[0]
    tg = None if targets is None else np.asarray(targets)[:, None]
    tg = prepare_targets(model, loss, tg, 1, T)
    loss_t, dy = loss_and_grad(loss, cache["y"], tg, loss_mask(T, loss_at))
    return trace_from_batch(model, cache, tg, loss, loss_at, loss_t), cache, dy


class Stepper:
    """Advance a model one step at a time, the way a lesson walks through a sequence.

    >>> s = Stepper(textbook_model())
    >>> rec = s.step([1.0])        # t0: rec["h"] == [0.537…, 0.462…], rec["y"] == [1.561…]
    """

    def __init__(self, model: Model, h0=None, c0=None):
        self.model = model
        h, c = _initial_states(model, 1, h0, c0)
        self.h, self.c, self.t = h, c, 0

    def step(self, x_t) -> dict:
        """Consume x_t (I,) and return that step's record (like :meth:`Trace.step`)."""
        x = np.asarray(x_t, dtype=np.float64).reshape(1, 1, -1)
        cache = forward_batch(self.model, x, self.h, self.c)
        rec = {
            "t": self.t,
            "x": x[0, 0],
            "h_prev": self.h[0],
            "h": cache["h"][0, 0],
            "y": cache["y"][0, 0],
        }  # time-major (T = 1, B = 1, ·)
        for k in self.model.spec.keys:
            rec[k] = cache[k][0, 0]
        if "c" in cache:
            rec.update(c_prev=self.c[0])
            self.c = cache["c"][0]
        self.h, self.t = cache["h"][0], self.t + 1
        return rec
