"""The interface language: Qt translators for VisualRNN's strings and Qt's own dialogs.

``install_translators`` runs before the window is built (app start-up) and again when the
user picks View → Language: it replaces the translators, Qt sends every widget a
``LanguageChange`` event, and the main window rebuilds its panels in the new language
(:meth:`MainWindow.changeEvent`) with the lesson, the step and the dock layout unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ...resource_paths import translations_dir

#: The interface languages: the English source strings and translations/visualrnn_zh_CN.qm.
LANGUAGES = ("en", "zh_CN")


def system_language() -> str:
    """ "zh_CN" when the system locale is Chinese (zh, zh_CN, zh_TW …), else "en"."""
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def current_language() -> str:
    """The language the interface shows now ("en" or "zh_CN")."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QApplication, lang: str | None = None) -> str:
    """Translate the interface into ``lang`` ("zh_CN" or "en"; None: the system's language):
    VisualRNN's own ``visualrnn_zh_CN.qm`` and Qt's ``qtbase_zh_CN.qm`` (its dialogs and
    standard buttons). Replaces the translators a previous call installed, so it can switch
    languages; returns the language chosen."""
    lang = lang or system_language()
    for old in getattr(app, "_visualrnn_translators", []):
        app.removeTranslator(old)
    app._visualrnn_translators = []  # keep Python references while installed
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return lang
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("visualrnn", str(translations_dir())), ("qtbase", qt_folder)):
        translator = QTranslator(app)
        if translator.load(f"{name}_{lang}", folder) and app.installTranslator(translator):
            app._visualrnn_translators.append(translator)
    return lang
