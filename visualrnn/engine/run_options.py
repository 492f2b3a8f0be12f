"""The options of one forward + BPTT run, assembled once for every caller.

The ``trace`` command and the lesson configuration both turn their settings into a
:class:`RunOptions` and call :meth:`RunOptions.run`, so the loss, its placement, truncation,
clipping and the Jacobian request reach :func:`~visualrnn.engine.gradients.run` one way.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from .gradients import Result, run
from .losses import LOSS_AT, LOSSES
from .model import Model


@dataclass(frozen=True)
class RunOptions:
    """How a sequence is run: loss ``mse``/``ce`` at ``all``/``last`` steps, truncation k,
    clipping threshold C, and whether to compute ‖∂h_{T−1}/∂h_t‖ (RNN only)."""

    loss: str = "mse"
    loss_at: str = "all"
    truncate: int | None = None
    clip: float | None = None
    jacobians: bool = False

    def __post_init__(self):
        if self.loss not in LOSSES:
            raise ValueError(f"loss must be one of {', '.join(LOSSES)}, not {self.loss!r}")
        if self.loss_at not in LOSS_AT:
            raise ValueError(f"loss placement must be one of {', '.join(LOSS_AT)}")
        if self.truncate is not None and (isinstance(self.truncate, bool) or self.truncate < 1):
            raise ValueError(f"truncation k must be at least 1, not {self.truncate}")
        if self.clip is not None and not (math.isfinite(self.clip) and self.clip > 0):
            raise ValueError(f"clipping threshold must be a positive number, not {self.clip}")

    def run(self, model: Model, x, targets=None) -> Result:
        """Forward pass, losses and BPTT of ``x`` (T, I) with these options."""
        return run(model, x, targets, **asdict(self))
