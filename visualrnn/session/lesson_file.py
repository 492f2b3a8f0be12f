"""Lesson files (``.vrnn``): save a lesson and open it again, exactly as it was.

A lesson file is a zip archive with

- ``lesson.json`` (required): the documented, versioned JSON of :mod:`.lesson_document`;
- ``weights.safetensors``: only when the configuration's model source is ``"file"`` (weights
  loaded or trained, not reproducible from the seed), written and read by
  :mod:`visualrnn.engine.weights` (PyTorch layout, float64).

A bare ``lesson.json`` (not zipped) is a lesson without weights; the presets in
``resources/presets`` are such files. :func:`open_lesson` reads both, never with pickle,
refuses members larger than the limits below before reading them, and raises
:class:`LessonFileError` with one line naming the file, the member and what is wrong.
:func:`save_lesson` writes atomically: a temporary file beside the target, fsync, then
``os.replace`` — on failure the old file is intact and no temporary file is left.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

from ..engine import Model
from ..engine.weights import WeightFileError, load_weights, save_weights, write_atomic
from .config import parse_input
from .lesson_document import (
    FORMAT,
    FORMAT_VERSION,
    LessonFormatError,
    LessonState,
    check_format,
    state_from_json,
    state_to_json,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "LESSON_MEMBER",
    "LESSON_SUFFIX",
    "WEIGHTS_MEMBER",
    "LessonFileError",
    "LessonState",
    "open_lesson",
    "save_lesson",
]

LESSON_SUFFIX = ".vrnn"
LESSON_MEMBER = "lesson.json"
WEIGHTS_MEMBER = "weights.safetensors"
MAX_JSON_BYTES = 16 * 2**20
MAX_WEIGHTS_BYTES = 256 * 2**20
_MEMBER_LIMITS = {LESSON_MEMBER: MAX_JSON_BYTES, WEIGHTS_MEMBER: MAX_WEIGHTS_BYTES}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


class LessonFileError(ValueError):
    """A lesson file that cannot be read or written: ``"<path>: <problem>"`` on one line.

    ``path`` and ``problem`` are also kept apart (the preset list shows file name + problem).
    """

    def __init__(self, path, problem: str):
        self.path, self.problem = os.fspath(path), " ".join(str(problem).split())
        super().__init__(f"{self.path}: {self.problem}")


# --- saving -------------------------------------------------------------------------------


def save_lesson(path, state: LessonState) -> None:
    """Write ``state`` to ``path`` as a lesson zip (any suffix; ``.vrnn`` by convention).

    Raises :class:`LessonFileError` when the file cannot be written (the message names the
    path and the reason); the previous file, if any, is then unchanged.
    """
    data = lesson_bytes(state)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise LessonFileError(path, f"cannot write the lesson: {exc.strerror or exc}") from exc


def lesson_bytes(state: LessonState) -> bytes:
    """The lesson zip of ``state``, in memory."""
    text = json.dumps(state_to_json(state), ensure_ascii=False, indent=2, allow_nan=False)
    members = {LESSON_MEMBER: text.encode("utf-8") + b"\n"}
    if state.model is not None:
        members[WEIGHTS_MEMBER] = _weights_bytes(state.model)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        stamp = time.localtime()[:6]
        for name, payload in members.items():
            zf.writestr(zipfile.ZipInfo(name, stamp), payload, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _weights_bytes(model: Model) -> bytes:
    """The engine's own weight-file writer, through a private temporary folder."""
    with tempfile.TemporaryDirectory(prefix="visualrnn-") as folder:
        tmp = Path(folder) / WEIGHTS_MEMBER
        save_weights(model, tmp)
        return tmp.read_bytes()


# --- opening ------------------------------------------------------------------------------


def open_lesson(path) -> LessonState:
    """Read a lesson zip or a bare lesson.json (a preset) and validate everything.

    Returns a :class:`LessonState` whose weights fit its configuration and whose cursor is
    within the sequence. Raises :class:`LessonFileError` otherwise.
    """
    head = _read_head(path)
    if head.startswith(_ZIP_MAGIC):
        state, member = _open_zip(path), LESSON_MEMBER
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        state, member = _open_json(path), ""
    else:
        raise LessonFileError(path, "not a lesson file (neither a zip archive nor JSON)")
    _check_fits(path, state, member)
    return state


def _read_head(path) -> bytes:
    name = os.fspath(path)
    if not os.path.exists(name):
        raise LessonFileError(path, "no such file")
    if not os.path.isfile(name):
        raise LessonFileError(path, "not a file")
    try:
        with open(name, "rb") as f:
            return f.read(64)
    except OSError as exc:
        raise LessonFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc


def _open_json(path) -> LessonState:
    """A bare lesson.json: a lesson without weights (every preset is one)."""
    try:
        size = os.path.getsize(path)
        if size > MAX_JSON_BYTES:
            raise LessonFileError(path, f"{size} bytes is too large for a lesson.json")
        with open(path, "rb") as f:
            raw = f.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise LessonFileError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    data = _parse_json(path, "", raw)
    with _reporting(path, ""):
        return state_from_json(data)


def _open_zip(path) -> LessonState:
    try:
        with zipfile.ZipFile(path) as zf:
            members = _members(path, zf)
            raw = _read_member(path, zf, members[LESSON_MEMBER])
            data = _parse_json(path, LESSON_MEMBER, raw)
            with _reporting(path, LESSON_MEMBER):
                check_format(data)  # a newer lesson is reported as newer, weights unread
            weights = members.get(WEIGHTS_MEMBER)
            model = _read_model(path, _read_member(path, zf, weights)) if weights else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise LessonFileError(path, f"truncated or damaged lesson file ({exc})") from exc
    except (OSError, RuntimeError, NotImplementedError) as exc:  # encrypted, odd compression
        raise LessonFileError(path, f"cannot read the lesson archive: {exc}") from exc
    with _reporting(path, LESSON_MEMBER):
        return state_from_json(data, model)


def _members(path, zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by name: lesson.json required, nothing unknown, none too big."""
    infos = zf.infolist()
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise LessonFileError(path, "the archive holds a member twice")
    unknown = [n for n in names if n not in _MEMBER_LIMITS]
    if unknown:
        raise LessonFileError(
            path,
            f"unexpected member {unknown[0]!r} "
            f"(a lesson holds {LESSON_MEMBER} and {WEIGHTS_MEMBER})",
        )
    if LESSON_MEMBER not in names:
        raise LessonFileError(path, f"missing member {LESSON_MEMBER}")
    for info in infos:
        if info.file_size > _MEMBER_LIMITS[info.filename]:
            raise LessonFileError(
                path,
                f"{info.filename}: declared size {info.file_size} bytes "
                f"exceeds the limit of {_MEMBER_LIMITS[info.filename]}",
            )
    return {i.filename: i for i in infos}


def _read_member(path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, never more than its limit (whatever the header declared)."""
    limit = _MEMBER_LIMITS[info.filename]
    with zf.open(info) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise LessonFileError(path, f"{info.filename}: larger than the limit of {limit} bytes")
    return data


def _parse_json(path, member: str, raw: bytes):
    where = f"{member}: " if member else ""
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise LessonFileError(path, f"{where}not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise LessonFileError(path, f"{where}not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise LessonFileError(path, f"{where}JSON nested too deeply") from exc


@contextlib.contextmanager
def _reporting(path, member: str):
    """Turn a LessonFormatError into a LessonFileError naming the file and the member."""
    try:
        yield
    except LessonFormatError as exc:
        raise LessonFileError(path, f"{member}: {exc}" if member else str(exc)) from exc


def _read_model(path, data: bytes) -> Model:
    """weights.safetensors through the engine's reader; errors name the member, not a
    temporary file."""
    with tempfile.TemporaryDirectory(prefix="visualrnn-") as folder:
        tmp = Path(folder) / WEIGHTS_MEMBER
        tmp.write_bytes(data)
        try:
            return load_weights(tmp)
        except WeightFileError as exc:
            _, named, problem = str(exc).partition(f"{WEIGHTS_MEMBER}: ")  # drop the tmp folder
            raise LessonFileError(path, f"{WEIGHTS_MEMBER}: {problem if named else exc}") from exc


def _check_fits(path, state: LessonState, member: str) -> None:
    """The weights take the input's width and match the configured cell and sizes; the
    cursor lies within the sequence (``member``: where the configuration was read)."""
    c, m = state.config, state.model
    with _reporting(path, member):
        try:
            x, _ = parse_input(c)
        except ValueError as exc:
            raise LessonFormatError(f"config.input_text: {exc}") from exc
        if state.cursor > x.shape[0]:
            raise LessonFormatError(
                f"cursor {state.cursor} is beyond the sequence's {x.shape[0]} steps"
            )
    if m is not None:
        expected = {
            "cell": (m.cell, c.cell),
            "hidden size": (m.hidden_size, c.hidden_size),
            "input size": (m.input_size, x.shape[1]),
            "output size": (m.output_size, c.output_size or m.output_size),
        }
        if c.cell == "rnn":
            expected["activation"] = (m.activation, c.activation)
        for what, (found, wanted) in expected.items():
            if found != wanted:
                raise LessonFileError(
                    path,
                    f"{WEIGHTS_MEMBER}: the weights have {what} "
                    f"{found}, the configuration {wanted}",
                )
