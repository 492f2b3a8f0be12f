"""Why the gradient vanishes or explodes: the Pascanu bound, clipping and per-parameter norms.

σ_max(W_h)·γ < 1 guarantees vanishing (every step back multiplies ‖dh‖ by at most that);
> 1 is needed for exploding. Below: the global gradient norm before / after clipping and
‖∂L/∂θ‖ of every parameter, all read from the session.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .plot_helpers import format_number
from .theme import CELL_COLORS, OVERFLOW_COLOR, font_scale, scaled_font

VANISH_COLOR = "#0072B2"
#: PyTorch parameter names → the textbook's symbols.
PARAM_SYMBOLS = {
    "weight_hh_l0": "W_h",
    "weight_ih_l0": "W_x",
    "bias_ih_l0": "b_x",
    "bias_hh_l0": "b_h",
    "head.weight": "W_y",
    "head.bias": "b_y",
}


class PascanuReadout(QWidget):
    """σ_max(W_h), ρ, γ, σ_max·γ and the verdict in large type; clipping; parameter norms."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.stats_label = QLabel()
        self.verdict_label = QLabel()
        self.explain_label = QLabel()
        self.clip_label = QLabel()
        self.params_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
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
            self.stats_label,
            self.verdict_label,
            self.explain_label,
            self.clip_label,
            self.params_label,
        ]

    # ---------------------------------------------------------------- handlers
    def _on_trace_changed(self) -> None:
        stats = self.session.recurrent_stats()
        self.stats_label.setText(self._stats_text(stats))
        self._show_verdict(stats["bound"])
        self.clip_label.setText(self._clip_text(self.session.grads))
        self.params_label.setText(self._params_text(self.session.grads.param_norms))

    def _on_font_scale_changed(self, _scale: float = 1.0) -> None:
        for label in self._labels():
            label.setFont(scaled_font())
        self.verdict_label.setFont(scaled_font(18, bold=True))

    # ---------------------------------------------------------------- text
    def _stats_text(self, stats: dict) -> str:
        rows = [
            (self.tr("σ_max(W_h)"), stats["sigma_max"]),
            (self.tr("spectral radius ρ"), stats["spectral_radius"]),
            (self.tr("γ = max |φ′|"), stats["gamma"]),
            (self.tr("σ_max · γ"), stats["bound"]),
        ]
        return _table(rows, bold_last=True)

    def _show_verdict(self, bound: float) -> None:
        """The Pascanu verdict for the RNN; for LSTM / GRU, the path that bypasses W_h."""
        cell = self.session.model.cell
        if cell == "lstm":
            verdict = self.tr("LSTM: c_t = f ⊙ c_{t−1} + i ⊙ z")
            why = self.tr("Back along c, each step multiplies by f only: f ≈ 1 keeps the gradient.")
            color = CELL_COLORS["lstm"]
        elif cell == "gru":
            verdict = self.tr("GRU: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}")
            why = self.tr("Where z ≈ 1, h_{t−1} is copied through and so is its gradient.")
            color = CELL_COLORS["gru"]
        elif bound < 1:
            verdict = self.tr("σ_max·γ < 1: vanishing guaranteed")
            why = self.tr(
                "Each step back multiplies ‖dh‖ by at most σ_max·γ < 1, so it must shrink."
            )
            color = VANISH_COLOR
        else:
            verdict = self.tr("σ_max·γ > 1: explosion possible")
            why = self.tr("Steps back may multiply ‖dh‖ by more than 1: it can grow without bound.")
            color = OVERFLOW_COLOR
        self.verdict_label.setText(f"<span style='color:{color}'>{escape(verdict)}</span>")
        self.explain_label.setText(escape(why))

    def _clip_text(self, grads) -> str:
        before = format_number(grads.grad_norm)
        after = format_number(grads.grad_norm_clipped)
        if grads.clip is None:
            return self.tr("Global gradient norm ‖g‖ = <b>{b}</b> (no clipping)").format(b=before)
        state = self.tr("clipped") if grads.clipped else self.tr("not clipped")
        return self.tr(
            "Global gradient norm ‖g‖ before clipping <b>{b}</b> → after <b>{a}</b> (C = {c}, {s})"
        ).format(b=before, a=after, c=format_number(grads.clip), s=state)

    def _params_text(self, norms: dict) -> str:
        """‖∂L/∂θ‖ of every parameter, three per row: symbol, then norm."""
        items = list(norms.items())
        rows = []
        for k in range(0, len(items), 3):
            chunk = items[k : k + 3]
            rows.append("".join(f"<td><i>{PARAM_SYMBOLS.get(n, n)}</i></td>" for n, _ in chunk))
            rows.append("".join(f"<td>{_number(v)}</td>" for _, v in chunk))
        head = escape(self.tr("‖∂L/∂θ‖ per parameter (before clipping)"))
        body = "".join(f"<tr>{row}</tr>" for row in rows)
        return f"{head}<table cellspacing='0' cellpadding='3'>{body}</table>"


def _number(value: float) -> str:
    """A number for the tables; inf / NaN in the overflow colour, called overflow."""
    text = format_number(value)
    if text in ("inf", "NaN", "−inf"):
        word = QCoreApplication.translate("PascanuReadout", "overflow")
        return f"<span style='color:{OVERFLOW_COLOR}'>{word}</span>"
    return text


def _table(rows, bold_last: bool = False) -> str:
    """A two-column HTML table: name, number."""
    cells = []
    for k, (name, value) in enumerate(rows):
        name, text = escape(name), _number(value)
        if bold_last and k == len(rows) - 1:
            name, text = f"<b>{name}</b>", f"<b>{text}</b>"
        cells.append(f"<tr><td>{name}</td><td align='right'>&nbsp;&nbsp;{text}</td></tr>")
    return "<table cellspacing='0' cellpadding='1'>" + "".join(cells) + "</table>"
