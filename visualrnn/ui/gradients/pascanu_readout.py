"""Why the gradient vanishes or explodes: the Pascanu bound, clipping and per-parameter norms.

For the simple RNN, σ_max(W_h)·γ < 1 guarantees vanishing (every step back multiplies ‖dh‖
by at most that); > 1 is needed for exploding; under truncated BPTT no path back is longer
than k steps. LSTM and GRU carry the gradient along their own memory path (f for the LSTM's
c, z for the GRU's h), so for them the readout shows that gate instead. Below: the global
gradient norm before / after clipping and ‖∂L/∂θ‖ of every parameter, all read from the
session. Symbols use real subscripts (HTML <sub>).
"""

from __future__ import annotations

from html import escape

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...engine.cellspec import cell_spec, general_form
from ...session import LessonSession
from ..common.cell_text import cell_label, html_subscripts, memory_path_text
from ..common.glossary import tooltip
from ..common.plot_helpers import format_number
from ..common.theme import OVERFLOW_COLOR, font_scale, scaled_font
from .pascanu_text import rnn_verdict

VANISH_COLOR = "#0072B2"
NEUTRAL_COLOR = "#404040"
#: PyTorch parameter names → symbols (HTML subscripts). The LSTM / GRU keep one symbol
#: per stacked matrix (all gates); the RNN uses the textbook's (:data:`RNN_SYMBOLS`).
PARAM_SYMBOLS = {
    "weight_hh_l0": "W<sub>h</sub>",
    "weight_ih_l0": "W<sub>x</sub>",
    "bias_ih_l0": "b<sub>x</sub>",
    "bias_hh_l0": "b<sub>h</sub>",
    "head.weight": "W<sub>y</sub>",
    "head.bias": "b<sub>y</sub>",
}
#: The textbook's RNN: a_t = h_{t−1}·W_h + x_t·W_x + b, y_t = h_t·W_y + b_y — one bias b.
#: The engine's two biases enter a_t as b_ih + b_hh, so ∂L/∂b = ∂L/∂b_ih = ∂L/∂b_hh:
#: the readout shows that gradient once, as b (bias_hh_l0 is skipped).
RNN_SYMBOLS = {
    "weight_hh_l0": "W<sub>h</sub>",
    "weight_ih_l0": "W<sub>x</sub>",
    "bias_ih_l0": "b",
    "head.weight": "W<sub>y</sub>",
    "head.bias": "b<sub>y</sub>",
}
SIGMA = "σ<sub>max</sub>(W<sub>h</sub>)"


class PascanuReadout(QWidget):
    """The RNN's σ_max(W_h), ρ, γ, σ_max·γ and its verdict in large type; for LSTM / GRU
    the memory path (f / z) instead; clipping; parameter norms."""

    def __init__(self, session: LessonSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.stats_label = QLabel()
        self.verdict_label = QLabel()
        self.explain_label = QLabel()
        self.clip_label = QLabel()
        self.params_label = QLabel()
        self.stats_label.setToolTip(tooltip("sigma_max", "rho", "gamma", "bound"))
        self.verdict_label.setToolTip(tooltip("bound", "memory_path"))
        self.clip_label.setToolTip(tooltip("clipping", "overflow"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4)
        for label in self._labels():
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        session.trace_changed.connect(self._on_trace_changed)
        font_scale().scale_changed.connect(self._on_font_scale_changed)
        self._on_font_scale_changed()
        self._on_trace_changed()

    def _labels(self) -> list[QLabel]:
        return [
            self.verdict_label,
            self.stats_label,
            self.explain_label,
            self.clip_label,
            self.params_label,
        ]

    # ---------------------------------------------------------------- handlers
    def _on_trace_changed(self) -> None:
        cell = self.session.model.cell
        if cell_spec(cell).has_activation_choice:  # the simple RNN: Pascanu's bound
            stats = self.session.recurrent_stats()
            self.stats_label.setText(self._stats_text(stats))
            self._show_rnn_verdict(stats["bound"])
        else:
            self.stats_label.setText(self._gate_text(cell))
            self._show_memory_path(cell)
        self.clip_label.setText(self._clip_text(self.session.grads))
        self.params_label.setText(self._params_text(self.session.grads.param_norms, cell))

    def _on_font_scale_changed(self, _scale: float = 1.0) -> None:
        for label in self._labels():
            label.setFont(scaled_font())
        self.verdict_label.setFont(scaled_font(15, bold=True))

    # ---------------------------------------------------------------- text
    def _stats_text(self, stats: dict) -> str:
        rows = [
            (SIGMA, stats["sigma_max"], self.tr("spectral radius ρ"), stats["spectral_radius"]),
            (self.tr("γ = max |φ′|"), stats["gamma"], f"<b>{SIGMA}·γ</b>", stats["bound"]),
        ]
        return _pairs_table(rows)

    def _gate_text(self, cell: str) -> str:
        """Mean and minimum of the memory gate over all steps and units (f or z)."""
        name = cell_spec(cell).memory_gate
        if name is None:  # no gate on the memory path (the 1997 LSTM): it is always 1
            return ""
        gate = np.asarray(self.session.trace.gates[name], dtype=float)
        gate = gate[np.isfinite(gate)]
        if gate.size == 0:
            return ""
        rows = [
            (
                self.tr("mean {g}").format(g=name),
                gate.mean(),
                self.tr("min {g}").format(g=name),
                gate.min(),
            )
        ]
        return _pairs_table(rows)

    def _show_rnn_verdict(self, bound: float) -> None:
        """The Pascanu verdict, as far as it holds for this lesson (pascanu_text)."""
        config = self.session.config
        verdict, why, tone = rnn_verdict(bound, self.session.T, config.truncate, config.loss_at)
        color = {"cut": NEUTRAL_COLOR, "vanish": VANISH_COLOR, "one": NEUTRAL_COLOR}.get(
            tone, OVERFLOW_COLOR
        )
        self.verdict_label.setText(f"<span style='color:{color}'>{verdict}</span>")
        self.explain_label.setText(why)

    def _show_memory_path(self, cell: str) -> None:
        """A gated cell: the path that bypasses W_h, not the RNN's σ_max·γ rule."""
        spec = cell_spec(cell)
        key = spec.memory_state or "h"
        verdict = self.tr("{cell} memory path: {equation}").format(
            cell=cell_label(spec), equation=html_subscripts(general_form(spec, key))
        )
        why = self.tr(
            "{path}. Other paths (through h and the gates) add to it, so the total can "
            "grow going back; the thin dashed curve in the plot is the memory path alone. "
            "The RNN's σ<sub>max</sub>·γ rule does not apply here."
        ).format(path=memory_path_text(spec))
        self.verdict_label.setText(f"<span style='color:{spec.color}'>{verdict}</span>")
        self.explain_label.setText(why)

    def _clip_text(self, grads) -> str:
        before = _number(grads.grad_norm)
        after = _number(grads.grad_norm_clipped)
        if grads.clip is None:
            return self.tr("Global gradient norm ‖g‖ = <b>{b}</b>, no clipping").format(b=before)
        state = self.tr("clipped") if grads.clipped else self.tr("not clipped")
        return self.tr("Global gradient norm ‖g‖ <b>{b}</b> → <b>{a}</b> (C = {c}, {s})").format(
            b=before, a=after, c=format_number(grads.clip), s=state
        )

    def _params_text(self, norms: dict, cell: str) -> str:
        """‖∂L/∂θ‖ of every parameter, two per row: symbol, norm, symbol, norm (the RNN's
        in the textbook's order W_h, W_x, b, W_y, b_y, with one bias b)."""
        if cell_spec(cell).has_activation_choice:  # the simple RNN: W_h W_x / b / W_y b_y
            items = [(sym, norms[n]) for n, sym in RNN_SYMBOLS.items() if n in norms]
            items.insert(3, ("", None))
        else:
            items = [(PARAM_SYMBOLS.get(n, escape(n)), v) for n, v in norms.items()]
        rows = [
            (*items[k], *(items[k + 1] if k + 1 < len(items) else ("", None)))
            for k in range(0, len(items), 2)
        ]
        head = self.tr("‖∂L/∂θ‖ per parameter (before clipping)")
        table = head + _pairs_table(rows, italic=True)
        if cell_spec(cell).has_activation_choice and "bias_hh_l0" in norms:
            # ‖g‖ sums every stored parameter: PyTorch stores b as b_ih + b_hh, so ∂L/∂b
            # counts twice there — said, so that the listed numbers add up to ‖g‖
            note = self.tr("‖g‖ counts b twice: PyTorch keeps two bias vectors that add up to b.")
            table += f"<span style='color:#555'>{note}</span>"
        elif "bias_ih_l0" in norms and norms["bias_ih_l0"] == norms.get("bias_hh_l0"):
            note = self.tr(
                "b<sub>x</sub> and b<sub>h</sub> get the same gradient: PyTorch keeps two bias "
                "vectors that add up to one bias per gate."
            )
            table += f"<span style='color:#555'>{note}</span>"
        return table


def _number(value: float | None) -> str:
    """A number for the tables; inf / NaN in the overflow colour, called overflow."""
    if value is None:
        return ""
    text = format_number(value)
    if text in ("inf", "NaN", "−inf"):
        word = QCoreApplication.translate("PascanuReadout", "overflow")
        return f"<span style='color:{OVERFLOW_COLOR}'>{word}</span>"
    return text


def _pairs_table(rows, italic: bool = False) -> str:
    """An HTML table of (name, number, name, number) rows: compact, never wider than two
    name–number pairs (names may hold <sub> markup)."""
    cells = []
    for a, x, b, y in rows:
        if italic:
            a, b = (f"<i>{n}</i>" if n else "" for n in (a, b))
        cells.append(
            f"<tr><td>{a}&nbsp;</td><td align='right'>{_number(x)}</td><td>&nbsp;&nbsp;&nbsp;</td>"
            f"<td>{b}&nbsp;</td><td align='right'>{_number(y)}</td></tr>"
        )
    return "<table cellspacing='0' cellpadding='1'>" + "".join(cells) + "</table>"
