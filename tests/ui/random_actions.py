"""What a class (and a careless file) can do to the window, as seeded random actions.

Used by ``tests/ui/test_random_actions.py`` (a few hundred actions, in the suite) and by
``tools/chaos_run.py`` (thousands, by hand). Every action goes through the real widgets or
the window's own entry points, inside a real event loop: after each one, :meth:`Chaos.act`
runs the loop for a short slice with a 5 ms heartbeat and records the longest gap (the
longest time the interface's thread did not answer), and any exception raised in a slot
is collected by the ``sys.excepthook`` installed by :func:`collect_exceptions`.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import sys
import time
import traceback
import zipfile
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QEventLoop, QMimeData, QObject, QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from visualrnn.engine import init_model
from visualrnn.engine.weights import save_weights
from visualrnn.ui.common.theme import font_scale

HEARTBEAT_MS = 5
TYPED = [
    "1, 2",
    "0.5, -1, 2, 3",
    "1 0; 0 1; 1 1",
    "1, x, 3",
    "",
    "5e-324, 1e308",
    "1e400",
    "nan, 1",
    ",,,",
    "<b>1</b>",
    "1; 2; 3; 4; 5; 6; 7; 8; 9; 10",
    "hello world",
    "一二三",
    "0.1," * 300,
]
TARGETS = ["", "1, 2", "1e272, 1e272", "0", "a", "1, 2, 3"]
LENGTHS = [1, 2, 3, 7, 12, 18, 50, 200, 999, 2_500, 10_000]


@contextmanager
def collect_exceptions():
    """Collect what reaches ``sys.excepthook`` (exceptions in Qt slots) into a list."""
    caught: list[str] = []
    previous = sys.excepthook

    def hook(kind, value, tb):
        where = traceback.extract_tb(tb)[-3:] if tb is not None else []
        at = " < ".join(f"{os.path.basename(f.filename)}:{f.lineno}" for f in reversed(where))
        caught.append(f"{kind.__name__}: {value} (at {at})")

    sys.excepthook = hook
    try:
        yield caught
    finally:
        sys.excepthook = previous


def bad_weight_files(folder: str) -> list[str]:
    """Weight files a class might load: broken, lying, too large, HTML in the metadata —
    and two good ones (one that does not fit the lesson's input)."""
    os.makedirs(folder, exist_ok=True)
    paths = []

    def put(name: str, data: bytes) -> None:
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(data)
        paths.append(path)

    put("empty.npz", b"")
    put("noise.npz", bytes(random.Random(1).randrange(256) for _ in range(4000)))
    put("text.safetensors", b"this is not a weight file")
    header = json.dumps({"w": {"dtype": "F64", "shape": [10**6, 10**6], "data_offsets": [0, 8]}})
    put("liar.safetensors", struct.pack("<Q", len(header)) + header.encode() + bytes(8))
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buf, {"descr": "<f8", "fortran_order": False, "shape": (10**6, 10**6)}
    )
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("weight_ih_l0.npy", buf.getvalue() + bytes(16))
        zf.writestr("notes.txt", b"not an array")
    put("liar.npz", zipped.getvalue())
    for name, model in (
        ("good_lstm.npz", init_model("lstm", 1, 8, 1, seed=2)),
        ("three_inputs.safetensors", init_model("gru", 3, 4, 1, seed=2)),
    ):
        path = os.path.join(folder, name)
        save_weights(model, path)
        paths.append(path)
    meta = json.dumps({"__metadata__": {"visualrnn.cell": "<h1>BIG</h1>" * 50}})
    put("html.safetensors", struct.pack("<Q", len(meta)) + meta.encode())
    return paths


class Chaos:
    """Seeded random actions on a shown MainWindow.

    Parameters
    ----------
    window : the MainWindow (shown).
    seed : the random seed; the same seed gives the same actions.
    files : weight files to load (see :func:`bad_weight_files`).
    settle_ms : how long the event loop runs after each action.
    long_lengths : whether lengths of 2,500 and 10,000 may be chosen.
    """

    def __init__(self, window, seed: int, files: list[str], settle_ms=30, long_lengths=True):
        self.window, self.rng, self.files = window, random.Random(seed), files
        self.settle_ms = settle_ms
        self.lengths = LENGTHS if long_lengths else [T for T in LENGTHS if T < 2_500]
        self.longest: dict[str, float] = {}  # action → longest slice, seconds
        self.counts: dict[str, int] = {}
        self.actions = [
            (6, self.preset),
            (6, self.cell),
            (3, self.hidden),
            (8, self.type_input),
            (3, self.type_targets),
            (4, self.paste),
            (5, self.length),
            (3, self.generator),
            (6, self.lab_slider),
            (3, self.lab_option),
            (14, self.step_keys),
            (5, self.play),
            (4, self.resize),
            (5, self.dock),
            (1, self.language),
            (4, self.presenter),
            (3, self.font),
            (4, self.load_file),
            (2, self.seed_button),
        ]

    # ---------------------------------------------------------------- running
    def act(self) -> tuple[str, float]:
        """One random action inside a real event loop; its name and longest slice (s)."""
        weights = [w for w, _ in self.actions]
        action = self.rng.choices([a for _, a in self.actions], weights)[0]
        name = action.__name__
        gap = run_with_heartbeat(action, self.settle_ms / 1000.0, self.session)
        self.longest[name] = max(self.longest.get(name, 0.0), gap)
        self.counts[name] = self.counts.get(name, 0) + 1
        return name, gap

    @property
    def session(self):
        return self.window.session

    def _choice(self, items):
        return items[self.rng.randrange(len(items))]

    # ---------------------------------------------------------------- the actions
    def preset(self):
        self.window.select_preset(self._choice(list(self.window.presets)))

    def cell(self):
        box = self.window.model_toolbar.cell_box
        index = self.rng.randrange(box.count())
        box.setCurrentIndex(index)
        box.activated.emit(index)

    def hidden(self):
        self.window.model_toolbar.hidden_spin.setValue(self._choice([1, 2, 3, 8, 16, 64]))

    def type_input(self):
        editor = self.window.sequence_editor
        editor.input_edit.setPlainText(self._choice(TYPED))
        if self.rng.random() < 0.5:
            QTest.keyClicks(editor.input_edit, self._choice([", 3", "x", " 1e9", ";"]))
        if self.rng.random() < 0.7:
            editor.flush()

    def type_targets(self):
        editor = self.window.sequence_editor
        editor.targets_edit.setText(self._choice(TARGETS))
        editor.flush()

    def paste(self):
        edit = self.window.sequence_editor.input_edit
        data = QMimeData()
        size = self._choice([10, 2_000, 100_000, 300_000])
        data.setText(self._choice(["1, ", "x", "0.5 "]) * (size // 3 + 1))
        edit.selectAll()
        edit.insertFromMimeData(data)
        self.window.sequence_editor.flush()

    def length(self):
        spin = self.window.sequence_editor.length_spin
        spin.setValue(self._choice(self.lengths))

    def generator(self):
        buttons = list(self.window.sequence_editor.generator_buttons.values())
        self._choice(buttons).click()

    def _lab(self):
        return self.window.panel_widget("lab")

    def lab_slider(self):
        lab = self._lab()
        field = self._choice([lab.rho, lab.forget_bias, lab.truncate, lab.clip])
        for _ in range(self.rng.randrange(1, 6)):  # a drag: several values in a row
            field.slider.setValue(
                self.rng.randrange(field.slider.minimum(), field.slider.maximum() + 1)
            )

    def lab_option(self):
        lab = self._lab()
        widget = self._choice([lab.loss_all, lab.loss_last, lab.truncate_on, lab.clip_on])
        widget.click()
        if self.rng.random() < 0.3 and lab.activation.count():
            lab.activation.setCurrentIndex(self.rng.randrange(lab.activation.count()))

    def step_keys(self):
        key = self._choice(
            [Qt.Key.Key_Right] * 4 + [Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End]
        )
        for _ in range(self.rng.randrange(1, 8)):
            QTest.keyClick(self.window.centralWidget(), key)

    def play(self):
        session = self.session
        session.set_speed(self._choice([2.0, 16.0, 64.0]))
        session.toggle_play()

    def resize(self):
        w, h = self._choice([(800, 600), (1024, 768), (1280, 720), (1600, 1000), (700, 800)])
        self.window.resize(w, h)

    def dock(self):
        docks = list(self.window.docks.values())
        dock = self._choice(docks)
        roll = self.rng.random()
        if roll < 0.4:
            dock.setFloating(not dock.isFloating())
            if dock.isFloating():
                x, y = self.rng.randrange(0, 600), self.rng.randrange(0, 400)
                dock.setGeometry(
                    QRect(x, y, self.rng.randrange(200, 900), self.rng.randrange(150, 700))
                )
        elif roll < 0.6:
            dock.setVisible(not dock.isVisible())
        elif roll < 0.8:
            dock.show()
            dock.raise_()
        else:
            other = self._choice(docks)
            if other is not dock and not dock.isFloating() and not other.isFloating():
                self.window.tabifyDockWidget(other, dock)

    def language(self):
        actions = list(self.window.view_menu.language_actions.values())
        self._choice(actions).trigger()

    def presenter(self):
        target = self.window
        key = self._choice(
            [Qt.Key.Key_F5, Qt.Key.Key_Escape, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_9]
        )
        QTest.keyClick(target, key)
        if self.rng.random() < 0.3:
            QTest.keyClick(target, Qt.Key.Key_Right)

    def font(self):
        scale = font_scale()
        scale.set_scale(self._choice([0.8, 1.0, 1.25, 1.6, 2.0]))

    def load_file(self):
        self.window.file_menu.load_weights(self._choice(self.files))

    def seed_button(self):
        toolbar = self.window.model_toolbar
        self._choice([toolbar.reroll_button, toolbar.reset_button]).click()


def run_with_heartbeat(action, settle: float, session=None) -> float:
    """Run ``action`` inside a real event loop, then the loop for ``settle`` seconds (and
    until ``session`` is no longer busy, at most 60 s); the longest gap between 5 ms
    heartbeats, in seconds."""
    gaps, last = [0.0], [time.perf_counter()]

    def beat():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    loop = QEventLoop()
    heart = QTimer(interval=HEARTBEAT_MS, timeout=beat)
    started = [0.0]

    def run():
        try:
            action()
        finally:
            started[0] = time.perf_counter()

    def check():
        if not started[0]:
            return
        busy = session is not None and session.busy
        now = time.perf_counter()
        if (now - started[0] >= settle and not busy) or now - started[0] > 60:
            loop.quit()

    checker = QTimer(interval=5, timeout=check)
    heart.start()
    checker.start()
    QTimer.singleShot(0, run)
    loop.exec()
    heart.stop()
    checker.stop()
    beat()
    return max(gaps)


def object_count(window) -> int:
    """Qt objects under the window (a leak grows this over repeated preset switches)."""
    return len(window.findChildren(QObject))


def settle(app: QApplication | None = None, seconds: float = 0.05) -> None:
    """Run the event loop a little (deferred deletions included)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app = app or QApplication.instance()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


__all__ = ["Chaos", "bad_weight_files", "collect_exceptions", "object_count", "settle"]
