"""Test set-up: Qt renders offscreen (CI has no display)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
