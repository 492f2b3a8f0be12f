"""The lesson session (QtCore only): configuration, computed trace, cursor, playback."""

from .config import LessonConfig, build_lesson
from .lesson import LessonSession
from .playback import SPEEDS, Playback

__all__ = ["SPEEDS", "LessonConfig", "LessonSession", "Playback", "build_lesson"]
