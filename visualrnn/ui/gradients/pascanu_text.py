"""The Pascanu verdict as a pure function: what σ_max·γ says about this lesson's curve.

Pascanu, Mikolov & Bengio (2013): each step back multiplies the *back-propagated* gradient
by diag(φ′(a))·W_hᵀ, whose norm is at most σ_max(W_h)·γ. So σ_max·γ < 1 guarantees that
what flows back from one loss shrinks; σ_max·γ > 1 is needed for it to grow (necessary,
not sufficient). With a loss at every step, ‖∂L/∂h_t‖ adds each step's own new gradient,
so the total is not bound by the rule — the verdict says so instead of claiming it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: |σ_max·γ − 1| below this reads as exactly 1 (an identity RNN with orthogonal W_h).
ONE = 1e-9


def rnn_verdict(bound: float, T: int, truncate: int | None, loss_at: str) -> tuple:
    """(verdict, explanation, tone) for the simple RNN; tone is "cut", "vanish", "one" or
    "explode" (the readout colours it)."""
    translate = QCoreApplication.translate
    if truncate and truncate < T:
        return (
            translate("PascanuReadout", "Truncated BPTT, k = {k}").format(k=truncate),
            translate(
                "PascanuReadout",
                "No gradient crosses a cut: every path back is at most k steps long, so "
                "inside a chunk ‖dh‖ changes at most ×(σ<sub>max</sub>·γ)<sup>k−1</sup> — "
                "bounded.",
            ),
            "cut",
        )
    if abs(bound - 1.0) < ONE:
        return (
            translate("PascanuReadout", "σ<sub>max</sub>·γ = 1: the borderline"),
            translate(
                "PascanuReadout",
                "Each step back multiplies the back-propagated ‖dh‖ by at most 1: it "
                "cannot grow, and it shrinks wherever φ′ < 1.",
            ),
            "one",
        )
    if bound < 1:
        return _vanishing(loss_at, T)
    return (
        translate("PascanuReadout", "σ<sub>max</sub>·γ &gt; 1: explosion possible"),
        translate(
            "PascanuReadout",
            "Steps back may multiply ‖dh‖ by more than 1, so it can grow without bound. "
            "σ<sub>max</sub>·γ &gt; 1 is needed for that, but does not guarantee it "
            "(necessary, not sufficient).",
        ),
        "explode",
    )


def _vanishing(loss_at: str, T: int) -> tuple:
    translate = QCoreApplication.translate
    if loss_at == "last" or T <= 1:
        return (
            translate("PascanuReadout", "σ<sub>max</sub>·γ &lt; 1: vanishing guaranteed"),
            translate(
                "PascanuReadout",
                "Each step back multiplies ‖dh‖ by at most σ<sub>max</sub>·γ &lt; 1, "
                "so it must shrink.",
            ),
            "vanish",
        )
    return (
        translate("PascanuReadout", "σ<sub>max</sub>·γ &lt; 1: each loss's gradient vanishes"),
        translate(
            "PascanuReadout",
            "What flows back from a later loss shrinks by at most σ<sub>max</sub>·γ &lt; 1 "
            "per step. Here every step has a loss of its own, so ‖dh<sub>t</sub>‖ — all of "
            "them added — need not fall. Put the loss at the last step (Gradient lab) to "
            "watch one gradient vanish.",
        ),
        "vanish",
    )
