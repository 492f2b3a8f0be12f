"""The gradient plot's headline as pure functions: what the curve does, read back in time.

Each function takes the norms ‖dh_t‖ (or ‖dc_t‖), shape (T,), and the truncation k (None for
full BPTT) and returns translated text (context ``GradientFlowView``), so the wording can be
tested without a window.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...engine.cellspec import CELL_SPECS
from ..common import plot_helpers as ph
from ..common.cell_text import cell_label
from ..common.theme import OVERFLOW_COLOR


def change_text(values, k: int | None) -> str:
    """ "×4.4·10⁻³²" from the last step back to the first (per chunk when truncated); the
    value itself ("= 0.108") for a single step, which has nothing to flow back through."""
    v = np.asarray(values, dtype=float)
    if v.size < 2:
        return "= " + ph.format_number(v[0] if v.size else None)
    if k:
        return chunk_range(values, k)
    decades = ph.decades_change(values)
    if decades is None:
        if np.all(np.isfinite(v[[0, -1]])):
            return QCoreApplication.translate("GradientFlowView", "0 at an end")
        return QCoreApplication.translate("GradientFlowView", "not finite")
    return "×" + ph.format_factor(decades)


def chunk_range(values, k: int) -> str:
    """ "×0.5 … ×12.6 per chunk" — the change inside each chunk (0 across a cut)."""
    changes = [d for d in ph.chunk_changes(values, k) if d is not None]
    if not changes:
        return QCoreApplication.translate("GradientFlowView", "0 in every chunk")
    lo, hi = min(changes), max(changes)
    if hi - lo < 0.05:
        return QCoreApplication.translate("GradientFlowView", "×{a} per chunk").format(
            a=ph.format_factor(lo)
        )
    return QCoreApplication.translate("GradientFlowView", "×{a} … ×{b} per chunk").format(
        a=ph.format_factor(lo), b=ph.format_factor(hi)
    )


def direction_head(T: int, k: int | None) -> str:
    """Where the headline reads from: the loss at the end, back in time."""
    if k:
        return QCoreApplication.translate(
            "GradientFlowView", "Back in time inside each chunk (k = {k}): "
        ).format(k=k)
    return QCoreApplication.translate("GradientFlowView", "Back in time, t = {last} → 0: ").format(
        last=T - 1
    )


def summary(values, symbol: str, T: int, k: int | None) -> str:
    """ "Back in time, t = 99 → 0: ‖dh‖ ×4.4·10⁻³² — fell 31.4 orders of magnitude"
    (per chunk, and "0 across a cut", under truncated BPTT)."""
    head = direction_head(T, k) + f"‖d{symbol}‖ "
    if np.asarray(values).size < 2:
        return head + single_step(values)
    if k:
        return head + truncated_verdict(values, k)
    decades = ph.decades_change(values)
    if decades is None:
        return head + unreadable_end(values)
    if decades <= -1:
        verdict = QCoreApplication.translate(
            "GradientFlowView", "<b>fell {n:.1f} orders of magnitude</b>"
        ).format(n=-decades)
    elif decades >= 1:
        verdict = QCoreApplication.translate(
            "GradientFlowView", "<b style='color:{c}'>grew {n:.1f} orders of magnitude</b>"
        ).format(n=decades, c=OVERFLOW_COLOR)
    else:
        verdict = QCoreApplication.translate(
            "GradientFlowView", "<b>neither vanished nor exploded</b> (within ×10)"
        )
    return f"{head}{change_text(values, k)} — {verdict}"


def truncated_verdict(values, k: int) -> str:
    """The per-chunk range, the chunks without a loss, and "0 across a cut"."""
    changes = ph.chunk_changes(values, k)
    zero = sum(d is None for d in changes)
    text = chunk_range(values, k)
    if zero and zero < len(changes):
        text += QCoreApplication.translate(
            "GradientFlowView", " ({n} chunks without a loss: 0)"
        ).format(n=zero)
    return text + QCoreApplication.translate(
        "GradientFlowView", " — <b>0 across a cut</b> (no gradient crosses)"
    )


def single_step(values) -> str:
    """One step: its value, and why there is no change to read."""
    return QCoreApplication.translate(
        "GradientFlowView", "{v} — one step: nothing to flow back through"
    ).format(v=change_text(values, None))


def unreadable_end(values) -> str:
    """Why the change cannot be given: an end vanished to 0 or overflowed."""
    ends = np.asarray(values, dtype=float)[[0, -1]]
    if not np.all(np.isfinite(ends)):
        return QCoreApplication.translate(
            "GradientFlowView", "<b style='color:{c}'>overflow</b> (▲ markers)"
        ).format(c=OVERFLOW_COLOR)
    return QCoreApplication.translate(
        "GradientFlowView", "<b>vanished to exactly 0</b> (▼ markers)"
    )


def marker_status(counts) -> str:
    """ "LSTM: 3 steps vanished to exactly 0 (▼)" … for ``(name, vanished, overflow)``
    counts per curve (a cell's name, or the curve's)."""
    parts = []
    for name, vanished, overflow in counts:
        label = cell_label(CELL_SPECS[name]) if name in CELL_SPECS else name
        if vanished:
            text = QCoreApplication.translate(
                "GradientFlowView", "{n}: {k} steps vanished to exactly 0 (▼)"
            )
            parts.append(text.format(n=label, k=vanished))
        if overflow:
            text = QCoreApplication.translate(
                "GradientFlowView",
                "<span style='color:{c}'>{n}: {k} steps overflowed to inf/NaN (▲)</span>",
            )
            parts.append(text.format(n=label, k=overflow, c=OVERFLOW_COLOR))
    return "   ".join(parts)
