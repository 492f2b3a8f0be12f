"""Where VisualRNN's bundled files are: presets, fonts, translations and the icon.

The folder ``resources/`` at the top of the repository is installed as the package
``visualrnn.resources`` (see ``setup.py`` / ``pyproject.toml``), so a wheel, an sdist and an
editable install all carry it. It is found only through :mod:`importlib.resources` — never
from ``__file__`` or the working directory — and every function here returns a real
filesystem path (what ``QFontDatabase``, ``QTranslator`` and ``QIcon`` need): for an
ordinary install that is the installed file itself; from a zipped install it is a copy
extracted by :func:`importlib.resources.as_file`, kept until the interpreter exits.

Pure Python (no Qt, no NumPy): the session and the command line use it too.
"""

from __future__ import annotations

import atexit
import functools
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

PACKAGE = "visualrnn.resources"
APP_ICON = "visualrnn.svg"

_extracted = ExitStack()  # keeps as_file() copies alive (zipped installs only)
atexit.register(_extracted.close)


@functools.cache
def resource_dir(folder: str) -> Path:
    """The folder ``resources/<folder>`` ("presets", "fonts", "translations", "icons")."""
    return _real_path(folder)


def _real_path(*parts: str) -> Path:
    resource = files(PACKAGE).joinpath(*parts)
    if isinstance(resource, Path):  # the usual case: an unpacked install or a checkout
        return resource
    return _extracted.enter_context(as_file(resource))


def _files(folder: str, pattern: str) -> list[Path]:
    directory = resource_dir(folder)
    return sorted(directory.glob(pattern)) if directory.is_dir() else []


def _one_file(folder: str, name: str) -> Path:
    """``resources/<folder>/<name>``; ``FileNotFoundError`` names it when it is missing."""
    if Path(name).name != name:
        raise ValueError(f"{name!r} is not a plain file name")
    path = resource_dir(folder) / name
    if not path.is_file():
        raise FileNotFoundError(f"bundled file {folder}/{name} is missing from {PACKAGE}")
    return path


def preset_files() -> list[Path]:
    """Every preset lesson, ``presets/*.json``, sorted by file name."""
    return _files("presets", "*.json")


def font_files() -> list[Path]:
    """Every bundled font, ``fonts/*.ttf`` (the CJK fallback Droid Sans Fallback)."""
    return _files("fonts", "*.ttf")


def font_file(name: str) -> Path:
    """One bundled font, e.g. ``font_file("DroidSansFallbackFull.ttf")``."""
    return _one_file("fonts", name)


def translations_dir() -> Path:
    """The folder of the compiled translations ``visualrnn_<locale>.qm`` (for
    ``QTranslator.load(QLocale(), "visualrnn", "_", str(translations_dir()))``)."""
    return resource_dir("translations")


def translation_file(name: str) -> Path:
    """One translation file, e.g. ``translation_file("visualrnn_zh_CN.qm")``."""
    return _one_file("translations", name)


def icon_file(name: str = APP_ICON) -> Path:
    """An icon; by default the application icon (an SVG, sharp at any size)."""
    return _one_file("icons", name)
