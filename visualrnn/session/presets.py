"""Classroom presets: read-only lessons bundled under ``resources/presets/``.

A preset file is a bare ``lesson.json`` (see :mod:`.lesson_document` and the README's
"Lesson files"), read by the same :func:`~.lesson_file.open_lesson` as a saved lesson, with
two keys only presets need: ``name`` (for ``--preset``) and ``order`` (the menu position);
``panel`` names the view the story is told in (e.g. ``"gradients"``), which the window
brings to the front. Titles and descriptions are English source strings; the UI passes them
through ``QCoreApplication.translate("presets", …)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..resource_paths import preset_files
from .config import LessonConfig
from .lesson_file import LessonFileError, LessonState, open_lesson

DEFAULT_PRESET = "textbook"


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    description: str
    order: int
    config: LessonConfig
    panel: str = ""
    #: One line on what to notice (English source; the UI translates it, context presets).
    notice: str = ""
    #: The whole lesson as read (for ``LessonSession.restore``: cursor, view modes …).
    lesson: LessonState | None = None


def load_preset(path: Path) -> Preset:
    """Read and validate one preset file; ``ValueError`` names the file and the problem."""
    try:
        state = open_lesson(path)
    except LessonFileError as exc:
        raise ValueError(f"preset {Path(path).name}: {exc.problem}") from exc
    if not state.name or not state.title:
        raise ValueError(f"preset {Path(path).name}: a preset needs a name and a title")
    order = 99 if state.order is None else state.order
    return Preset(
        state.name,
        state.title,
        state.description,
        order,
        state.config,
        state.panel,
        state.notice,
        state,
    )


def load_presets(directory: Path | None = None) -> tuple[dict[str, Preset], list[str]]:
    """All presets by name (in their display order) — the bundled ones, or those in
    ``directory`` — and the errors of the files that could not be read (one message each;
    a broken file never stops start-up)."""
    presets, errors = [], []
    paths = preset_files() if directory is None else sorted(Path(directory).glob("*.json"))
    for path in paths:
        try:
            presets.append(load_preset(path))
        except ValueError as exc:
            errors.append(str(exc))
    presets.sort(key=lambda p: (p.order, p.title))
    return {p.name: p for p in presets}, errors
