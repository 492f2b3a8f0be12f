"""An interpreter that exits in the middle of training leaves no worker process behind and
does not hang (JobStatus's exit handler stops it; the worker is a daemon besides)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

from tests.processes import process_gone

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QCoreApplication
    from visualrnn.session import LessonSession
    from visualrnn.session.training_session import TrainingSession

    app = QCoreApplication([])
    t = TrainingSession.of(LessonSession())
    assert t.set_settings(length=5, budget=100_000, until_solved=False)
    assert t.prepare_lesson(hidden=8)
    assert t.train()
    end = time.monotonic() + 60
    while t.process_id is None or t.log.n < 3:
        app.processEvents()
        time.sleep(0.01)
        assert time.monotonic() < end, "the worker never reported"
    print(t.process_id, flush=True)
    sys.exit(0)  # no shutdown(), no aboutToQuit: only the exit handler is left
    """
)


def test_exit_during_training_ends_the_worker():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pid = int(done.stdout.split()[-1])
    end = time.monotonic() + 10
    while not process_gone(pid) and time.monotonic() < end:
        time.sleep(0.05)
    assert process_gone(pid)
