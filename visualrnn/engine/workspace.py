"""Arrays kept from one training update to the next.

A training update of a small model allocates a few MB of (T, B, ·) arrays and frees them
again; each fresh allocation of that size comes from the operating system as new pages,
which it zero-fills on first touch — for B = 64, T = 50, H = 32 that cost as much as the
LSTM's arithmetic. A :class:`Workspace` hands out the same arrays update after update
instead. Whatever a pass returned with a workspace is overwritten by the next pass that
uses it: only a caller that keeps nothing of the previous pass (the trainer) passes one.
"""

from __future__ import annotations

import numpy as np


class Fresh:
    """No workspace: every array is new (the default; what traces use)."""

    def empty(self, key: str, shape: tuple) -> np.ndarray:
        return np.empty(shape)

    def zeros(self, key: str, shape: tuple) -> np.ndarray:
        return np.zeros(shape)


FRESH = Fresh()


class Workspace(Fresh):
    """Named float64 arrays, reused while their shape stays the same.

    Parameters
    ----------
    max_bytes : arrays beyond this total are not kept (allocated fresh each time), so a
        long sequence does not pin its memory between updates.
    """

    def __init__(self, max_bytes: int = 256 << 20):
        self.max_bytes = int(max_bytes)
        self._arrays: dict[str, np.ndarray] = {}

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in self._arrays.values())

    def empty(self, key: str, shape: tuple) -> np.ndarray:
        shape = tuple(int(n) for n in shape)
        a = self._arrays.get(key)
        if a is not None and a.shape == shape:
            return a
        self._arrays.pop(key, None)
        a = np.empty(shape)
        if self.nbytes + a.nbytes <= self.max_bytes:
            self._arrays[key] = a
        return a

    def zeros(self, key: str, shape: tuple) -> np.ndarray:
        a = self.empty(key, shape)
        a.fill(0.0)
        return a

    def clear(self) -> None:
        """Drop every kept array."""
        self._arrays.clear()
