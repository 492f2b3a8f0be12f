"""A chaos run of the real window (offscreen), by hand — not part of the test suite:

    python tools/chaos_run.py [--actions 3000] [--seeds 14 15 16] [--settle-ms 20]

The actions of ``tests/ui/random_actions.py`` (presets, cells, typing and pasting, lengths
up to 10,000, the gradient lab, stepping, playing, resizing, docks, language, presenter
mode, text size, broken weight files), split over the seeds, one fresh window per seed.
Prints: actions per kind, exceptions that reached ``sys.excepthook``, the event-loop
slices (median, p99, longest, how many over 100 ms and over 1 s, the slowest actions), the
process's memory, and the Qt object count after rounds of preset switches.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VISUALRNN_SETTINGS", os.path.join(tempfile.mkdtemp(), "chaos.ini"))


def rss_mb() -> float:
    """Resident memory now, in MB (Linux /proc; the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=3000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[14, 15, 16])
    parser.add_argument("--settle-ms", type=int, default=20)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from tests.ui.random_actions import (
        Chaos,
        bad_weight_files,
        collect_exceptions,
        object_count,
        settle,
    )
    from visualrnn.app import install_translators
    from visualrnn.session import LessonSession
    from visualrnn.session.presets import load_presets
    from visualrnn.ui.common.theme import font_scale
    from visualrnn.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    install_translators(app, "en")
    presets = load_presets()[0]
    files = bad_weight_files(tempfile.mkdtemp(prefix="chaos-files-"))
    gaps, slow, counts, kinds = [], [], [], {}
    start, rss0, peak = time.perf_counter(), rss_mb(), rss_mb()
    per_seed = -(-args.actions // len(args.seeds))
    with collect_exceptions() as caught:
        for seed in args.seeds:
            session = LessonSession(presets["textbook"].config)
            window = MainWindow(session, presets)
            window.resize(1600, 1000)
            window.show()
            settle(app, 0.2)
            chaos = Chaos(window, seed, files, settle_ms=args.settle_ms)
            for k in range(per_seed):
                before = (session.T, session.model.cell, session.model.hidden_size)
                name, gap = chaos.act()
                gaps.append(gap)
                if gap > 0.1:
                    after = (session.T, session.model.cell, session.model.hidden_size)
                    floating = sum(d.isFloating() and d.isVisible() for d in window.docks.values())
                    slow.append((gap, name, seed, k, before, after, floating))
                if k % 100 == 0:
                    peak = max(peak, rss_mb())
            for name, n in chaos.counts.items():
                kinds[name] = kinds.get(name, 0) + n
            session.pause()
            window.presenter.leave()
            install_translators(app, "en")
            settle(app, 0.2)
            for _ in range(4):  # rounds of preset switches: the object count stays flat
                for name in presets:
                    window.select_preset(name)
                    session.wait_until_computed(60)
                    settle(app, 0.02)
                settle(app, 0.2)
                counts.append((seed, object_count(window)))
            font_scale().set_scale(1.0)
            window.close()
            window.deleteLater()
            settle(app, 0.2)
    elapsed = time.perf_counter() - start
    ms = sorted(g * 1000 for g in gaps)
    print(f"chaos run: {len(gaps)} actions, seeds {args.seeds}, {elapsed:.0f} s")
    print("actions: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"exceptions reaching sys.excepthook: {len(caught)}")
    for line in caught[:10]:
        print("   ", line)
    print(
        f"event-loop slices (ms): median {statistics.median(ms):.0f}, "
        f"p99 {ms[int(0.99 * (len(ms) - 1))]:.0f}, longest {ms[-1]:.0f}; "
        f"over 100 ms: {sum(m > 100 for m in ms)}, over 1 s: {sum(m > 1000 for m in ms)}"
    )
    print("slowest (action, ms, (T, cell, H) before → after, floating panels):")
    for g, n, seed, k, before, after, floating in sorted(slow)[-10:]:
        print(
            f"    {n} {g * 1000:.0f} ms (seed {seed} #{k}) {before} → {after} floating {floating}"
        )
    print(f"memory: {rss0:.0f} MB at the start, peak {peak:.0f} MB, {rss_mb():.0f} MB at the end")
    print("Qt objects after rounds of preset switches: " + ", ".join(f"{c}" for _, c in counts))
    return 1 if caught else 0


if __name__ == "__main__":
    raise SystemExit(main())
