"""What each step of the unrolled network shows: glyphs, lazy tooltips, the gradient pen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QPen,
)

from ..common.color_scales import cached_palette, gradient_pen, log_range, value_scales
from ..common.number_format import format_number
from ..common.painting import short_number, sub, vector_text
from .step_layout import VectorGlyph


@dataclass
class StepData:
    """What step t shows: its glyphs, its tooltips and (backward mode) its gradient."""

    t: int
    x: VectorGlyph
    h: VectorGlyph
    y: VectorGlyph
    c: VectorGlyph | None
    tips: Mapping
    grad_pen: QPen | None = None
    grad_text: str = ""
    overflow: bool = False
    loss: bool = False


class LazyTips(Mapping):
    """A step's tooltips (part → text), written only when first read (on hover): formatting
    them for every step the view binds would cost more than drawing the step."""

    def __init__(self, make, *args):
        self._make, self._args, self._tips = make, args, None

    def _all(self) -> dict:
        if self._tips is None:
            self._tips = self._make(*self._args)
        return self._tips

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


class StepDataBuilder:
    """Turns a trace (and its gradients) into the :class:`StepData` of any step t.

    Each quantity has its own diverging scale (:func:`value_ranges`): h ±1 for tanh, c, x
    and y their own, so a small h is not washed out by a large c; the legend shows them all.
    Backward mode: ‖dh_t‖ on a log10 scale between the smallest and largest finite norm.
    """

    def __init__(self, trace, grads, digits: int = 3, loss_steps=None, text=None):
        self.trace, self.grads, self.digits = trace, grads, digits
        #: Text mode: (vocabulary, (classes, probabilities)) — x_t and y_t as characters.
        self.text = text
        self.scales = value_scales(trace)
        self.ranges = {k: s.vmax for k, s in self.scales.items()}
        self.palettes = {k: cached_palette(v) for k, v in self.scales.items()}
        #: The steps whose output y_t carries a loss ℓ_t (all, or only the last).
        self.loss_steps = frozenset(range(trace.T) if loss_steps is None else loss_steps)
        self.grad_range = log_range(grads.dh_norm)
        self._bad = ~np.isfinite(trace.h).all(axis=1) | ~np.isfinite(trace.y).all(axis=1)

    def data(self, t: int) -> StepData:
        tr, pal, d = self.trace, self.palettes, self.digits
        c = VectorGlyph.of(tr.c[t], pal["c"], d) if tr.c is not None else None
        norm = float(self.grads.dh_norm[t])
        x, y = self._text_glyphs(t) if self.text else (None, None)
        return StepData(
            t=t,
            x=x or VectorGlyph.of(tr.x[t], pal["x"], d),
            h=VectorGlyph.of(tr.h[t], pal["h"], d),
            y=y or VectorGlyph.of(tr.y[t], pal["y"], d),
            c=c,
            tips=LazyTips(self._tips, t, norm),
            grad_pen=gradient_pen(norm, *self.grad_range),
            grad_text=short_number(norm, min(d, 3), 7),
            overflow=bool(self._bad[t]),
            loss=t in self.loss_steps,
        )

    def _text_glyphs(self, t: int) -> tuple:
        """x_t as its character; y_t as the likeliest class (the next character, or the
        task's answer: "灰色") and its probability."""
        symbols, names, predictions = self.text
        x = VectorGlyph.label(
            shown_char(symbols[int(np.argmax(self.trace.x[t]))]), 1.0, self.palettes["x"]
        )
        if predictions is None:
            return x, None
        classes, probabilities = predictions
        best, p = int(classes[t, 0]), float(probabilities[t, 0])
        text = f"{shown_char(names[best])} {100 * p:.0f}%"
        return x, VectorGlyph.label(text, p, self.palettes["y"])

    def _tips(self, t: int, norm: float) -> dict:
        tr, s = self.trace, sub(t)
        grad = QCoreApplication.translate("UnrolledNetworkView", "‖∂L/∂h{t}‖ = {v}")
        grad = grad.format(t=s, v=format_number(norm, self.digits))
        tips = {
            "x": f"x{s} = {vector_text(tr.x[t])}",
            "y": f"y{s} = {vector_text(tr.y[t])}",
            "cell": f"A{s}: h{s} = {vector_text(tr.h[t])}\n{grad}",
            "h_arrow": f"h{s} = {vector_text(tr.h[t])}\n{grad}",
        }
        if tr.c is not None:
            tips["c_line"] = f"c{s} = {vector_text(tr.c[t])}"
        return tips


def shown_char(ch: str) -> str:
    """A character as the diagram writes it: a space as ␣, a line break as ⏎."""
    return {" ": "␣", "\n": "⏎", "\t": "⇥"}.get(ch, ch)


def text_of(session):
    """(symbols, class names, predictions) of a text-mode lesson, for
    :class:`StepDataBuilder`: what each input column stands for (the lesson's symbol names,
    "天空", else the characters), what each output class means (the lesson's class names,
    else the characters: the next-character model), and the likeliest classes.
    Predictions are None when the output has no names (never a name of another output: a
    2-class answer is not "the first two characters")."""
    vocabulary, config = session.vocabulary(), session.config
    if not vocabulary or len(vocabulary) != session.trace.x.shape[1]:
        return None
    symbols = config.symbol_names or ()
    symbols = symbols if len(symbols) == len(vocabulary) else tuple(vocabulary)
    O = session.trace.y.shape[1]  # noqa: N806 (the textbook's O)
    names = config.class_names or tuple(vocabulary)
    predictions = session.predictions() if len(names) == O else None
    return symbols, names, predictions


def node_sizes(trace, text) -> tuple[int, int]:
    """(I, O) the input and output nodes are sized for: the vectors' sizes, or in text mode
    one box each — two boxes wide for words ("天空", "灰色 100%", "XY 97%")."""
    if not text:
        return trace.x.shape[1], trace.y.shape[1]
    return tuple(2 if max(map(len, names)) > 1 else 1 for names in text[:2])


def loss_steps(session) -> range:
    """The steps whose output carries a loss: all, or only the last (config.loss_at)."""
    T = session.T
    return range(T - 1, T) if session.config.loss_at == "last" else range(T)
