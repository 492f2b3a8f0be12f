"""The unrolled network must not resize itself in a loop (it once froze the window).

Squeezed to a short height with a short sequence, a zoom that depended on whether the
horizontal scroll bar showed would show it, shrink, hide it, grow … each event-loop pass
slower than the last. The reproduction runs under a real event loop, in timed slices.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.shell.main_window import MainWindow


class _ResizeCounter(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.count += 1
        return False


def _slice(ms: int) -> float:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    start = time.perf_counter()
    loop.exec()
    return time.perf_counter() - start


@pytest.mark.parametrize(
    ("preset", "T", "bottom"), [("lstm_memory", 7, 516), ("textbook", 10, 600)]
)
def test_a_squeezed_network_settles_within_a_slice(qtbot, preset, T, bottom):
    presets, _ = load_presets()
    session = LessonSession(presets[preset].config)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(800, 800)
    window.show()
    network = window.central_panel.network
    counter = _ResizeCounter()
    network.installEventFilter(counter)
    network.viewport().installEventFilter(counter)
    docks = [
        d
        for d in window.docks.values()
        if window.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
    ]
    window.resizeDocks(docks, [bottom] * len(docks), Qt.Orientation.Vertical)
    session.set_input_text(", ".join(["0.5"] * T))
    _slice(200)
    counter.count = 0
    session.update(forget_bias=2.0)
    for _ in range(3):
        assert _slice(300) < 1.0
    assert counter.count < 50, f"{counter.count} resize events after one edit"
    # the zoom is fitted to an area that does not change when the scroll bar comes and goes
    area = network.fit_area()
    network.horizontalScrollBar().setVisible(not network.horizontalScrollBar().isVisible())
    assert network.fit_area() == area
