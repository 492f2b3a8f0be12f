"""The words and symbols the screens use, defined once for tooltips and Help → Glossary.

Each entry is (symbol or term, its definition), both translated (context ``Glossary``), in
the textbook's terms. Views put :func:`tooltip` of the terms a label uses on that label; the
Help menu lists them all.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: key → (term, definition): English source strings, translated when shown.
ENTRIES = {
    "rho": (
        QT_TRANSLATE_NOOP("Glossary", "ρ — spectral radius (谱半径)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "The largest |eigenvalue| of the recurrent matrix W_h. Multiplying a vector by "
            "W_h again and again makes it grow (ρ > 1) or shrink (ρ < 1) roughly like ρᵗ.",
        ),
    ),
    "sigma_max": (
        QT_TRANSLATE_NOOP("Glossary", "σ_max — largest singular value"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "The most W_h can stretch any vector: ‖v·W_h‖ ≤ σ_max·‖v‖. It is at least ρ.",
        ),
    ),
    "gamma": (
        QT_TRANSLATE_NOOP("Glossary", "γ — the activation's steepest slope"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "γ = max |φ′|: 1 for tanh and for identity, ¼ for the sigmoid σ. Each step back "
            "the gradient passes through φ′, so it shrinks by at least this factor or less.",
        ),
    ),
    "phi": (
        QT_TRANSLATE_NOOP("Glossary", "φ — the activation function (激活函数)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "The simple RNN's h_t = φ(a_t): tanh (the textbook's), relu, or identity (a "
            "linear RNN, used to show explosion without tanh damping it).",
        ),
    ),
    "bound": (
        QT_TRANSLATE_NOOP("Glossary", "σ_max·γ — the Pascanu bound"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "Each step back multiplies the back-propagated gradient by at most σ_max·γ. "
            "Below 1 it must vanish (sufficient); above 1 it may explode (necessary, not "
            "sufficient: growth is possible, not certain). Pascanu, Mikolov & Bengio 2013.",
        ),
    ),
    "overflow": (
        QT_TRANSLATE_NOOP("Glossary", "overflow (溢出)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "A number too large for the computer (inf) or undefined (NaN): the gradient "
            "exploded. It is drawn in red, never hidden.",
        ),
    ),
    "saturated": (
        QT_TRANSLATE_NOOP("Glossary", "saturated (饱和)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "A gate near 0 or 1 (a tanh near ±1): its slope is almost 0, so almost no "
            "gradient passes through it.",
        ),
    ),
    "clipping": (
        QT_TRANSLATE_NOOP("Glossary", "gradient clipping (梯度裁剪)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "If the norm ‖g‖ of all parameter gradients exceeds C, every gradient is scaled "
            "by C/‖g‖: the direction stays, the step is capped. It tames explosion; it "
            "cannot bring back a vanished gradient.",
        ),
    ),
    "truncation": (
        QT_TRANSLATE_NOOP("Glossary", "truncated BPTT, k (截断)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "The state flows forward as always, but the gradient is cut every k steps: a "
            "loss teaches only the last ≤ k steps before it. Cheaper, and blind to longer "
            "dependencies.",
        ),
    ),
    "bptt": (
        QT_TRANSLATE_NOOP("Glossary", "BPTT — back-propagation through time (沿时间反向传播)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "The unrolled network is a feed-forward network with one layer per step; BPTT "
            "is back-propagation through it, from the loss at the end back to t = 0.",
        ),
    ),
    "memory_path": (
        QT_TRANSLATE_NOOP("Glossary", "memory path (记忆通路)"),
        QT_TRANSLATE_NOOP(
            "Glossary",
            "In an LSTM the cell state c goes from step to step multiplied only by the "
            "forget gate f (by 1 without a forget gate): a path with no W_h and no tanh′, "
            "along which a gradient can travel far.",
        ),
    ),
}


def entry(key: str) -> tuple[str, str]:
    """(term, definition) of ``key``, translated."""
    term, text = ENTRIES[key]
    translate = QCoreApplication.translate
    return translate("Glossary", term), translate("Glossary", text)


def tooltip(*keys: str) -> str:
    """A rich tooltip defining the terms ``keys`` (one paragraph each)."""
    parts = [f"<p><b>{term}</b><br>{text}</p>" for term, text in map(entry, keys)]
    return "<div style='max-width: 420px'>" + "".join(parts) + "</div>"
