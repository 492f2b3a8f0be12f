"""The training lab's words: task names, their one-line descriptions in the interface's
language, the states of a run, what the marked steps are.

Task descriptions come from the engine (``description_en`` / ``description_zh``) through one
translatable pattern, the way ``ui/common/cell_text.py`` names a cell's quantities.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

#: The chooser's names of the tasks (translated under "TrainingText").
TASK_NAMES = {
    "sky_color": QT_TRANSLATE_NOOP("TrainingText", "Sky colour (§8.1)"),
    "adding": QT_TRANSLATE_NOOP("TrainingText", "Adding two marked numbers"),
    "temporal_order": QT_TRANSLATE_NOOP("TrainingText", "Temporal order (X / Y)"),
    "copy": QT_TRANSLATE_NOOP("TrainingText", "Copy a sequence"),
    "next_step": QT_TRANSLATE_NOOP("TrainingText", "Learn the sine (next step)"),
    "text": QT_TRANSLATE_NOOP("TrainingText", "Learn to spell (text)"),
}
#: Why each task needs memory, in one sentence.
WHY_MEMORY = {
    "sky_color": QT_TRANSLATE_NOOP(
        "TrainingText", "Memory: the answer depends only on the first word, L words back."
    ),
    "adding": QT_TRANSLATE_NOOP(
        "TrainingText", "Memory: the two numbers must be kept until the very last step."
    ),
    "temporal_order": QT_TRANSLATE_NOOP(
        "TrainingText", "Memory: both symbols and their order must be kept to the end."
    ),
    "copy": QT_TRANSLATE_NOOP(
        "TrainingText", "Memory: ten symbols must be held through the whole gap."
    ),
    "next_step": QT_TRANSLATE_NOOP(
        "TrainingText", "Memory: one value does not tell rising from falling; the past does."
    ),
    "text": QT_TRANSLATE_NOOP(
        "TrainingText", "Memory: the next letter depends on the letters before it."
    ),
}
#: What the length means, per task.
LENGTH_NAMES = {
    "sky_color": QT_TRANSLATE_NOOP("TrainingText", "Gap L (words)"),
    "adding": QT_TRANSLATE_NOOP("TrainingText", "Length T"),
    "temporal_order": QT_TRANSLATE_NOOP("TrainingText", "Length T"),
    "copy": QT_TRANSLATE_NOOP("TrainingText", "Lag T"),
    "next_step": QT_TRANSLATE_NOOP("TrainingText", "Window T"),
    "text": QT_TRANSLATE_NOOP("TrainingText", "Window T"),
}
#: The marked steps of the gradient image (training_tasks.steps_that_matter).
MARK_NAMES = {
    "marker": QT_TRANSLATE_NOOP("TrainingText", "marked number"),
    "X/Y": QT_TRANSLATE_NOOP("TrainingText", "X / Y"),
    "cause": QT_TRANSLATE_NOOP("TrainingText", "cause word"),
    "symbols": QT_TRANSLATE_NOOP("TrainingText", "symbols"),
}
STATE_NAMES = {
    "idle": QT_TRANSLATE_NOOP("TrainingText", "not trained yet"),
    "starting": QT_TRANSLATE_NOOP("TrainingText", "starting…"),
    "running": QT_TRANSLATE_NOOP("TrainingText", "training"),
    "paused": QT_TRANSLATE_NOOP("TrainingText", "paused"),
    "finished": QT_TRANSLATE_NOOP("TrainingText", "finished"),
    "diverged": QT_TRANSLATE_NOOP("TrainingText", "diverged"),
    "failed": QT_TRANSLATE_NOOP("TrainingText", "stopped by an error"),
}


def named(text: str) -> str:
    """A name from the tables above, translated (the tables are marked for lupdate)."""
    return QCoreApplication.translate("TrainingText", text)


def task_name(name: str) -> str:
    return named(TASK_NAMES.get(name, name))


def task_description(task) -> str:
    """The engine's one line on the task, in the interface's language."""
    return QCoreApplication.translate("TrainingText", "{en}", "task description").format(
        en=task.description_en, zh=task.description_zh
    )


def metric_name(task) -> str:
    if task.higher_is_better:
        return QCoreApplication.translate("TrainingText", "accuracy")
    return QCoreApplication.translate("TrainingText", "mean squared error")


def gloss(word: str, english: str) -> str:
    """ "灰色 (grey)" in English, "灰色" in Chinese."""
    if not english:
        return word
    return QCoreApplication.translate("TrainingText", "{word} ({gloss})", "a token").format(
        word=word, gloss=english, zh=word
    )


def duration(seconds: float | None) -> str:
    """ "1:05" (minutes:seconds), or "–"."""
    if seconds is None or seconds != seconds or seconds > 99 * 3600:
        return "–"
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"
