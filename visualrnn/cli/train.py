"""``python -m visualrnn task`` and ``python -m visualrnn train``.

``task`` writes a task's samples to an ``.npz``; ``train`` trains a model on a task (fresh
seeded batches) or on such a file (its rows in order) and writes PyTorch-layout weights.
Options left unset take the task's recipe (:mod:`visualrnn.engine.training.recipes`).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from pathlib import Path

import numpy as np

from ..engine.model import CELLS, Model
from ..engine.numerics import ACTIVATIONS
from ..engine.sequences import SequenceError, parse_numbers
from ..engine.training import TASKS, FileSource, TaskSource, Trainer, make_task, sample_text
from ..engine.training.data import TaskFileError, read_task_file, write_task_file
from ..engine.training.objective import outputs
from ..engine.training.optimizers import OPTIMIZERS
from ..engine.training.recipes import RECIPES, Recipe
from ..engine.weights import SUFFIXES
from .common import CliError, Progress, check_out, load_model, positive_float, positive_int
from .weights_out import save_renamed, stored_names

# --- shared task options --------------------------------------------------------------------


def add_task_options(p: argparse.ArgumentParser) -> None:
    """--length, and the options of the text and next_step tasks."""
    p.add_argument("--length", type=int, metavar="T", help="the task's length (default: its own)")
    p.add_argument("--text-file", metavar="FILE", help="text: train on this UTF-8 text")
    p.add_argument("--language", choices=("en", "zh"), default="en", help="text: default text")
    p.add_argument("--series", metavar="TEXT", help='next_step: a sequence, e.g. "1, 2, 0.5"')


def task_from_args(name: str, args: argparse.Namespace):
    """The task ``name`` with the length and source the options give."""
    options = {}
    if args.text_file is not None:
        if name != "text":
            raise CliError("--text-file belongs to the text task")
        options["text"] = _read_text(args.text_file)
    elif name == "text":
        options["language"] = args.language
    if args.series is not None:
        if name != "next_step":
            raise CliError("--series belongs to the next_step task")
        try:
            options["series"] = parse_numbers(args.series)
        except SequenceError as e:
            raise CliError(f"--series: {e}") from e
    try:
        return make_task(name, args.length, **options)
    except ValueError as e:
        raise CliError(str(e)) from e


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise CliError(f"text file {path} is not UTF-8 text") from e
    except OSError as e:
        raise CliError(f"cannot read text file {path}: {e.strerror or e}") from e


# --- task ---------------------------------------------------------------------------------


def add_task_parser(commands) -> None:
    p = commands.add_parser(
        "task",
        help="write a task's samples (inputs, targets, loss mask) to an .npz file",
        description="Draw N sequences of a training task and write x, targets, mask, "
        "loss_kind and the task's symbols to an .npz file.",
    )
    p.set_defaults(func=cmd_task)
    p.add_argument("name", choices=sorted(TASKS), metavar="NAME", help=", ".join(sorted(TASKS)))
    add_task_options(p)
    p.add_argument("--count", type=int, default=1000, metavar="N", help="sequences (1000)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (0)")
    p.add_argument("--out", required=True, metavar="DATA.npz", help="the file to write")


def cmd_task(args: argparse.Namespace) -> int:
    """``visualrnn task``: write ``args.count`` samples of the task."""
    positive_int("--count", args.count)
    positive_int("--seed", args.seed, 0)
    check_out(args.out, (".npz",))
    task = task_from_args(args.name, args)
    try:
        arrays = write_task_file(args.out, task, args.count, args.seed)
    except OSError as e:
        raise CliError(f"cannot write {args.out}: {e.strerror or e}") from e
    N, T, I = arrays["x"].shape
    print(
        f"wrote {args.out}: {task.name}, {N} sequences of T = {T} steps, I = {I}, "
        f"O = {task.output_size}, {task.loss_kind}"
    )
    return 0


# --- train --------------------------------------------------------------------------------


def add_train_parser(commands) -> None:
    p = commands.add_parser(
        "train",
        help="train a model on a task or a task file and write its weights",
        description="Train a model with BPTT. Options left unset take the task's recipe.",
    )
    p.set_defaults(func=cmd_train)
    p.add_argument("--weights", metavar="FILE", help="start from these weights")
    p.add_argument("--cell", choices=CELLS, help="a new model of this cell (recipe's)")
    p.add_argument("--hidden", type=int, metavar="H", help="hidden units H (recipe's)")
    p.add_argument("--activation", choices=ACTIVATIONS, help="the simple RNN's activation")
    data = p.add_mutually_exclusive_group(required=True)
    data.add_argument("--task", choices=sorted(TASKS), metavar="NAME", help="train on this task")
    data.add_argument("--data", metavar="DATA.npz", help="train on a task file, rows in order")
    add_task_options(p)
    p.add_argument("--optimizer", choices=OPTIMIZERS, help="sgd or adam")
    p.add_argument("--lr", type=float, metavar="LR", help="learning rate η")
    p.add_argument("--momentum", type=float, metavar="M", help="sgd momentum μ")
    p.add_argument("--batch", type=int, metavar="B", help="sequences per update")
    p.add_argument("--steps", type=int, metavar="N", help="the budget in updates")
    p.add_argument("--clip", type=float, metavar="C", help="clip the gradient norm at C")
    p.add_argument("--truncate", type=int, metavar="K", help="truncated BPTT length k")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (0)")
    p.add_argument("--until-solved", action="store_true", help="stop once the test set is solved")
    p.add_argument("--log", metavar="LOG.csv", help="one row per update: step, loss, metric, …")
    p.add_argument("--sample", type=int, metavar="N", help="text: then write N characters")
    p.add_argument("--temperature", type=float, default=1.0, metavar="TAU", help="sampling τ (1)")
    p.add_argument("--prime", metavar="TEXT", help="text: start the sample with this text")
    p.add_argument("--out", required=True, metavar="WEIGHTS", help=".safetensors or .npz")


def cmd_train(args: argparse.Namespace) -> int:
    """``visualrnn train``: train, write the weights, print a one-line summary."""
    _check_train_numbers(args)
    check_out(args.out, SUFFIXES)
    source, recipe, what = _source(args)
    if args.prime and set(args.prime) - set(source.task.vocabulary):
        missing = "".join(sorted(set(args.prime) - set(source.task.vocabulary)))
        raise CliError(f"--prime has characters the text does not: {missing!r}")
    recipe = _recipe_with_options(recipe, args)
    model = _model(args, recipe, source)
    try:
        trainer = Trainer(model, source, recipe.config())
    except ValueError as e:
        raise CliError(str(e)) from e
    result, elapsed = _run(trainer, recipe.steps, args)
    _write_weights(trainer.model, args)
    test_metric = source.metric(outputs(trainer.model, source.test.x), source.test)
    print(_summary(args.out, trainer.model, what, result, test_metric, source, elapsed))
    if args.sample:
        print(_sample(trainer.model, source.task, args))
    if result.reason == "diverged":
        print(f"visualrnn train: {result.message}", file=sys.stderr)
        return 1
    return 0


def _check_train_numbers(args) -> None:
    for name in ("hidden", "batch", "steps", "truncate", "sample"):
        positive_int(f"--{name}", getattr(args, name))
    if args.sample is not None and args.task != "text":
        raise CliError("--sample belongs to the text task")
    if not (math.isfinite(args.temperature) and args.temperature >= 0):
        raise CliError(f"--temperature must be a number ≥ 0, not {args.temperature}")
    positive_int("--seed", args.seed, 0)
    positive_float("--lr", args.lr)
    positive_float("--clip", args.clip)
    if args.momentum is not None and not (0 <= args.momentum < 1):
        raise CliError(f"--momentum must lie in [0, 1), not {args.momentum}")
    if args.weights is not None and (args.cell or args.hidden):
        raise CliError("give either --weights or --cell/--hidden, not both")


def _source(args):
    """(data source, the recipe to start from, a phrase naming the data)."""
    if args.task is not None:
        task = task_from_args(args.task, args)
        recipe = RECIPES.get(task.name, Recipe())
        return TaskSource(task, args.seed, recipe.test_size), recipe, _task_phrase(task)
    try:
        batch, meta = read_task_file(args.data)
    except TaskFileError as e:
        raise CliError(str(e)) from e
    threshold = float(meta["threshold"]) if "threshold" in meta else None
    source = FileSource(batch, meta["loss_kind"], int(meta["output_size"]), threshold)
    name = str(meta.get("task", ""))
    phrase = f"{args.data} ({len(batch)} sequences of T = {batch.x.shape[1]})"
    return source, RECIPES.get(name, Recipe()), phrase


def _sample(model: Model, task, args) -> str:
    """``sample: <prime>|<N characters>`` with the model's state carried along."""
    prime = args.prime if args.prime else task.text[0]
    try:
        text = sample_text(
            model,
            task.vocabulary,
            prime,
            args.sample,
            temperature=args.temperature,
            rng=np.random.default_rng(args.seed),
        )
    except ValueError as e:
        raise CliError(f"--prime: {e}") from e
    return f"sample (temperature {args.temperature:g}): {prime}|{text}"


def _task_phrase(task) -> str:
    return f"{task.name} (length {task.length}, T = {task.steps})"


def _recipe_with_options(recipe: Recipe, args) -> Recipe:
    changes = {k: getattr(args, k) for k in ("cell", "hidden", "optimizer", "lr", "batch")}
    changes.update(momentum=args.momentum, steps=args.steps, clip=args.clip)
    changes.update(truncate=args.truncate)
    return recipe.with_changes(**changes)


def _model(args, recipe: Recipe, source) -> Model:
    """The starting model: loaded (a head added if the task needs one) or fresh."""
    I, O = source.input_size, source.output_size
    if args.weights is None:
        return recipe.model(source, args.seed, args.activation or "tanh")
    model = load_model(args.weights, args.activation)
    if model.input_size != I:
        raise CliError(f"{args.weights} takes I = {model.input_size} inputs; the data has {I}")
    if model.has_head and model.output_size != O:
        raise CliError(f"{args.weights} has O = {model.output_size} outputs; the task needs {O}")
    if not model.has_head:
        H, k = model.hidden_size, 1.0 / math.sqrt(model.hidden_size)
        rng = np.random.default_rng(args.seed)
        model = model.with_params(
            head_weight=rng.uniform(-k, k, (O, H)), head_bias=rng.uniform(-k, k, O)
        )
    return model


def _run(trainer: Trainer, steps: int, args):
    progress = Progress(steps, "updates")
    log = _open_log(args.log)
    start = time.monotonic()

    def on_update(r):
        if log is not None:
            log[1].writerow([r.step, repr(r.loss), repr(r.metric), repr(r.grad_norm)])
        progress.update(r.step, f"loss {r.loss:.4g}")

    try:
        result = trainer.run(steps, until_solved=args.until_solved, on_update=on_update)
    finally:
        progress.close()
        if log is not None:
            log[0].close()
    return result, time.monotonic() - start


def _open_log(path: str | None):
    if path is None:
        return None
    try:
        f = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115 - closed in _run
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror or e}") from e
    writer = csv.writer(f)
    writer.writerow(["step", "loss", "metric", "grad_norm"])
    return f, writer


def _write_weights(model: Model, args) -> None:
    names = stored_names(args.weights) if args.weights else {}
    try:
        save_renamed(model, args.out, names)
    except OSError as e:
        raise CliError(f"cannot write {args.out}: {e.strerror or e}") from e


def _summary(out, model, what, result, test_metric, source, elapsed) -> str:
    name = "MSE" if source.loss_kind == "mse" else "accuracy"
    verdict = {
        "solved": f"solved after {result.steps} updates",
        "budget": f"{result.steps} updates (the budget)",
        "diverged": f"diverged, kept the weights after update {result.steps}",
        "stopped": f"stopped after {result.steps} updates",
    }[result.reason]
    solved = source.solved(test_metric)
    if solved is not None and result.reason != "solved":
        verdict += ", solved" if solved else ", not solved"
    return (
        f"wrote {out}: {model.cell} H = {model.hidden_size} on {what}, {verdict}; "
        f"test {name} = {test_metric:.4g}, {elapsed:.1f} s"
    )
