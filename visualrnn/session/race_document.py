"""A race in a lesson file: the ``race`` block of lesson.json (no Qt, no file access).

A race that ran (every cell's curves, how each run ended, the settings and sizes the
cells had) is saved with the lesson, so a teacher who raced the cells while preparing
opens the lesson in class with the race on screen. The block is::

    "race": {"settings": {…}, "seed": 3, "match_params": false,
             "cells": {"rnn": {"hidden": 16, "parameters": 321, "outcome": "budget",
                               "ended_at": 300, "history": {…}}, …}}

``history`` is the training lab's (see :meth:`~.training_log.TrainingLog.history`).
"""

from __future__ import annotations

from ..engine.cellspec import CELL_SPECS
from .config import MAX_HIDDEN
from .lesson_document import (
    MAX_HISTORY_VALUES,
    LessonFormatError,
    _check_type,
    _finite_or_none,
    _history,
    _plain,
    _readonly,
    _simple_mapping,
)

#: How a cell's run ended (None while it runs).
OUTCOMES = ("solved", "budget", "diverged", "failed", "stopped")
_KEYS = {"settings": (dict,), "seed": (int,), "match_params": (bool,), "cells": (dict,)}
_CELL_KEYS = {
    "hidden": (int,),
    "parameters": (int,),
    "outcome": (str, type(None)),
    "ended_at": (int, type(None)),
    "history": (dict,),
}


def race_to_json(block: dict) -> dict:
    """The lesson.json form of a race block (NaN and inf as null)."""
    cells = {}
    for cell, entry in block["cells"].items():
        history = {k: [_finite_or_none(v) for v in a] for k, a in entry["history"].items()}
        cells[cell] = {
            **_plain({k: v for k, v in entry.items() if k != "history"}),
            "history": history,
        }
    out = _plain({k: block[k] for k in ("settings", "seed", "match_params")})
    return {**out, "cells": cells}


def race_from_json(key: str, value: dict) -> dict:
    """Validate a lesson.json race block; raises :class:`LessonFormatError` naming the key."""
    _check_keys(key, value, _KEYS)
    cells = value["cells"]
    if not 1 <= len(cells) <= len(CELL_SPECS):
        raise LessonFormatError(f"{key}.cells must name 1 to {len(CELL_SPECS)} cells")
    out, total = {}, 0
    for cell, entry in cells.items():
        where = f"{key}.cells.{cell}"
        if cell not in CELL_SPECS:
            raise LessonFormatError(f"{where}: unknown cell (one of {', '.join(CELL_SPECS)})")
        _check_type(where, entry, (dict,))
        _check_keys(where, entry, _CELL_KEYS)
        if not 1 <= entry["hidden"] <= MAX_HIDDEN or entry["parameters"] < 1:
            raise LessonFormatError(f"{where}: hidden must be 1 to {MAX_HIDDEN}, parameters ≥ 1")
        if entry["outcome"] not in (*OUTCOMES, None):
            raise LessonFormatError(f"{where}.outcome must be one of {', '.join(OUTCOMES)}")
        history = _history(f"{where}.history", entry["history"])
        total += sum(len(a) for a in history.values())
        if total > MAX_HISTORY_VALUES:
            raise LessonFormatError(f"{key} holds more than {MAX_HISTORY_VALUES} values")
        out[cell] = {**{k: entry[k] for k in _CELL_KEYS if k != "history"}, "history": history}
    settings = _simple_mapping(f"{key}.settings", value["settings"])
    return {
        "settings": dict(settings),
        "seed": value["seed"],
        "match_params": value["match_params"],
        "cells": out,
    }


def _check_keys(key: str, value: dict, keys: dict) -> None:
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise LessonFormatError(f"{key}: unknown key(s) {', '.join(map(repr, unknown))}")
    for name, types in keys.items():
        if name not in value:
            raise LessonFormatError(f'{key}: missing key "{name}"')
        _check_type(f"{key}.{name}", value[name], types)


def readonly_block(block: dict) -> dict:
    """A copy of ``block`` whose history arrays are read-only float64 (for LessonState)."""
    cells = {
        cell: {**entry, "history": {k: _readonly(a) for k, a in entry["history"].items()}}
        for cell, entry in block["cells"].items()
    }
    return {**block, "cells": cells}
