"""``python -m visualrnn sweep``: success rate against length, per cell, in parallel."""

from __future__ import annotations

import argparse
import csv
import io
import time

from ..engine.model import CELLS
from ..engine.training import TASKS, make_task
from ..engine.training.sweep import COLUMNS, failure_length, plan, run_sweep, success_table
from ..engine.weights import write_atomic
from .common import CliError, Progress, check_out, positive_int


def add_parser(commands) -> None:
    p = commands.add_parser(
        "sweep",
        help="success rate against length for several cells (parallel processes)",
        description="Train every cell at every length with several seeds, each with the "
        "task's recipe until solved or out of budget, and write one CSV row per run.",
    )
    p.set_defaults(func=cmd_sweep)
    p.add_argument("--task", required=True, choices=sorted(TASKS), metavar="NAME")
    p.add_argument("--cells", default="rnn,lstm,gru", help="comma-separated (rnn,lstm,gru)")
    p.add_argument("--lengths", default="5,10,20,50", help="comma-separated (5,10,20,50)")
    p.add_argument("--seeds", type=int, default=3, metavar="N", help="seeds per cell/length (3)")
    p.add_argument("--steps", type=int, metavar="N", help="budget per run (the recipe's)")
    p.add_argument("--match-params", action="store_true", help="size cells to the LSTM's count")
    p.add_argument("--workers", type=int, metavar="P", help="processes (one per core)")
    p.add_argument("--out", required=True, metavar="SWEEP.csv", help="the CSV to write")


def cmd_sweep(args: argparse.Namespace) -> int:
    """``visualrnn sweep``: plan, run in parallel, write the CSV, print the table."""
    positive_int("--seeds", args.seeds)
    positive_int("--steps", args.steps)
    positive_int("--workers", args.workers)
    check_out(args.out, (".csv",))
    cells = _cells(args.cells)
    lengths = _lengths(args.lengths, args.task)
    jobs = plan(
        args.task, cells, lengths, args.seeds, steps=args.steps, match_params=args.match_params
    )
    _check_writable(args.out)
    progress = Progress(len(jobs), "runs")
    done = []
    start = time.monotonic()

    def on_done(row):
        done.append(row)
        progress.update(len(done), f"last: {row['cell']} length {row['length']}")

    try:
        rows = run_sweep(jobs, args.workers, on_done)
    finally:
        progress.close()
    _write_csv(args.out, rows)
    print(_table(rows, cells, sorted(set(lengths)), time.monotonic() - start, args.out))
    return 0


def _cells(text: str) -> list[str]:
    cells = [c.strip() for c in text.split(",") if c.strip()]
    unknown = [c for c in cells if c not in CELLS]
    if not cells or unknown:
        raise CliError(f"--cells must name some of {', '.join(CELLS)}; got {text!r}")
    return list(dict.fromkeys(cells))


def _lengths(text: str, task: str) -> list[int]:
    try:
        lengths = [int(v) for v in text.split(",") if v.strip()]
    except ValueError as e:
        raise CliError(f"--lengths must be whole numbers separated by commas, not {text!r}") from e
    if not lengths:
        raise CliError("--lengths needs at least one length")
    for length in lengths:
        try:
            make_task(task, length)
        except ValueError as e:
            raise CliError(str(e)) from e
    return lengths


def _check_writable(path: str) -> None:
    try:
        write_atomic(path, b"")
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror or e}") from e


def _write_csv(path: str, rows: list[dict]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row[k] for k in COLUMNS})
    try:
        write_atomic(path, buf.getvalue().encode("utf-8"))
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror or e}") from e


def _table(rows, cells, lengths, elapsed, out) -> str:
    """Solved / runs per cell and length, the sizes, and each cell's failure length."""
    table = success_table(rows)
    sizes = {r["cell"]: (r["hidden"], r["parameters"]) for r in rows}
    width = max(8, *(len(str(n)) + 2 for n in lengths))
    head = "cell (H, params)".ljust(24) + "".join(f"{n:>{width}}" for n in lengths)
    lines = [f"success rate (solved / runs) by length, {rows[0]['task']}:", head]
    for cell in cells:
        H, P = sizes[cell]
        cols = "".join(f"{'{}/{}'.format(*table[(cell, n)]):>{width}}" for n in lengths)
        lines.append(f"{cell} (H = {H}, {P})".ljust(24) + cols)
    for cell in cells:
        fail = failure_length(rows, cell)
        lines.append(
            f"{cell}: solves every length tried"
            if fail is None
            else f"{cell}: first fails (under half the seeds solve) at length {fail}"
        )
    lines.append(f"wrote {out}: {len(rows)} runs in {elapsed:.0f} s")
    return "\n".join(lines)
