"""``python -m visualrnn trace``: one sequence forward and back, written to an ``.npz``.

``trace`` runs one sequence through a model (a weight file or a preset) and writes the
forward trace, the BPTT gradients and their norms to an ``.npz`` file.

This module uses the NumPy engine only; it never imports Qt.
"""

from __future__ import annotations

import argparse
import math
from functools import partial
from pathlib import Path

import numpy as np

from ..engine.export import save_trace
from ..engine.gradients import Result
from ..engine.init import TEXTBOOK_INPUT, textbook_model
from ..engine.limits import check_work
from ..engine.losses import LOSS_AT, LOSSES
from ..engine.model import Model
from ..engine.numerics import ACTIVATIONS
from ..engine.run_options import RunOptions
from ..engine.sequences import SequenceError, parse_classes, parse_numbers
from .common import CliError, check_out, load_model

#: The built-in models ``--preset`` accepts, each with its default input.
PRESETS = {"textbook": (textbook_model, TEXTBOOK_INPUT)}


def add_parser(commands) -> None:
    p = commands.add_parser(
        "trace",
        help="run one sequence and write the trace and gradients to an .npz file",
        description="Run one sequence forward and back (BPTT) and write every step's "
        "states, gates, outputs, losses and gradients to an .npz file.",
    )
    p.set_defaults(func=cmd_trace)
    model = p.add_mutually_exclusive_group(required=True)
    model.add_argument("--weights", metavar="FILE", help="a .safetensors or .npz state dict")
    model.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        help="a built-in model and input (textbook: Fig. 8.5, x = 1, 2)",
    )
    source = p.add_mutually_exclusive_group()
    source.add_argument("--input", metavar="TEXT", help='the input x, e.g. "1, 2" or "1 0; 0 1"')
    source.add_argument("--input-file", metavar="CSV", help="the input x, one step per row")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--targets", metavar="TEXT", help="targets (default 0), like --input")
    target.add_argument("--targets-file", metavar="CSV", help="targets, one step per row")
    p.add_argument("--loss", choices=LOSSES, default="mse", help="loss per step (default mse)")
    p.add_argument(
        "--loss-at", choices=LOSS_AT, default="all", help="steps with a loss (default all)"
    )
    p.add_argument("--truncate", type=int, metavar="K", help="truncated BPTT length k")
    p.add_argument("--clip", type=float, metavar="C", help="clip the gradient norm at C")
    p.add_argument("--activation", choices=ACTIVATIONS, help="override the simple RNN's activation")
    p.add_argument("--out", required=True, metavar="TRACE.npz", help="the file to write")


# --- the trace command --------------------------------------------------------------------


def cmd_trace(args: argparse.Namespace) -> int:
    """``visualrnn trace``: compute one trace and write it to ``args.out``."""
    _check_numbers(args)
    check_out(args.out)
    model, x = _model_and_input(args)
    targets = _targets(args, model, x.shape[0])
    try:
        options = RunOptions(args.loss, args.loss_at, args.truncate, args.clip)
        check_work(x.shape[0], model.hidden_size, model.input_size, model.output_size, model.cell)
        result = options.run(model, x, targets)
    except ValueError as e:
        raise CliError(str(e)) from e
    _write_npz(args.out, result)
    _print_summary(args.out, result)
    return 0


def _print_summary(out: str, result: Result) -> None:
    """One line on stdout (ASCII, for any console encoding)."""
    g = result.grads
    clipped = f", clipped to {g.grad_norm_clipped:.6g}" if g.clipped else ""
    print(
        f"wrote {out}: {result.trace.cell}, T = {result.trace.T}, "
        f"loss = {result.trace.loss:.6g}, gradient norm = {g.grad_norm:.6g}{clipped}"
    )


def _check_numbers(args: argparse.Namespace) -> None:
    if args.truncate is not None and args.truncate < 1:
        raise CliError(f"--truncate must be at least 1, not {args.truncate}")
    if args.clip is not None and not (math.isfinite(args.clip) and args.clip > 0):
        raise CliError(f"--clip must be a positive number, not {args.clip}")


def _model_and_input(args: argparse.Namespace) -> tuple[Model, np.ndarray]:
    """The model (file or preset, activation overridden) and the input x: (T, I)."""
    if args.preset is not None:
        make, x = PRESETS[args.preset]
        model = make()
        if args.activation is not None:
            model = Model(model.cell, model.params, args.activation)
    else:
        model, x = load_model(args.weights, args.activation), None
    if args.input is not None or args.input_file is not None:
        x = _read_sequence(args.input, args.input_file, parse_numbers, "input")
    if x is None:
        raise CliError("--weights needs an input: give --input TEXT or --input-file CSV")
    _check_width(x.shape[1], model.input_size, "input", "input size I")
    return model, x


def _targets(args: argparse.Namespace, model: Model, T: int) -> np.ndarray | None:
    """The targets, (T, O) floats for mse or (T,) classes for ce; None for all zeros."""
    if args.targets is None and args.targets_file is None:
        return None
    O = model.output_size
    parse = partial(parse_classes, num_classes=O) if args.loss == "ce" else parse_numbers
    tg = _read_sequence(args.targets, args.targets_file, parse, "targets")
    if tg.shape[0] != T:
        raise CliError(f"the targets have {tg.shape[0]} steps but the input has {T}")
    if args.loss == "mse":
        _check_width(tg.shape[1], O, "target", "output size O")
    return tg


def _check_width(width: int, size: int, what: str, size_name: str) -> None:
    if width != size:
        raise CliError(
            f"each {what} step has {width} value{'s' if width != 1 else ''} "
            f"but the model's {size_name} is {size}"
        )


def _read_sequence(text: str | None, path: str | None, parse, what: str) -> np.ndarray:
    """Parse ``--<what>`` text, or a CSV file with one step per row."""
    source = f"--{what}"
    if path is not None:
        source, text = path, _csv_as_steps(_read_text(path, what))
    try:
        return parse(text)
    except SequenceError as e:
        raise CliError(f"{source}: {e}") from e


def _read_text(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise CliError(f"{what} file {path} is not UTF-8 text") from e
    except OSError as e:
        raise CliError(f"cannot read {what} file {path}: {e.strerror or e}") from e


def _csv_as_steps(text: str) -> str:
    """CSV rows as ``;``-separated steps, so that one row is always one step."""
    rows = [line for line in text.splitlines() if line.strip()]
    return "; ".join(rows) + ";" if rows else ""


# --- the output file ----------------------------------------------------------------------


def _write_npz(path: str, result: Result) -> None:
    try:
        save_trace(result, path)
    except OSError as e:
        raise CliError(f"cannot write {path}: {e.strerror or e}") from e
