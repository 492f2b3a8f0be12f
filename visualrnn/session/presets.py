"""Classroom presets: JSON files under ``resources/presets/``, each a whole lesson.

A preset file holds ``{"name": ..., "title": ..., "description": ..., "order": n,
"lesson": {LessonConfig fields}, "panel": key}``; ``panel`` names the view the
story is told in (e.g. ``"gradients"``), which the window brings to the front. Titles and
descriptions are English source strings; the UI passes them through
``QCoreApplication.translate("presets", …)``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .config import LessonConfig

PRESET_DIR = Path(__file__).resolve().parents[2] / "resources" / "presets"
DEFAULT_PRESET = "textbook"


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    description: str
    order: int
    config: LessonConfig
    panel: str = ""


def load_preset(path: Path) -> Preset:
    """Read and validate one preset file; ``ValueError`` names the file and the problem."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Preset(
            name=str(data["name"]),
            title=str(data["title"]),
            description=str(data.get("description", "")),
            order=int(data.get("order", 99)),
            config=LessonConfig.from_dict(data["lesson"]),
            panel=str(data.get("panel", "")),
        )
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"preset {Path(path).name}: {exc}") from exc


def load_presets(directory: Path = PRESET_DIR) -> tuple[dict[str, Preset], list[str]]:
    """All presets in ``directory`` by name (in their display order), and the errors of
    the files that could not be read (one message each; a broken file never stops start-up)."""
    presets, errors = [], []
    for path in sorted(Path(directory).glob("*.json")):
        try:
            presets.append(load_preset(path))
        except ValueError as exc:
            errors.append(str(exc))
    presets.sort(key=lambda p: (p.order, p.title))
    return {p.name: p for p in presets}, errors
