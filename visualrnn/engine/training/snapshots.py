"""Weight snapshots kept during training, bounded in memory (for scrubbing through learning).

Snapshots are taken every ``every`` updates (update 0, the initial weights, always). When
more than ``limit`` are held, every other one is dropped and the interval doubles, so a run of
any length keeps at most ``limit`` evenly spaced snapshots: memory ≤ limit × the model size.
"""

from __future__ import annotations

import numpy as np


class SnapshotStore:
    """Copies of the parameters at chosen updates.

    Parameters
    ----------
    every : int or None, the interval in updates (None keeps only update 0).
    limit : int ≥ 2, the most snapshots held at once.
    """

    def __init__(self, every: int | None, limit: int = 64):
        if limit < 2:
            raise ValueError(f"at least 2 snapshots must be allowed, not {limit}")
        self.every, self.limit = every, int(limit)
        self._kept: dict[int, dict[str, np.ndarray]] = {}

    def offer(self, step: int, params: dict[str, np.ndarray]) -> bool:
        """Keep a copy of ``params`` if ``step`` is due; returns whether it was kept."""
        due = step == 0 or (self.every is not None and step % self.every == 0)
        if not due:
            return False
        self._kept[step] = {k: np.array(v) for k, v in params.items()}
        while len(self._kept) > self.limit:
            self.every *= 2
            self._kept = {s: p for s, p in self._kept.items() if s % self.every == 0}
        return step in self._kept

    @property
    def steps(self) -> list[int]:
        """The updates with a snapshot, in order."""
        return sorted(self._kept)

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, step: int) -> dict[str, np.ndarray]:
        """The parameters after update ``step`` (KeyError if not kept)."""
        return {k: v.copy() for k, v in self._kept[step].items()}

    @property
    def nbytes(self) -> int:
        return sum(v.nbytes for p in self._kept.values() for v in p.values())
