"""Test set-up: Qt renders offscreen (CI has no display), and the app's remembered settings
live in a throw-away INI file, never in the user's own."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SETTINGS_DIR = tempfile.mkdtemp(prefix="visualrnn-test-settings-")
os.environ.setdefault("VISUALRNN_SETTINGS", os.path.join(_SETTINGS_DIR, "settings.ini"))
