"""Python's cyclic garbage collector runs on the interface's thread, between events.

Left automatic, it runs wherever allocations cross its threshold: in a worker thread that
computes a large lesson or trains, or in the middle of a paint. A cycle it frees there may
hold Qt objects (an old panel, its session), whose C++ destructors then run beside a paint
on the interface's thread. The test suite crashed that way inside a heatmap's paint
(``QPainter::drawImage`` through a corrupted paint engine) after two tests that installed
worker-computed results. pyqtgraph's :class:`GarbageCollector` turns automatic collection
off and collects on a timer in the interface's thread instead.
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

_COLLECTOR: list[GarbageCollector] = []


def collect_garbage_on_gui_thread(interval: float = 1.0) -> GarbageCollector:
    """Turn automatic collection off and collect every ``interval`` seconds on this
    (the interface's) thread; once per process. Needs the QApplication."""
    if not _COLLECTOR:
        _COLLECTOR.append(GarbageCollector(interval=interval))
    return _COLLECTOR[0]
