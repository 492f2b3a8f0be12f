"""What a lesson file holds, and its ``lesson.json`` (no Qt, no file access).

:class:`LessonState` is one lesson as a value: the configuration, the weights when they do
not follow from the configuration's seed, the cursor, the open panel, the view modes, the
title. :func:`state_to_json` / :func:`state_from_json` turn it into the documented JSON
mapping and back, validating every key; :mod:`.lesson_file` puts that JSON and the weights
into a zip. The format is documented in the README ("Lesson files").
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from ..engine import Model
from .config import LessonConfig

FORMAT = "visualrnn-lesson"
#: The newest format this version writes and reads; a file with a larger number is refused.
FORMAT_VERSION = 1

MAX_MAPPING_KEYS = 200
MAX_TEXT = 10_000
MAX_HISTORY_VALUES = 1_000_000

#: The keys of lesson.json and the JSON types of their values (None: null allowed).
_KEYS = {
    "format": (str,),
    "version": (int,),
    "title": (str,),
    "description": (str,),
    "notice": (str,),
    "name": (str,),
    "order": (int,),
    "config": (dict,),
    "cursor": (int,),
    "panel": (str,),
    "view": (dict,),
    "training": (dict, type(None)),
    "history": (dict, type(None)),
    "race": (dict, type(None)),
}
_SIMPLE = (str, int, float, bool, type(None))
#: The JSON types of LessonConfig's annotations ("float | None" → float or null).
_ANNOTATION_TYPES = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}
_ANNOTATION_TYPES |= {"dict": (dict,), "None": (type(None),)}


class LessonFormatError(ValueError):
    """lesson.json does not hold a lesson this version can read; the message says what."""


@dataclass(frozen=True, eq=False)
class LessonState:
    """One lesson, everything needed to show the same thing again.

    Attributes
    ----------
    config : LessonConfig
    model : Model or None
        The weights, when ``config.model_source == "file"`` (loaded or trained); None when
        they follow from the configuration (seeded init, the textbook's weights).
    cursor : int, steps shown (0 … T).
    panel : the key of the panel brought to the front ("" for the window's choice).
    view : view modes, an open mapping of names to str / int / float / bool / None.
    title, description : text shown for the lesson.
    notice : one line on what to notice, shown above the views while the lesson is open.
    name, order : presets only: the ``--preset`` name and the position in the menu.
    training : training settings (a mapping of simple values) or None.
    history : training curves by name, each a read-only float64 array (T_train,), or None.
    race : the race that ran (settings, sizes, outcomes, each cell's curves; see
        :mod:`.race_document`), or None.
    """

    config: LessonConfig
    model: Model | None = None
    cursor: int = 0
    panel: str = ""
    view: Mapping = field(default_factory=dict)
    title: str = ""
    description: str = ""
    notice: str = ""
    name: str = ""
    order: int | None = None
    training: Mapping | None = None
    history: Mapping[str, np.ndarray] | None = None
    race: Mapping | None = None

    def __post_init__(self):
        if (self.model is not None) != (self.config.model_source == "file"):
            raise ValueError("a lesson has weights exactly when its model source is 'file'")
        object.__setattr__(self, "view", MappingProxyType(dict(self.view)))
        if self.training is not None:
            object.__setattr__(self, "training", MappingProxyType(dict(self.training)))
        if self.history is not None:
            frozen = {k: _readonly(v) for k, v in self.history.items()}
            object.__setattr__(self, "history", MappingProxyType(frozen))
        if self.race is not None:
            from .race_document import readonly_block

            object.__setattr__(self, "race", MappingProxyType(readonly_block(dict(self.race))))


def _readonly(values) -> np.ndarray:
    a = np.array(values, dtype=np.float64).reshape(-1)
    a.flags.writeable = False
    return a


# --- writing ------------------------------------------------------------------------------


def state_to_json(state: LessonState) -> dict:
    """The lesson.json mapping of ``state`` (the weights are not part of it)."""
    data = {"format": FORMAT, "version": FORMAT_VERSION, "title": state.title}
    if state.description:
        data["description"] = state.description
    if state.notice:
        data["notice"] = state.notice
    if state.name:
        data["name"] = state.name
    if state.order is not None:
        data["order"] = int(state.order)
    data["config"] = _plain(state.config.to_dict())
    data.update(cursor=int(state.cursor), panel=state.panel, view=_plain(dict(state.view)))
    if state.training is not None:
        data["training"] = _plain(dict(state.training))
    if state.history is not None:
        data["history"] = {k: [_finite_or_none(v) for v in a] for k, a in state.history.items()}
    if state.race is not None:
        from .race_document import race_to_json

        data["race"] = race_to_json(dict(state.race))
    return data


def _plain(value):
    """NumPy scalars → Python numbers, recursively (json cannot write np.int64)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def _finite_or_none(v) -> float | None:
    """History values: NaN / ±inf (a diverged run) become null; JSON has no such numbers."""
    v = float(v)
    return v if math.isfinite(v) else None


# --- reading ------------------------------------------------------------------------------


def state_from_json(data, model: Model | None = None) -> LessonState:
    """Validate a parsed lesson.json and build the state (``model``: the weights, if any).

    Raises :class:`LessonFormatError` naming the first key that is wrong.
    """
    check_format(data)
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise LessonFormatError(f"unknown key(s) {', '.join(map(repr, unknown))}")
    for key, value in data.items():
        _check_type(key, value, _KEYS[key])
    config = config_from_json(data["config"])
    cursor = data.get("cursor", 0)
    if cursor < 0:
        raise LessonFormatError(f"cursor must be ≥ 0, not {cursor}")
    _check_lengths(data)
    _check_weights_present(config, model)
    return LessonState(
        config=config,
        model=model,
        cursor=cursor,
        panel=data.get("panel", ""),
        view=_simple_mapping("view", data.get("view", {})),
        title=data.get("title", ""),
        description=data.get("description", ""),
        notice=data.get("notice", ""),
        name=data.get("name", ""),
        order=data.get("order"),
        training=_optional(data, "training", _simple_mapping),
        history=_optional(data, "history", _history),
        race=_optional(data, "race", _race),
    )


def _race(key: str, value: dict) -> dict:
    from .race_document import race_from_json  # (it builds on this module's checks)

    return race_from_json(key, value)


def check_format(data) -> None:
    """A JSON object of this format, in a version this VisualRNN reads (checked first, so a
    newer file is reported as newer rather than as wrong)."""
    if not isinstance(data, dict):
        raise LessonFormatError(f"must hold a JSON object, not {_json_type(data)}")
    if "format" not in data or "version" not in data:
        missing = "format" if "format" not in data else "version"
        raise LessonFormatError(f'missing key "{missing}" (not a VisualRNN lesson?)')
    if data["format"] != FORMAT:
        raise LessonFormatError(f'format is {data["format"]!r}, not "{FORMAT}"')
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LessonFormatError(f"unknown format version {version!r}")
    if version > FORMAT_VERSION:
        raise LessonFormatError(
            f"this lesson was saved by a newer VisualRNN (format {version}); "
            f"this version reads up to {FORMAT_VERSION}"
        )


def _check_weights_present(config: LessonConfig, model: Model | None) -> None:
    if model is None and config.model_source == "file":
        raise LessonFormatError(
            "config.model_source is 'file' (loaded weights), but the lesson holds no "
            "weights.safetensors"
        )
    if model is not None and config.model_source != "file":
        raise LessonFormatError(
            f"weights.safetensors is present, but config.model_source is "
            f"{config.model_source!r}, not 'file'"
        )


def _check_type(key: str, value, types: tuple) -> None:
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok:
        shown = [t for t in types if not (t is int and float in types)]
        expected = " or ".join(_TYPE_NAMES[t] for t in shown)
        raise LessonFormatError(f"{key} must be {expected}, not {_json_type(value)}")


def _check_lengths(data: dict) -> None:
    for key in ("title", "description", "notice", "name", "panel"):
        if len(data.get(key, "")) > MAX_TEXT:
            raise LessonFormatError(f"{key} is longer than {MAX_TEXT} characters")


def config_from_json(data: dict) -> LessonConfig:
    """The ``config`` mapping as a validated :class:`LessonConfig` (missing keys: defaults)."""
    fields = {f.name: f for f in dataclasses.fields(LessonConfig)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise LessonFormatError(f"config: unknown setting(s) {', '.join(map(repr, unknown))}")
    for key, value in data.items():
        types = [_ANNOTATION_TYPES.get(t.strip()) for t in str(fields[key].type).split("|")]
        if all(types):
            _check_type(f"config.{key}", value, sum(types, ()))
    if data.get("generator") is not None:
        _simple_mapping("config.generator", data["generator"])
    try:
        return LessonConfig.from_dict(data)
    except (TypeError, ValueError) as exc:
        raise LessonFormatError(f"config: {exc}") from exc


def _simple_mapping(key: str, value: dict) -> dict:
    if len(value) > MAX_MAPPING_KEYS:
        raise LessonFormatError(f"{key} has more than {MAX_MAPPING_KEYS} entries")
    for k, v in value.items():
        if not isinstance(v, _SIMPLE):
            raise LessonFormatError(
                f"{key}.{k} must be text, a number, true/false or null, not {_json_type(v)}"
            )
    return value


def _history(key: str, value: dict) -> dict[str, np.ndarray]:
    total = 0
    for k, v in value.items():
        _check_type(f"{key}.{k}", v, (list,))
        bad = [x for x in v if x is not None and not _is_number(x)]
        if bad:
            raise LessonFormatError(f"{key}.{k} must hold numbers or null, not {bad[0]!r}")
        total += len(v)
    if total > MAX_HISTORY_VALUES:
        raise LessonFormatError(f"{key} holds more than {MAX_HISTORY_VALUES} values")
    return {k: np.array([np.nan if x is None else x for x in v], float) for k, v in value.items()}


def _is_number(x) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _optional(data: dict, key: str, parse):
    return None if data.get(key) is None else parse(key, data[key])


_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    dict: "an object",
    list: "a list",
    type(None): "null",
}


def _json_type(value) -> str:
    for t in (bool, str, int, float, dict, list, type(None)):
        if isinstance(value, t):
            return f"{_TYPE_NAMES[t]} ({_short(value)})"
    return type(value).__name__


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"
