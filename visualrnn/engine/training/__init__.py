"""Training: long-lag tasks, optimizers with PyTorch's rules, and a step-at-a-time trainer.

NumPy only, no Qt. See :mod:`.tasks`, :mod:`.optimizers`, :mod:`.trainer`, :mod:`.recipes`.
"""

from .data import FileSource, TaskSource, read_task_file, write_task_file
from .language import SkyColorTask, TextTask, sample_text
from .objective import evaluate
from .optimizers import OPTIMIZERS, SGD, Adam, make_optimizer
from .recipes import RECIPES, Recipe, recipe_for
from .tasks import AddingTask, Batch, CopyTask, NextStepTask, Task, TemporalOrderTask
from .trainer import Profile, RunResult, TrainConfig, Trainer, UpdateReport

#: The tasks by the name the commands use.
TASKS = {
    t.name: t
    for t in (AddingTask, TemporalOrderTask, CopyTask, SkyColorTask, NextStepTask, TextTask)
}


def make_task(name: str, length: int | None = None, **options) -> Task:
    """The task called ``name`` with its length parameter (default: the task's)."""
    if name not in TASKS:
        raise ValueError(f"unknown task {name!r}; choose one of {', '.join(TASKS)}")
    return TASKS[name](length, **options)


__all__ = [
    "OPTIMIZERS",
    "RECIPES",
    "SGD",
    "TASKS",
    "Adam",
    "AddingTask",
    "Batch",
    "CopyTask",
    "FileSource",
    "NextStepTask",
    "Profile",
    "Recipe",
    "RunResult",
    "SkyColorTask",
    "Task",
    "TaskSource",
    "TemporalOrderTask",
    "TextTask",
    "TrainConfig",
    "Trainer",
    "UpdateReport",
    "evaluate",
    "make_optimizer",
    "make_task",
    "read_task_file",
    "recipe_for",
    "sample_text",
    "write_task_file",
]
