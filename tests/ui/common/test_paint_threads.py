"""Painting stays on the interface thread: importing ``visualrnn.ui`` turns Qt's GUI thread
pool off (it cost a floating-panel step ~20 % on two cores; see ``visualrnn/ui/__init__``)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PAINT_A_LARGE_FILL = """
import os, sys
if sys.argv[1] == "app":
    import visualrnn.ui  # noqa: F401
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
app = QGuiApplication([])
image = QImage(2000, 2000, QImage.Format.Format_ARGB32_Premultiplied)
for _ in range(5):
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, 2000, 2000, QColor(10, 20, 30, 128))
    painter.drawEllipse(10, 10, 1900, 1900)
    painter.end()
names = [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]
print(sum(name.startswith("Thread (pooled)") for name in names))
"""


def _pooled_threads(mode: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    root = Path(__file__).resolve().parents[3]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", PAINT_A_LARGE_FILL, mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads Linux's /proc")
def test_the_app_paints_large_fills_without_qt_pool_threads():
    if os.cpu_count() and os.cpu_count() > 1:  # Qt only splits fills when it has cores to
        assert _pooled_threads("plain") > 0  # the check can fail: plain Qt starts them
    assert _pooled_threads("app") == 0
