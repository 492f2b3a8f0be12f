"""What the training lab trains and how a task's sample becomes the lesson (no Qt).

:class:`TrainSettings` is the training block of a lesson (``LessonState.training``): the
task and its length, the optimizer and its settings, the budget. The cell, H and the seed
are not here: they are the lesson's own settings (the toolbar's), so there is one copy.

:func:`lesson_changes` turns one sequence of a task into the lesson's settings, so every
view (the network, the cell, the equations, the heatmaps, the gradients) shows the model
being trained on a sample of its task: one-hot tasks become typed text with one character
per symbol (temporal order ``E a b X … Y … B``, sky colour ``工 这 有 … 天 是``), number
tasks typed numbers, and the targets the task's.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from ..engine import Model
from ..engine.sequences import format_numbers
from ..engine.training import TASKS, Task, TrainConfig, make_task, recipe_for

#: The tasks of the lab, in the chooser's order.
LAB_TASKS = ("sky_color", "adding", "temporal_order", "copy", "next_step", "text")
#: Languages of the ``text`` task's default text.
TEXT_LANGUAGES = ("en", "zh")
#: One character per symbol of the one-hot tasks whose symbols are longer than one.
_COPY_CHARS = "01234567·|"


@dataclass(frozen=True)
class TrainSettings:
    """How the lab trains (the engine's :class:`~visualrnn.engine.training.TrainConfig`
    plus the task and the budget).

    Attributes
    ----------
    task : a key of :data:`LAB_TASKS`; length : its length parameter (None: the task's).
    language : the ``text`` task's default text, ``en`` or ``zh``.
    optimizer, lr, momentum, batch, clip, truncate : as TrainConfig.
    budget : the most updates of a run; until_solved : stop once the test set is solved.
    eval_every : a test evaluation and a gradient profile every this many updates.
    """

    task: str = "sky_color"
    length: int | None = None
    language: str = "en"
    optimizer: str = "adam"
    lr: float = 0.01
    momentum: float = 0.0
    batch: int = 32
    clip: float | None = 1.0
    truncate: int | None = None
    budget: int = 1000
    until_solved: bool = True
    eval_every: int = 50

    @classmethod
    def for_task(cls, task: str, length: int | None = None, **changes) -> TrainSettings:
        """The task's recipe (the ``train`` command's defaults) as lab settings."""
        r = recipe_for(task)
        base = cls(
            task=task,
            length=length,
            optimizer=r.optimizer,
            lr=r.lr,
            momentum=r.momentum,
            batch=r.batch,
            clip=r.clip,
            truncate=r.truncate,
            budget=r.steps,
            eval_every=r.eval_every,
        )
        return base.replace(**changes)

    def train_config(self, **extra) -> TrainConfig:
        """The engine's :class:`TrainConfig` for these settings (``extra``: snapshots)."""
        names = ("optimizer", "lr", "momentum", "batch", "clip", "truncate", "eval_every")
        return TrainConfig(**{name: getattr(self, name) for name in names}, **extra)

    def replace(self, **changes) -> TrainSettings:
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ValueError(f"unknown training settings: {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data) -> TrainSettings:
        """From a lesson's ``training`` block; unknown keys are ignored, missing ones
        take the task's recipe."""
        data = dict(data or {})
        task = data.get("task", cls.task)
        if task not in LAB_TASKS:
            raise ValueError(f"unknown task {task!r}")
        known = {f.name for f in dataclasses.fields(cls)}
        return cls.for_task(task, **{k: v for k, v in data.items() if k in known and k != "task"})

    def make_task(self) -> Task:
        """The engine's task (ValueError for a bad length)."""
        if self.task == "text":
            return make_task("text", self.length, language=self.language)
        return make_task(self.task, self.length)

    def memory_bias(self) -> float:
        return recipe_for(self.task).memory_bias

    def recipe_hidden(self) -> int:
        return recipe_for(self.task).hidden


# --- the lesson shows a sample of the task --------------------------------------------------


def display_symbols(task: Task) -> str | None:
    """One character per input column for one-hot tasks (the lesson types them as text),
    or None for number tasks."""
    if task.symbols is None:
        return None
    if task.name == "copy":
        return _COPY_CHARS
    chars = "".join(s[0] for s in task.symbols)
    return chars if len(set(chars)) == len(chars) else None


def _words(task: Task, symbols: str) -> tuple[str, ...] | None:
    """The words the typed characters stand for, where each is a word's first character
    (sky colour: 天 for 天空); None where the characters are the symbols themselves."""
    first = "".join(s[0] for s in task.symbols)
    words = any(len(s) > 1 for s in task.symbols)
    return tuple(task.symbols) if symbols == first and words else None


def sample_batch(task: Task, seed: int):
    """The one sequence the lesson shows (the same for the same seed)."""
    return task.sample(np.random.default_rng([int(seed), 3]), 1)


def lesson_changes(task: Task, seed: int) -> dict:
    """The LessonConfig changes that show one sequence of ``task``: input, targets, loss,
    where it applies, the output size (the model itself is the caller's business)."""
    batch = sample_batch(task, seed)
    x, targets, mask = batch.x[0], batch.targets[0], batch.mask[0]
    symbols = display_symbols(task)
    if symbols is not None:
        columns = np.argmax(x, axis=1)
        changes = {
            "input_mode": "text",
            "input_text": "".join(symbols[k] for k in columns),
            "vocabulary": symbols,
            "symbol_names": _words(task, symbols),
        }
    else:
        changes = {"input_mode": "numbers", "input_text": format_numbers(x), "vocabulary": ""}
        changes["symbol_names"] = None
    if task.loss_kind == "ce":
        targets_text = ", ".join(str(int(k)) for k in targets)
    else:
        targets_text = format_numbers(targets)
    changes.update(
        targets_text=targets_text,
        generator=None,
        loss=task.loss_kind,
        loss_at="last" if mask[-1] and not mask[:-1].any() else "all",
        output_size=task.output_size,
        class_names=tuple(task.classes) if task.loss_kind == "ce" and task.classes else None,
    )
    return changes


def model_changes(settings: TrainSettings, hidden: int | None = None) -> dict:
    """The LessonConfig changes of a fresh model for the task: seeded init, the recipe's
    memory bias and scheme (H: ``hidden``, else kept)."""
    r = recipe_for(settings.task)
    changes = {
        "model_source": "init",
        "init_scheme": r.init,
        "forget_bias": r.memory_bias,
        "spectral_radius": None,
        "input_scale": 1.0,
    }
    if hidden is not None:
        changes["hidden_size"] = int(hidden)
    return changes


def fits_task(model: Model, task: Task) -> bool:
    """Whether ``model`` reads and writes what ``task`` needs (I and O)."""
    return model.input_size == task.input_size and model.output_size == task.output_size


# --- what the views mark --------------------------------------------------------------------


def steps_that_matter(task: Task) -> list[tuple[int, int, str]]:
    """Where the information the answer needs sits: (first step, last step, what), e.g.
    the two marker ranges of ``adding``; empty for tasks where every step matters."""
    T = task.length
    if task.name == "adding":
        return [(0, T // 2 - 1, "marker"), (T // 2, T - 1, "marker")]
    if task.name == "temporal_order":
        return [(T // 10, T // 5, "X/Y"), (T // 2, (6 * T) // 10, "X/Y")]
    if task.name == "sky_color":
        return [(0, 0, "cause")]
    if task.name == "copy":
        return [(0, 9, "symbols")]
    return []


def sequence_words(task: Task, x: np.ndarray) -> list[str]:
    """The tokens of one sequence (T, I) of a one-hot task, e.g. 工厂 这里 … 天空 是."""
    if task.symbols is None:
        return []
    return [task.symbols[k] for k in np.argmax(x, axis=1)]


def prediction(task: Task, y_last: np.ndarray) -> tuple[str, str, float] | None:
    """The class a ``ce`` task's output y at the last step chooses: (class, its English
    gloss, softmax probability), or None for other tasks."""
    if task.loss_kind != "ce" or task.classes is None or task.name == "text":
        return None
    y = np.asarray(y_last, dtype=float)
    if not np.all(np.isfinite(y)):
        return None
    p = np.exp(y - y.max())
    p /= p.sum()
    k = int(np.argmax(p))
    word = task.classes[k]
    return word, task.glosses.get(word, ""), float(p[k])


def chance_and_solved(task: Task) -> tuple[float, float]:
    """The metric's chance baseline and its solved line."""
    return float(task.chance), float(task.threshold)


def known_task(name: str) -> bool:
    return name in TASKS and name in LAB_TASKS


def finite_or_nan(v) -> float:
    v = float(v)
    return v if math.isfinite(v) else float("nan")
