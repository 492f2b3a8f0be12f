"""Success rate against length, per cell: the picture of Hochreiter & Schmidhuber's and
Pascanu et al.'s tables, measured.

A sweep is a list of :class:`Job` (task, length, cell, seed), each trained with the task's
recipe until solved or out of budget; jobs run in parallel worker processes (the "spawn"
start method, the same on Linux, macOS and Windows).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from ..init import init_model
from . import make_task
from .data import TaskSource
from .recipes import recipe_for
from .trainer import Trainer

#: Columns of a sweep's CSV, one row per job.
COLUMNS = (
    "task",
    "cell",
    "hidden",
    "parameters",
    "length",
    "seed",
    "solved",
    "updates",
    "test_metric",
    "reason",
    "seconds",
)


@dataclass(frozen=True)
class Job:
    """One training run: the task's recipe with this cell, H, length, seed and budget."""

    task: str
    cell: str
    hidden: int
    length: int
    seed: int
    steps: int


def parameter_count(cell: str, I: int, H: int, O: int) -> int:
    """The number of parameters of a model (recurrent layer and head)."""
    return init_model(cell, I, H, O).num_parameters


def matched_hidden(cell: str, target: int, I: int, O: int) -> int:
    """The H ≥ 1 whose parameter count is closest to ``target`` (e.g. the LSTM's)."""
    best, H = 1, 1
    while parameter_count(cell, I, H, O) <= target:
        best, H = H, H + 1
    above = parameter_count(cell, I, H, O)
    below = parameter_count(cell, I, best, O)
    return H if abs(above - target) < abs(target - below) else best


def plan(
    task: str,
    cells: Iterable[str],
    lengths: Iterable[int],
    seeds: int,
    *,
    steps: int | None = None,
    match_params: bool = False,
) -> list[Job]:
    """Every (cell, length, seed) job of a sweep, longest lengths first (they take longest).

    ``match_params`` sizes each cell to the parameter count of the recipe's LSTM.
    """
    recipe = recipe_for(task)
    budget = recipe.steps if steps is None else int(steps)
    lengths = sorted(set(lengths), reverse=True)
    probe = make_task(task, lengths[-1])
    sizes = {}
    for cell in cells:
        H = recipe.hidden
        if match_params:
            lstm = parameter_count("lstm", probe.input_size, recipe.hidden, probe.output_size)
            H = matched_hidden(cell, lstm, probe.input_size, probe.output_size)
        sizes[cell] = H
    return [
        Job(task, cell, sizes[cell], length, seed, budget)
        for length in lengths
        for cell in sizes
        for seed in range(seeds)
    ]


def run_job(job: Job) -> dict:
    """Train one job until solved or out of budget; the CSV row (see :data:`COLUMNS`)."""
    task = make_task(job.task, job.length)
    recipe = recipe_for(job.task).with_changes(cell=job.cell, hidden=job.hidden, steps=job.steps)
    model = recipe.model(task, job.seed)
    trainer = Trainer(model, TaskSource(task, job.seed, recipe.test_size), recipe.config())
    start = time.perf_counter()
    result = trainer.run(recipe.steps, until_solved=True)
    metric = result.profile.test_metric if result.profile is not None else float("nan")
    return {
        **asdict(job),
        "parameters": model.num_parameters,
        "solved": result.reason == "solved",
        "updates": result.steps,
        "test_metric": metric,
        "reason": result.reason,
        "seconds": round(time.perf_counter() - start, 2),
    }


@contextmanager
def _single_threaded_blas():
    """Worker processes inherit one BLAS thread each, so two workers use two cores."""
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    saved = {n: os.environ.get(n) for n in names}
    os.environ.update({n: "1" for n in names})
    try:
        yield
    finally:
        for n, v in saved.items():
            if v is None:
                os.environ.pop(n, None)
            else:
                os.environ[n] = v


def run_sweep(
    jobs: list[Job], workers: int | None = None, on_done: Callable[[dict], None] | None = None
) -> list[dict]:
    """Run ``jobs`` in ``workers`` processes (default: one per core); rows in job order.

    ``on_done`` is called in this process with each row as its job finishes.
    """
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    rows: dict[int, dict] = {}
    if workers == 1:
        for i, job in enumerate(jobs):
            rows[i] = run_job(job)
            if on_done:
                on_done(rows[i])
        return [rows[i] for i in range(len(jobs))]
    ctx = multiprocessing.get_context("spawn")
    with _single_threaded_blas(), ctx.Pool(workers) as pool:
        for i, row in pool.imap_unordered(_indexed, list(enumerate(jobs))):
            rows[i] = row
            if on_done:
                on_done(row)
    return [rows[i] for i in range(len(jobs))]


def _indexed(item):
    i, job = item
    return i, run_job(job)


def success_table(rows: list[dict]) -> dict[tuple[str, int], tuple[int, int]]:
    """(cell, length) → (jobs solved, jobs run)."""
    table: dict[tuple[str, int], list[int]] = {}
    for r in rows:
        cell = table.setdefault((r["cell"], r["length"]), [0, 0])
        cell[0] += bool(r["solved"])
        cell[1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}


def failure_length(rows: list[dict], cell: str) -> int | None:
    """The shortest length at which ``cell`` solved under half of its seeds, or None."""
    table = success_table(rows)
    for (c, length), (solved, total) in sorted(table.items(), key=lambda kv: kv[0][1]):
        if c == cell and 2 * solved < total:
            return length
    return None
