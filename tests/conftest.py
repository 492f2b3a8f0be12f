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
    lesson's worker thread; collected on the main thread instead."""
    from visualrnn.ui.common.garbage import collect_garbage_on_gui_thread

    return collect_garbage_on_gui_thread()


@pytest.fixture(autouse=True)
def _collect_after_each_test(_garbage_on_the_main_thread):
    """Between tests, on the main thread: what is due (the timer fires only in waits).
    The widgets qtbot closed are deleted first: a cycle freed while its widget waited for
    deletion left a Python half-object for the widget's last signals."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _garbage_on_the_main_thread.check()
