"""Test set-up: Qt renders offscreen (CI has no display), and the app's remembered settings
live in a throw-away INI file, never in the user's own."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SETTINGS_DIR = tempfile.mkdtemp(prefix="visualrnn-test-settings-")
os.environ.setdefault("VISUALRNN_SETTINGS", os.path.join(_SETTINGS_DIR, "settings.ini"))


import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _garbage_on_the_main_thread(qapp):
    """As in the app (ui/common/garbage.py): no automatic collection, which could run in a
    lesson's worker thread; collected on the main thread instead, between tests: in the
    middle of one it once freed a trace a shown view still drew from."""
    from visualrnn.ui.common.garbage import collect_garbage_on_gui_thread

    collector = collect_garbage_on_gui_thread()
    collector.timer.stop()  # between tests only, once the app's windows are gone (below)
    return collector


@pytest.fixture(autouse=True)
def _collect_after_each_test(_garbage_on_the_main_thread):
    """Between tests, on the main thread: what is due (the timer fires only in waits).
    The app's windows still open (qtbot's, and any a test made without it) are deleted
    first: a cycle freed while its widget lived on left a Python half-object for the
    widget's last signals (an AttributeError in a resize handler)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():  # the app's windows a test left open
        if type(widget).__module__.startswith(("visualrnn", "pyqtgraph")):
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _garbage_on_the_main_thread.check()
