"""10,000 Python-side Signal.emit calls do not abort the process (docs/ARCHITECTURE.md, pitfalls:
PySide6 6.12.0 on CPython 3.11 drops a reference to True per emit)."""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        flag = Signal(bool)
        number = Signal(int)

    app = QCoreApplication([])
    e = Emitter()
    seen = []
    e.flag.connect(seen.append)
    e.number.connect(seen.append)
    for k in range(10_000):
        e.flag.emit(k % 2 == 0)
        e.number.emit(k)
    print(len(seen))
    """
)


def test_ten_thousand_emits_do_not_abort():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "20000"


def test_session_signals_survive_many_cursor_moves(qapp):
    from visualrnn.session import LessonSession

    session = LessonSession()
    session.generate_input("sine", T=100)
    moves = []
    session.cursor_changed.connect(moves.append)
    for _ in range(50):
        session.jump_to_end()
        session.rewind()
    for _ in range(100):
        session.toggle_play()
    assert len(moves) == 100 and not session.playing
