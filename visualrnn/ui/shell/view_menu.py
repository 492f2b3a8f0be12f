"""The View menu: projector font scale (Ctrl+= / Ctrl+− / Ctrl+0), full screen (F11),
presenter mode (F5; 1–9 choose the view, Esc returns), the interface language
(English / 中文), and one entry per dock to show or hide it.

The font scale lives in :func:`visualrnn.ui.theme.font_scale`; this menu changes it and
sets the application font to match, so plain widgets in every panel grow too (views that
draw their own text follow ``scale_changed`` themselves).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from ..common.theme import font_scale
from .language import current_language, install_translators
from .preferences import Preferences

_BASE_SIZE_PROPERTY = "visualrnn_base_point_size"
#: From this text size on, a window smaller than CROWDED_SIZE suggests presenter mode.
CROWDED_SCALE, CROWDED_SIZE = 1.3, (1500, 950)


def base_point_size() -> float:
    """The application font's point size at scale 1 (remembered on first call)."""
    app = QApplication.instance()
    size = app.property(_BASE_SIZE_PROPERTY)
    if size is None:
        size = app.font().pointSizeF() / font_scale().scale
        app.setProperty(_BASE_SIZE_PROPERTY, size)
    return float(size)


def apply_font_scale(scale: float) -> None:
    """Set the application font to the base size × ``scale``."""
    font = QApplication.font()
    font.setPointSizeF(base_point_size() * scale)
    QApplication.setFont(font)


class ViewMenu(QMenu):
    """Font scale, full screen and the docks of ``window``."""

    def __init__(self, window: QMainWindow):
        super().__init__(QCoreApplication.translate("MainWindow", "&View"), window)
        self._window = window
        base_point_size()
        self.bigger_action = self._action(
            self.tr("Larger text"),
            [QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)],
            font_scale().bigger,
        )
        self.smaller_action = self._action(
            self.tr("Smaller text"),
            [QKeySequence("Ctrl+-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)],
            font_scale().smaller,
        )
        self.normal_action = self._action(
            self.tr("Normal text size"), [QKeySequence("Ctrl+0")], self._on_normal_size
        )
        self.addSeparator()
        self.fullscreen_action = self._action(
            self.tr("Full screen"), [QKeySequence("F11")], self._on_fullscreen_toggled
        )
        self.fullscreen_action.setCheckable(True)
        self._presenter_actions()
        self.addSeparator()
        self.language_menu = self._language_menu()
        self.addSeparator()
        self._dock_separator = self.addSection(self.tr("Panels"))
        font_scale().scale_changed.connect(self._on_scale_changed)

    def _presenter_actions(self) -> None:
        """F5: one view fills the window at a large font; 1–9 choose it, Esc returns. The
        number keys and Esc act only while presenting (digits are typed otherwise)."""
        self.presenter_action = self._action(
            self.tr("Presenter mode"), [QKeySequence("F5")], self._on_presenter_toggled
        )
        self.view_actions = []
        for k in range(1, 10):
            action = QAction(self)
            action.setShortcut(QKeySequence(str(k)))
            action.setData(k - 1)
            action.triggered.connect(self._on_view_key)
            self._window.addAction(action)
            self.view_actions.append(action)
        self.leave_action = QAction(self)
        self.leave_action.setShortcut(QKeySequence("Esc"))
        self.leave_action.triggered.connect(self._on_leave_presenter)
        self._window.addAction(self.leave_action)
        self._sync_presenter_keys()

    def _sync_presenter_keys(self) -> None:
        active = self._window.presenter.active
        for action in [*self.view_actions, self.leave_action]:
            action.setEnabled(active)

    def _on_presenter_toggled(self) -> None:
        presenter = self._window.presenter
        if presenter.active:
            presenter.leave()
        else:
            presenter.show(0)
        self._sync_presenter_keys()

    def _on_view_key(self) -> None:
        self._window.presenter.show(self.sender().data())

    def _on_leave_presenter(self) -> None:
        self._window.presenter.leave()
        self._sync_presenter_keys()

    def _language_menu(self) -> QMenu:
        """English / 中文: each language names itself, so either can be found in the other."""
        menu = self.addMenu(self.tr("Language / 语言"))
        group = QActionGroup(self)
        self.language_actions = {}
        for lang, name in (("en", "English"), ("zh_CN", "中文")):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(lang == current_language())
            action.setData(lang)
            action.triggered.connect(self._on_language_chosen)
            group.addAction(action)
            self.language_actions[lang] = action
        return menu

    def _on_language_chosen(self) -> None:
        """Switch at once (the window rebuilds itself) and remember the choice."""
        lang = self.sender().data()
        Preferences().language = lang
        if lang != current_language():
            install_translators(QApplication.instance(), lang)

    def add_dock_toggles(self, docks) -> None:
        """One checkable entry per dock (and toolbar) to show or hide it."""
        for dock in docks:
            self.addAction(dock.toggleViewAction())

    def _action(self, text: str, keys: list, slot) -> QAction:
        action = QAction(text, self)
        unique = []
        for key in keys:
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        action.setShortcuts(unique)
        action.triggered.connect(slot)
        self.addAction(action)
        self._window.addAction(action)
        return action

    def _on_normal_size(self) -> None:
        font_scale().set_scale(1.0)

    def _on_scale_changed(self, scale: float) -> None:
        apply_font_scale(scale)
        message, timeout = self.tr("Text size {0:.0f} %").format(scale * 100), 2000
        if self._crowded(scale):
            hint = self.tr("crowded on this screen? F5 (presenter mode) shows one view at a time")
            message, timeout = f"{message} — {hint}", 10_000
        self._window.statusBar().showMessage(message, timeout)

    def _crowded(self, scale: float) -> bool:
        """Whether every panel at this text size is likely too cramped in the window (a
        1280×720 projector at 130 % and more); not while presenting."""
        window = self._window
        small = window.width() < CROWDED_SIZE[0] or window.height() < CROWDED_SIZE[1]
        return scale >= CROWDED_SCALE and small and not window.presenter.active

    def _on_fullscreen_toggled(self, checked: bool) -> None:
        if checked:
            self._window.showFullScreen()
        else:
            self._window.showNormal()
