"""What the app remembers between runs (QSettings): language, text size, window geometry and
docks, recent lessons, playback speed.

Use :class:`Preferences`; every property reads and writes the settings file directly and
returns a safe default when the stored value is missing or of the wrong type (a hand-edited
or older file never stops start-up)::

    prefs = Preferences()            # the user's settings (or $VISUALRNN_SETTINGS)
    prefs.language = "zh_CN"         # "en", "zh_CN", or None: the system's language
    prefs.language                   # → "zh_CN"

Where the settings live: ``Preferences(path=…)`` or the environment variable
``VISUALRNN_SETTINGS`` name an INI file (tests use one in a temporary folder, so they never
touch the user's settings); otherwise the user's INI file
``QSettings(IniFormat, UserScope, "VisualRNN", "VisualRNN")`` (on Linux
``~/.config/VisualRNN/VisualRNN.ini``).
"""

from __future__ import annotations

import contextlib
import math
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..common.theme import font_scale

#: An INI file to use instead of the user's settings (tests, portable installs).
SETTINGS_ENV = "VISUALRNN_SETTINGS"
#: Interface languages the app has (None in :attr:`Preferences.language`: the system's).
LANGUAGES = ("en", "zh_CN")
MAX_RECENT = 8


def open_settings(path: str | os.PathLike | None = None) -> QSettings:
    """The settings store: the INI file ``path``, else $VISUALRNN_SETTINGS, else the user's."""
    path = path or os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(os.fspath(path), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "VisualRNN", "VisualRNN"
    )


class Preferences:
    """Typed access to the remembered settings.

    Parameters
    ----------
    path : an INI file to read and write (default: see :func:`open_settings`).
    settings : an existing QSettings to use instead (``path`` is then ignored).
    """

    def __init__(self, path: str | os.PathLike | None = None, settings: QSettings | None = None):
        self.settings = settings if settings is not None else open_settings(path)

    def file_name(self) -> str:
        """The file the settings are kept in."""
        return self.settings.fileName()

    def sync(self) -> None:
        """Write pending changes to the file now (Qt also does it on exit)."""
        self.settings.sync()

    # ---------------------------------------------------------------- language
    @property
    def language(self) -> str | None:
        """The interface language chosen, "en" or "zh_CN"; None: follow the system."""
        value = self.settings.value("language")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, value: str | None) -> None:
        if value is None:
            self.settings.remove("language")
            return
        if value not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)} or None")
        self.settings.setValue("language", value)

    # ---------------------------------------------------------------- text size
    @property
    def font_scale(self) -> float:
        """The projector text scale (1.0 = normal)."""
        return _positive_float(self.settings.value("font_scale"), 1.0)

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self.settings.setValue("font_scale", float(value))

    # ---------------------------------------------------------------- playback
    @property
    def speed(self) -> float | None:
        """Playback speed in steps per second, or None (the session's default)."""
        return _positive_float(self.settings.value("speed"), None)

    @speed.setter
    def speed(self, value: float) -> None:
        self.settings.setValue("speed", float(value))

    # ---------------------------------------------------------------- window
    @property
    def geometry(self) -> bytes | None:
        """``QMainWindow.saveGeometry()`` of the last run, or None."""
        return _bytes(self.settings.value("window/geometry"))

    @geometry.setter
    def geometry(self, value: bytes | QByteArray) -> None:
        self.settings.setValue("window/geometry", QByteArray(bytes(value)))

    @property
    def window_state(self) -> bytes | None:
        """``QMainWindow.saveState()`` (toolbars and docks) of the last run, or None."""
        return _bytes(self.settings.value("window/state"))

    @window_state.setter
    def window_state(self, value: bytes | QByteArray) -> None:
        self.settings.setValue("window/state", QByteArray(bytes(value)))

    # ---------------------------------------------------------------- recent lessons
    @property
    def recent_lessons(self) -> list[str]:
        """Lesson files opened or saved lately, newest first: at most 8, only files that
        still exist."""
        value = self.settings.value("recent_lessons")
        if isinstance(value, str):  # QSettings returns a one-item list as a string
            value = [value]
        if not isinstance(value, list):
            return []
        paths = [p for p in value if isinstance(p, str) and p and os.path.isfile(p)]
        return list(dict.fromkeys(paths))[:MAX_RECENT]

    @recent_lessons.setter
    def recent_lessons(self, paths: list[str]) -> None:
        paths = list(dict.fromkeys(os.fspath(p) for p in paths))[:MAX_RECENT]
        self.settings.setValue("recent_lessons", paths)

    def add_recent_lesson(self, path: str | os.PathLike) -> list[str]:
        """Put ``path`` (made absolute) first in the recent lessons; returns the new list."""
        path = str(Path(path).resolve())
        self.recent_lessons = [path, *(p for p in self.recent_lessons if p != path)]
        return self.recent_lessons

    def forget_recent_lesson(self, path: str | os.PathLike) -> list[str]:
        """Drop ``path`` from the recent lessons (e.g. it could not be opened)."""
        path = str(Path(path).resolve())
        self.recent_lessons = [p for p in self.recent_lessons if p != path]
        return self.recent_lessons

    # ---------------------------------------------------------------- the window
    def remember_window(self, window) -> None:
        """Keep ``window``'s geometry, docks and toolbars, the text size and the playback
        speed (called when the main window closes)."""
        self.geometry = window.saveGeometry()
        self.window_state = window.saveState()
        self.font_scale = font_scale().scale
        self.speed = window.session.speed
        self.sync()

    def restore_window(self, window) -> None:
        """Give ``window`` the geometry, docks, text size and speed of the last run
        (values that Qt or the session refuse are skipped)."""
        if self.geometry:
            window.restoreGeometry(QByteArray(self.geometry))
        if self.window_state:
            window.restoreState(QByteArray(self.window_state))
        if self.font_scale != 1.0:
            font_scale().set_scale(self.font_scale)
        if self.speed is not None:
            with contextlib.suppress(ValueError):
                window.session.set_speed(self.speed)


def _positive_float(value, default):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and number > 0 else default


def _bytes(value) -> bytes | None:
    if isinstance(value, QByteArray):
        value = value.data()
    return bytes(value) if isinstance(value, bytes | bytearray) and value else None
