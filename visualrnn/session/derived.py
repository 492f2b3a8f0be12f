"""What some views compute from one result on request, once per result.

The comparison of every cell type, the backward pass taken apart and the recurrent
statistics cost up to a second each at T = 10,000. :class:`Derived` computes each the first
time it is asked for and keeps it with its result; :meth:`Derived.fill` computes the ones
asked for last time ahead, on the worker thread that computed the result (see
``session/lesson.py``), so a large change does not freeze the window when the views then
ask for them. Pure NumPy, no Qt.
"""

from __future__ import annotations

import numpy as np

from ..engine import CELL_SPECS, GAMMA, Result, recurrent_stats
from ..engine.explain import breakdown
from ..engine.numerics import softmax
from .config import LessonConfig, build_lesson, run_options

#: The names :meth:`Derived.get` knows.
KINDS = ("compare", "breakdown", "stats", "predictions")
#: The memory bias compare mode gives a gated cell when the lesson sets none (b_f = 0 would
#: start the LSTM's forget gate near ½ and its memory path would fade as fast as the RNN's).
COMPARE_MEMORY_BIAS = 3.0
#: How many of the likeliest classes text mode shows per step.
TOP_CLASSES = 3


class Derived:
    """The derived quantities of ``result`` (computed with ``config``), each on first use.

    ``get("compare")`` → (results by cell, errors by cell); ``get("breakdown")`` → the
    :class:`~visualrnn.engine.explain.Breakdown`; ``get("stats")`` → σ_max, ρ, γ, bound.
    """

    def __init__(self, config: LessonConfig, result: Result):
        self.config, self.result = config, result
        self._cache: dict = {}

    def get(self, kind: str):
        if kind not in self._cache:
            self._cache[kind] = _COMPUTE[kind](self.config, self.result)
        return self._cache[kind]

    def fill(self, kinds) -> None:
        """Compute ``kinds`` now (on a worker thread: nothing here touches Qt)."""
        for kind in kinds:
            self.get(kind)


def derive(config: LessonConfig, kinds: tuple, result: Result) -> Derived:
    """``kinds`` of ``result`` computed now (on the worker thread that made it)."""
    derived = Derived(config, result)
    derived.fill(kinds)
    return derived


def compare(config: LessonConfig, result: Result) -> tuple[dict[str, Result], dict[str, str]]:
    """The same input, targets and settings through every cell type, with seeded weights
    of the same hidden size; the result's own cell is the result itself."""
    results, errors = {}, {}
    model = result.model
    for cell in CELL_SPECS:
        if cell == model.cell:
            results[cell] = result
            continue
        bias = compare_memory_bias(config) if CELL_SPECS[cell].memory_gate else config.forget_bias
        other = config.replace(
            cell=cell, model_source="init", hidden_size=model.hidden_size, forget_bias=bias
        )
        try:
            results[cell] = build_lesson(other)
        except ValueError as exc:  # e.g. too large to compute live as an LSTM
            errors[cell] = str(exc)
    return results, errors


def compare_memory_bias(config: LessonConfig) -> float:
    """The memory bias of the gated cells in compare mode: the lesson's, or a sensible one."""
    return config.forget_bias if config.forget_bias else COMPARE_MEMORY_BIAS


def predictions(config: LessonConfig, result: Result):
    """(classes, probabilities), each (T, TOP_CLASSES): the likeliest next classes per step
    by softmax(y_t), for text mode (a cross-entropy output); None otherwise."""
    if result.trace.loss_kind != "ce":
        return None
    p = softmax(result.trace.y)
    top = np.argsort(-p, axis=1)[:, :TOP_CLASSES]
    return top, np.take_along_axis(p, top, axis=1)


def explain(config: LessonConfig, result: Result):
    trace = result.trace
    return breakdown(result.model, trace.x, trace.targets, run_options(config))


def stats(config: LessonConfig, result: Result) -> dict:
    model = result.model
    values = recurrent_stats(model)
    act = model.activation if model.spec.has_activation_choice else "tanh"
    values.update(gamma=GAMMA[act], bound=values["sigma_max"] * GAMMA[act])
    return values


_COMPUTE = {
    "compare": compare,
    "breakdown": explain,
    "stats": stats,
    "predictions": predictions,
}
