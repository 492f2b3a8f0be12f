"""The command-line tools: ``python -m visualrnn <command> …``.

``trace`` writes one sequence's trace and gradients; ``task`` writes a task's samples;
``train`` trains a model and writes its weights; ``sweep`` measures success rate against
length for several cells. NumPy engine only; this package never imports Qt.
"""

from __future__ import annotations

import argparse
import sys

from . import sweep, trace, train
from .common import PROG, CliError

__all__ = ["PROG", "CliError", "build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run a command-line tool.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status: 0 on success, 2 for bad arguments or files.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except CliError as e:
        print(f"{PROG} {args.command}: error: {e}", file=sys.stderr)
        return 2


def build_parser() -> argparse.ArgumentParser:
    """The ``visualrnn`` argument parser with its subcommands."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="VisualRNN command-line tools: python -m visualrnn COMMAND ..."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    trace.add_parser(commands)
    train.add_task_parser(commands)
    train.add_train_parser(commands)
    sweep.add_parser(commands)
    return parser
