"""Export a computed lesson: the trace and its gradients as one ``.npz`` file.

The same file ``python -m visualrnn trace`` writes and the app's File → Save trace… saves.
"""

from __future__ import annotations

import io

import numpy as np

from .gradients import Result
from .model import GATE_NAMES
from .weights import write_atomic


def trace_arrays(result: Result) -> dict[str, np.ndarray]:
    """Everything ``visualrnn trace`` writes, as named arrays.

    Returns
    -------
    dict
        ``cell``, ``activation``, ``loss_kind``, ``loss_at`` (0-d str); ``x`` (T, I),
        ``targets``, ``h`` (T, H), ``y`` (T, O), ``loss`` (), ``loss_t`` (T,), ``dh`` (T, H),
        ``dh_norm`` (T,), ``grad_norm`` and ``grad_norm_clipped`` (); the RNN's ``a``; the
        LSTMs' ``c``, ``dc``, ``dc_norm`` and gates ``i f z o`` (``i z o`` without a forget gate);
        the GRU's gates ``r z n``;
        and ``grad.<PyTorch name>`` per parameter (after clipping).
    """
    tr, g = result.trace, result.grads
    out = {
        "cell": np.array(tr.cell),
        "activation": np.array(tr.activation),
        "loss_kind": np.array(tr.loss_kind),
        "loss_at": np.array(tr.loss_at),
        "x": tr.x,
        "targets": tr.targets,
        "h": tr.h,
        "y": tr.y,
        "loss": np.array(tr.loss),
        "loss_t": tr.loss_t,
        "dh": g.dh,
        "dh_norm": g.dh_norm,
        "grad_norm": np.array(g.grad_norm),
        "grad_norm_clipped": np.array(g.grad_norm_clipped),
    }
    if tr.a is not None:
        out["a"] = tr.a
    if tr.c is not None:
        out.update(c=tr.c, dc=g.dc, dc_norm=g.dc_norm)
    out.update({k: tr.gates[k] for k in GATE_NAMES[tr.cell]})
    out.update({f"grad.{k}": v for k, v in g.params.items()})
    return out


def save_trace(result: Result, path) -> None:
    """Write :func:`trace_arrays` to ``path`` as an uncompressed npz, atomically.

    Raises ``OSError`` when the file cannot be written (nothing is left behind).
    """
    buf = io.BytesIO()
    np.savez(buf, **trace_arrays(result))
    write_atomic(path, buf.getvalue())
