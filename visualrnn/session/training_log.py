"""The curves of one training run, as they arrive from the worker (no Qt).

One row per update (loss, metric, ‖g‖ before and after clipping) and one profile every
``eval_every`` updates (the test metric, ρ(W_hh), the memory gate's mean, ‖∂L/∂h_t‖ and
‖∂L/∂c_t‖ over t). Arrays grow by doubling, so appending is cheap and the views read
slices without copying. :meth:`TrainingLog.history` is the lesson file's ``history`` block;
:meth:`TrainingLog.from_history` reads it back.
"""

from __future__ import annotations

import numpy as np

#: The columns of a row, in the worker's order.
ROW_COLUMNS = ("step", "loss", "metric", "grad_norm", "grad_norm_clipped")
#: The scalar columns of a profile.
PROFILE_COLUMNS = ("profile_step", "test_metric", "spectral_radius", "memory_gate_mean")


class TrainingLog:
    """Rows and profiles of one run."""

    def __init__(self):
        self._rows = np.empty((0, len(ROW_COLUMNS)))
        self.n = 0
        self._profiles = np.empty((0, len(PROFILE_COLUMNS)))
        self.n_profiles = 0
        self.dh: list[np.ndarray] = []
        self.dc: list[np.ndarray] = []

    # ---------------------------------------------------------------- adding
    def add_rows(self, rows: np.ndarray) -> None:
        rows = np.asarray(rows, dtype=np.float64).reshape(-1, len(ROW_COLUMNS))
        self._rows = _fit(self._rows, self.n + len(rows))
        self._rows[self.n : self.n + len(rows)] = rows
        self.n += len(rows)

    def add_profile(self, p: dict) -> None:
        gate = p.get("memory_gate_mean")
        values = (
            p["step"],
            p["test_metric"],
            p["spectral_radius"],
            np.nan if gate is None else gate,
        )
        self._profiles = _fit(self._profiles, self.n_profiles + 1)
        self._profiles[self.n_profiles] = values
        self.n_profiles += 1
        self.dh.append(np.asarray(p["dh_norm"], dtype=np.float64))
        if p.get("dc_norm") is not None:
            self.dc.append(np.asarray(p["dc_norm"], dtype=np.float64))

    # ---------------------------------------------------------------- reading
    def column(self, name: str) -> np.ndarray:
        """A row column (``loss`` …) or a profile column (``test_metric`` …), as a view."""
        if name in ROW_COLUMNS:
            return self._rows[: self.n, ROW_COLUMNS.index(name)]
        return self._profiles[: self.n_profiles, PROFILE_COLUMNS.index(name)]

    @property
    def last_step(self) -> int:
        return int(self._rows[self.n - 1, 0]) if self.n else 0

    def dh_image(self) -> np.ndarray | None:
        """(profiles, T): ‖∂L/∂h_t‖ per profile, or None."""
        return np.vstack(self.dh) if self.dh else None

    def dc_image(self) -> np.ndarray | None:
        return np.vstack(self.dc) if self.dc else None

    def table(self) -> dict:
        """The log as columns for a CSV: one row per update, the profile columns filled
        in on the updates that have one."""
        data = {name: self.column(name) for name in ROW_COLUMNS}
        steps = self.column("step").astype(int)
        where = {int(s): k for k, s in enumerate(self.column("profile_step"))}
        for name in PROFILE_COLUMNS[1:]:
            values = self.column(name)
            data[name] = [values[where[s]] if s in where else None for s in steps]
        return data

    def history(self) -> dict:
        """The lesson file's ``history`` block: each column a flat list of numbers; the
        gradient profiles flattened row by row (``dh_norm``, ``dc_norm``)."""
        out = {name: self.column(name).copy() for name in ROW_COLUMNS + PROFILE_COLUMNS}
        for key, rows in (("dh_norm", self.dh), ("dc_norm", self.dc)):
            if rows:
                out[key] = np.concatenate(rows)
        return out

    @classmethod
    def from_history(cls, history) -> TrainingLog:
        """A log from a lesson's ``history`` block (missing or broken columns: empty)."""
        log = cls()
        if not history:
            return log
        try:
            rows = np.column_stack([np.asarray(history[c], float) for c in ROW_COLUMNS])
            log.add_rows(rows)
            n = len(history["profile_step"])
            for c in PROFILE_COLUMNS:
                if len(history[c]) != n:
                    return log
            dh = np.asarray(history.get("dh_norm", []), float)
            dc = np.asarray(history.get("dc_norm", []), float)
            T = len(dh) // n if n else 0
            for k in range(n):
                log.add_profile(
                    {
                        "step": history["profile_step"][k],
                        "test_metric": history["test_metric"][k],
                        "spectral_radius": history["spectral_radius"][k],
                        "memory_gate_mean": history["memory_gate_mean"][k],
                        "dh_norm": dh[k * T : (k + 1) * T] if T else np.zeros(0),
                        "dc_norm": dc[k * T : (k + 1) * T] if len(dc) == n * T and T else None,
                    }
                )
        except (KeyError, ValueError, TypeError):
            return cls()
        return log


def _fit(a: np.ndarray, n: int) -> np.ndarray:
    """``a`` with room for at least n rows (doubling)."""
    if n <= len(a):
        return a
    bigger = np.full((max(n, 2 * len(a), 64), a.shape[1]), np.nan)
    bigger[: len(a)] = a
    return bigger
