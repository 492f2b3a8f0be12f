"""Default recipes: the cell size, optimizer and budget with which each task is learnt.

A recipe is what ``python -m visualrnn train --task NAME`` uses for every option left unset.
The figures in the README (which lengths the LSTM solves, where the plain tanh RNN stops
solving with the same budget) were measured with these recipes by ``sweep``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..init import init_model
from ..model import Model
from .tasks import Task
from .trainer import TrainConfig


@dataclass(frozen=True)
class Recipe:
    """How to train a task by default.

    Attributes
    ----------
    cell, hidden : the model: cell type and H.
    optimizer, lr, momentum, batch, clip, truncate : as :class:`~.trainer.TrainConfig`.
    steps : the budget, in updates.
    eval_every : updates between test evaluations (and the solved check).
    test_size : sequences in the fixed test set.
    init : the weight initialisation scheme (``uniform`` or ``orthogonal``).
    memory_bias : added to the memory gate's bias (LSTM b_f, GRU b_z) at initialisation.
    """

    cell: str = "lstm"
    hidden: int = 32
    optimizer: str = "adam"
    lr: float = 1e-2
    momentum: float = 0.0
    batch: int = 32
    clip: float | None = 1.0
    truncate: int | None = None
    steps: int = 2000
    eval_every: int = 50
    test_size: int = 512
    init: str = "uniform"
    memory_bias: float = 1.0

    def with_changes(self, **changes) -> Recipe:
        """A copy with the ``changes`` that are not None."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def config(self, **extra) -> TrainConfig:
        """The :class:`TrainConfig` of this recipe (``extra`` adds snapshot settings)."""
        return TrainConfig(
            optimizer=self.optimizer,
            lr=self.lr,
            momentum=self.momentum,
            batch=self.batch,
            clip=self.clip,
            truncate=self.truncate,
            eval_every=self.eval_every,
            **extra,
        )

    def model(self, task: Task, seed: int = 0, activation: str = "tanh") -> Model:
        """A fresh model for ``task`` (or any object with ``input_size``, ``output_size``,
        such as a data source): I and O from it, seeded initialisation."""
        return init_model(
            self.cell,
            task.input_size,
            self.hidden,
            task.output_size,
            seed=seed,
            scheme=self.init,
            forget_bias=self.memory_bias,
            activation=activation,
        )


RECIPES = {
    "adding": Recipe(hidden=32, lr=1e-2, batch=32, clip=1.0, steps=3000),
    "temporal_order": Recipe(hidden=32, lr=1e-2, batch=32, clip=1.0, steps=3000, memory_bias=3.0),
    "copy": Recipe(
        hidden=128, lr=1e-2, batch=16, clip=1.0, steps=30000, eval_every=250, memory_bias=5.0
    ),
    "sky_color": Recipe(hidden=16, lr=1e-2, batch=32, clip=1.0, steps=1000, memory_bias=3.0),
    "next_step": Recipe(hidden=16, lr=1e-2, batch=16, clip=1.0, steps=500),
    "text": Recipe(hidden=64, lr=1e-2, batch=32, clip=1.0, steps=2000, eval_every=100),
}


def recipe_for(task_name: str) -> Recipe:
    """The default recipe of a task (ValueError for an unknown task)."""
    if task_name not in RECIPES:
        raise ValueError(f"no recipe for task {task_name!r}; choose one of {', '.join(RECIPES)}")
    return RECIPES[task_name]
