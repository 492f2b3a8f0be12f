"""Writes are atomic: an interrupted save leaves the old file and no temporary file."""

from __future__ import annotations

import os
import time

import pytest

from visualrnn.engine import weights
from visualrnn.engine.weights import write_atomic


def _hidden(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit, OSError, MemoryError])
def test_an_interrupted_write_keeps_the_old_file_and_leaves_nothing(tmp_path, monkeypatch, stop):
    path = tmp_path / "lesson.npz"
    path.write_bytes(b"old")

    def interrupted(_fd):
        raise stop()

    monkeypatch.setattr(weights.os, "fsync", interrupted)
    with pytest.raises(stop):
        write_atomic(path, b"new" * 1000)
    assert path.read_bytes() == b"old"
    assert _hidden(tmp_path) == []


def test_leftovers_of_a_killed_write_go_with_the_next_write(tmp_path):
    path = tmp_path / "lesson.npz"
    old = tmp_path / ".lesson.npz.0123456789ab.tmp"  # a write killed an hour ago
    young = tmp_path / ".lesson.npz.ba9876543210.tmp"  # a write still running elsewhere
    other = tmp_path / ".notes.txt.0123456789ab.tmp"  # another file's
    for p in (old, young, other):
        p.write_bytes(b"x")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert _hidden(tmp_path) == sorted([young.name, other.name])
