"""Cyclic garbage is collected on the interface's thread only (ui/common/garbage.py): a
cycle left by a worker thread survives there and is freed by the main thread's check."""

import gc
import threading
import weakref

from visualrnn.ui.common.garbage import collect_garbage_on_gui_thread


class _Node:
    pass


def _cycles(n: int) -> weakref.ref:
    """``n`` two-node cycles (far past gc's generation-0 threshold); a weak reference to
    the first one."""
    first = None
    for _ in range(n):
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        first = first or weakref.ref(a)
    return first


def test_a_worker_thread_never_collects_and_the_main_thread_does(qapp):
    collector = collect_garbage_on_gui_thread()
    assert not gc.isenabled()
    found = []
    worker = threading.Thread(target=lambda: found.append(_cycles(20 * gc.get_threshold()[0])))
    worker.start()
    worker.join()
    assert found[0]() is not None  # left for the main thread, however much it allocated
    collector.check()
    gc.collect()  # (check collects the generations that are due; the rest at the latest here)
    assert found[0]() is None
