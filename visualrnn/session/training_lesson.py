"""How a training run and the lesson stay together (QtCore only).

The lab writes its settings and curves into the lesson (``LessonSession.training`` /
``history``, saved with it); a lesson opened with a training block (a saved lesson, or a
bundled preset chosen from the toolbar) hands its settings and curves to the lab; a change
of the model by anyone else (the toolbar's cell, H, seed …) ends the run, since the weights
it trained are no longer the lesson's.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication

from ..engine.training.snapshots import SnapshotStore
from .presets import load_presets
from .training_log import TrainingLog
from .training_tasks import TrainSettings

#: The lesson settings that define the model: a change there by anyone else ends the run.
MODEL_FIELDS = (
    "cell",
    "hidden_size",
    "activation",
    "init_scheme",
    "spectral_radius",
    "seed",
    "forget_bias",
    "input_scale",
    "model_source",
    "output_size",
    "vocabulary",
    "input_mode",
)


class LessonLink:
    """The lesson side of :class:`~.training_session.TrainingSession` (a mixin)."""

    # ---------------------------------------------------------------- the lesson
    @contextlib.contextmanager
    def _own_change(self):
        self._own += 1
        try:
            yield
        finally:
            self._own -= 1
            self._last_config = self.lesson.config

    def _on_config_changed(self, config) -> None:
        if self._own or self.lesson.model is self._installed:
            self._last_config = config
            return
        previous, self._last_config = self._last_config, config
        if self.lesson.training is not self._training_seen:
            self._open_lesson_block()
            return
        preset = preset_training(config)
        if preset is not None:
            self._adopt(TrainSettings.from_dict(preset), None)
            return
        changed = any(getattr(previous, f) != getattr(config, f) for f in MODEL_FIELDS)
        if changed and self.has_run:
            self.reset(reinstall=False)
            self._say(
                QCoreApplication.translate(
                    "TrainingSession", "The model changed: the training run was reset."
                ),
                False,
            )

    def _open_lesson_block(self) -> None:
        """A lesson was opened: take its training settings and curves."""
        self._training_seen = self.lesson.training
        settings = self._settings_from(self.lesson.training)
        self._adopt(settings or self.settings, self.lesson.history)

    def _adopt(self, settings: TrainSettings, history) -> None:
        self._stop_worker()
        self.settings = settings
        self.log = TrainingLog.from_history(history)
        self.snapshots = SnapshotStore(self.SNAPSHOT_EVERY, self.MAX_SNAPSHOTS)
        self.latest, self.shown_step, self.follow_latest = None, None, True
        if self.lesson.config.model_source == "file" and self.log.n:
            self.latest = (self.log.last_step, dict(self.lesson.model.params))
            self.shown_step = self.log.last_step
        self.sample, self.rate = "", 0.0
        self._set_state("finished" if self.log.n else "idle")
        self._write_lesson_block()
        self.settings_changed.emit(settings)
        self.progressed.emit()
        self.snapshots_changed.emit()
        self._say("", False)

    def _settings_from(self, block) -> TrainSettings | None:
        if not block:
            return None
        try:
            return TrainSettings.from_dict(block)
        except (TypeError, ValueError):
            return None

    def _write_lesson_block(self) -> None:
        """Keep the lesson's training block (and, with a run, its curves) for Save."""
        self.lesson.training = self.settings.to_dict()
        self._training_seen = self.lesson.training
        self.lesson.history = self.log.history() if self.log.n else None


def preset_training(config) -> dict | None:
    """The training block of the bundled preset whose lesson is ``config``, if any."""
    for preset in _presets().values():
        if preset.config == config and preset.lesson is not None and preset.lesson.training:
            return dict(preset.lesson.training)
    return None


_PRESETS: dict | None = None


def _presets() -> dict:
    global _PRESETS
    if _PRESETS is None:
        _PRESETS = load_presets()[0]
    return _PRESETS
