"""Bad training settings, each refused with one clear line before anything runs (QtCore
only for the translations).

A learning rate ≤ 0 or absurdly large, a batch that would not fit in memory or would take
minutes per update (the engine's work estimate, ``engine/limits.py``, times the batch),
a clipping threshold ≤ 0, a task that cannot be made at that length.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from ..engine import limits
from .training_tasks import TrainSettings

#: The largest learning rate accepted: beyond it an update jumps past any minimum.
MAX_LR = 10.0
#: One update may cost at most this many times the largest live lesson's work.
MAX_UPDATE_WORK = 20 * limits.MAX_WORK


def check_settings(s: TrainSettings, cell: str, hidden: int) -> str:
    """What is wrong with ``s`` for a ``cell`` with H = ``hidden`` (one line), or ""."""
    lr = s.lr
    if isinstance(lr, bool) or not isinstance(lr, int | float) or not math.isfinite(lr) or lr <= 0:
        return QCoreApplication.translate(
            "TrainingChecks", "The learning rate must be a positive number, not {0}."
        ).format(lr)
    if lr > MAX_LR:
        return QCoreApplication.translate(
            "TrainingChecks",
            "A learning rate of {0} is far too large: every update would jump past any "
            "minimum. Use a value between 0.0001 and 1.",
        ).format(lr)
    if min(s.batch, s.budget, s.eval_every) < 1:
        return QCoreApplication.translate(
            "TrainingChecks", "The batch, the budget and the test interval must be ≥ 1."
        )
    if s.clip is not None and not (math.isfinite(s.clip) and s.clip > 0):
        return QCoreApplication.translate(
            "TrainingChecks", "The clipping threshold must be positive (or clipping off)."
        )
    if s.optimizer == "adam" and s.momentum:
        return QCoreApplication.translate(
            "TrainingChecks", "Momentum belongs to SGD; Adam has its own (β₁ = 0.9)."
        )
    try:
        task = s.make_task()
    except ValueError as exc:
        return QCoreApplication.translate("TrainingChecks", "This task cannot be made: {0}").format(
            exc
        )
    w = limits.work_estimate(task.steps, hidden, task.input_size, task.output_size, cell)
    need = w.bytes * s.batch
    if need > limits.MAX_BYTES:
        return QCoreApplication.translate(
            "TrainingChecks",
            "A batch of {0} sequences of {1} steps needs about {2:.1f} GB for one update; the "
            "limit is {3:.1f} GB. Use a smaller batch, a shorter task or fewer hidden units.",
        ).format(s.batch, task.steps, need / 1e9, limits.MAX_BYTES / 1e9)
    if w.ops * s.batch > MAX_UPDATE_WORK:
        return QCoreApplication.translate(
            "TrainingChecks",
            "One update of a batch of {0} sequences of {1} steps would take minutes. Use a "
            "smaller batch, a shorter task or fewer hidden units.",
        ).format(s.batch, task.steps)
    return ""
