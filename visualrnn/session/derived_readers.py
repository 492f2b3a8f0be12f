"""What the views read from a lesson's result beyond the trace: the comparison of every
cell, the backward pass taken apart, the recurrent statistics, text mode's predictions.

A mixin of :class:`~visualrnn.session.lesson.LessonSession` (it reads the session's
``_config`` and ``_derived`` and records what was asked for in ``_wanted``, so the next
large result computes it ahead, on the worker thread).
"""

from __future__ import annotations

from ..engine import Result
from ..engine.explain import Breakdown
from .config import text_vocabulary
from .derived import compare_memory_bias


class DerivedReaders:
    """The derived quantities of the current result, each computed once, on request."""

    def compare_results(self) -> dict[str, Result]:
        """The same input, targets and settings run through every cell type, by cell name,
        with seeded weights of the current hidden size, seed, ρ and forget bias; the
        current cell's entry is the current result itself (why a cell is missing:
        :attr:`compare_errors`)."""
        results, self.compare_errors = self._derived_get("compare")
        return results

    def breakdown(self) -> Breakdown:
        """The backward pass of this trace taken apart (∂L/∂y_t, the two shares of
        ∂L/∂h_t, each step's share of ∂L/∂θ, the memory path); only the views that
        explain BPTT ask."""
        return self._derived_get("breakdown")

    def predictions(self):
        """Text mode: (classes, probabilities) of the likeliest next characters per step,
        each (T, 3); None for a numeric output."""
        return self._derived_get("predictions")

    def vocabulary(self) -> str:
        """Text mode: the character of each one-hot column ("" for numbers)."""
        return text_vocabulary(self._config)

    def compare_memory_bias(self) -> float:
        """The memory bias the gated cells get in compare mode (see session/derived.py)."""
        return compare_memory_bias(self._config)

    def recurrent_stats(self) -> dict:
        """σ_max(W_h), ρ(W_h), γ of the activation and σ_max·γ (the Pascanu product): an
        SVD and an eigen-decomposition per recurrent block, one dict shared by the views."""
        return self._derived_get("stats")

    def _derived_get(self, kind: str):
        self._wanted.add(kind)
        return self._derived.get(kind)
