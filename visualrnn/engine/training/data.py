"""Where the trainer's batches come from: a seeded task, or a task file on disk.

A *task file* (``python -m visualrnn task``) is an uncompressed ``.npz``, read without
pickle. N sequences of T steps, I inputs:

================  ==============================  ==========================================
key               shape                           meaning
================  ==============================  ==========================================
``x``             (N, T, I) float64               inputs
``targets``       (N, T, O) float64 / (N, T) int  mse targets / ce classes
``mask``          (N, T) bool                     the steps that carry a loss
``score``         (N, T) bool                     the steps the task metric reads
``loss_kind``     () text                         ``mse`` or ``ce``
``task``          () text                         the task's name
``length``        () int                          the task's length parameter
``output_size``   () int                          O
``threshold``     () float                        the solved rule's threshold
``symbols``       (I,) text                       meaning of each one-hot input (if any)
``classes``       (O,) text                       meaning of each class (ce, if any)
``glosses``       (K, 2) text                     (token, English gloss) pairs (if any)
``vocabulary``    () text                         ``text`` only: the characters, in order
================  ==============================  ==========================================
"""

from __future__ import annotations

import io
import math

import numpy as np

from ..weights import write_atomic
from .tasks import Batch, Task, batch_metric

#: Rows of a task file used as its test set (the first ones).
MAX_FILE_TEST_ROWS = 4096


class DataSource:
    """Batches, a fixed test set, the task metric and the solved rule (abstract).

    Attributes
    ----------
    loss_kind : {"mse", "ce"}
    input_size, output_size : int
    test : Batch
    """

    loss_kind = "mse"
    input_size = 1
    output_size = 1
    test: Batch

    def next_batch(self, k: int, B: int) -> Batch:
        """The batch of update k + 1 (k updates done), B sequences."""
        raise NotImplementedError

    def metric(self, y: np.ndarray, batch: Batch) -> float:
        return batch_metric(self.loss_kind, y, batch)

    def solved(self, metric: float) -> bool | None:
        """Whether the metric meets the solved rule (None: no rule)."""
        return None


class TaskSource(DataSource):
    """Fresh batches from a seeded task; a fixed test set of ``test_size`` drawn from the seed.

    Training batches use ``default_rng([seed, 1])``, the test set ``default_rng([seed, 2])``:
    the same seed gives the same batches and test set.
    """

    def __init__(self, task: Task, seed: int = 0, test_size: int = 512):
        self.task = task
        self.loss_kind = task.loss_kind
        self.input_size, self.output_size = task.input_size, task.output_size
        self._rng = np.random.default_rng([seed, 1])
        self.test = task.sample(np.random.default_rng([seed, 2]), test_size)

    def next_batch(self, k, B):
        return self.task.sample(self._rng, B)

    def metric(self, y, batch):
        return self.task.metric(y, batch)

    def solved(self, metric):
        return self.task.solved(metric)


class FileSource(DataSource):
    """Batches read from a task file in order: batch k holds rows (k·B … k·B + B − 1) mod N.

    No shuffling. The test set is the file's first rows (at most :data:`MAX_FILE_TEST_ROWS`);
    the solved rule is the file's ``threshold`` when it has one.
    """

    def __init__(self, data: Batch, loss_kind: str, output_size: int, threshold=None):
        self.data, self.loss_kind, self.threshold = data, loss_kind, threshold
        self.input_size, self.output_size = data.x.shape[2], int(output_size)
        self.test = data.rows(slice(0, MAX_FILE_TEST_ROWS))

    def next_batch(self, k, B):
        return self.data.rows((k * B + np.arange(B)) % len(self.data))

    def solved(self, metric):
        if self.threshold is None or not math.isfinite(self.threshold):
            return None
        if not math.isfinite(metric):
            return False
        return metric <= self.threshold if self.loss_kind == "mse" else metric >= self.threshold


# --- task files ---------------------------------------------------------------------------


def task_arrays(task: Task, n: int, seed: int = 0) -> dict[str, np.ndarray]:
    """The arrays of a task file holding n sequences drawn with ``default_rng(seed)``."""
    batch = task.sample(np.random.default_rng(seed), n)
    out = {
        "x": batch.x,
        "targets": batch.targets,
        "mask": batch.mask,
        "score": batch.score,
        "loss_kind": np.array(task.loss_kind),
        "task": np.array(task.name),
        "length": np.array(task.length),
        "output_size": np.array(task.output_size),
        "threshold": np.array(float(task.threshold)),
    }
    if task.symbols is not None:
        out["symbols"] = np.array(task.symbols)
    if task.classes is not None:
        out["classes"] = np.array(task.classes)
    if task.glosses:
        out["glosses"] = np.array(sorted(task.glosses.items()))
    if hasattr(task, "vocabulary"):
        out["vocabulary"] = np.array(task.vocabulary)
    return out


def write_task_file(path, task: Task, n: int, seed: int = 0) -> dict[str, np.ndarray]:
    """Write :func:`task_arrays` to ``path`` atomically; returns the arrays."""
    arrays = task_arrays(task, n, seed)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    write_atomic(path, buf.getvalue())
    return arrays


class TaskFileError(ValueError):
    """A task file that cannot be read or is inconsistent."""


def read_task_file(path) -> tuple[Batch, dict]:
    """Read a task file: the sequences as a :class:`Batch`, and its other keys.

    Raises
    ------
    TaskFileError
        One line naming the file and what is wrong with it.
    """
    try:
        with np.load(path, allow_pickle=False) as z:
            found = {k: z[k] for k in z.files}
    except (OSError, ValueError, EOFError) as e:
        raise TaskFileError(f"cannot read task file {path}: {_first_line(e)}") from e
    try:
        return _check_task_arrays(found)
    except (ValueError, KeyError) as e:
        raise TaskFileError(f"task file {path}: {_first_line(e)}") from e


def _first_line(e: BaseException) -> str:
    text = str(getattr(e, "strerror", None) or e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def _check_task_arrays(f: dict) -> tuple[Batch, dict]:
    missing = [k for k in ("x", "targets", "mask") if k not in f]
    if missing:
        raise ValueError(f"missing {', '.join(missing)} (found {', '.join(sorted(f)) or 'none'})")
    x, targets, mask = f["x"], f["targets"], f["mask"]
    if x.ndim != 3 or x.shape[0] < 1 or x.shape[1] < 1 or x.dtype.kind != "f":
        raise ValueError(f"x must be a float array (N, T, I), got {x.dtype} {x.shape}")
    N, T = x.shape[:2]
    if mask.shape != (N, T) or mask.dtype != bool:
        raise ValueError(f"mask must be booleans of shape {(N, T)}, got {mask.dtype} {mask.shape}")
    kind = str(f.get("loss_kind", "ce" if targets.ndim == 2 else "mse"))
    if kind not in ("mse", "ce"):
        raise ValueError(f"loss_kind must be mse or ce, not {kind!r}")
    targets = _check_targets(kind, targets, N, T, f)
    score = f.get("score", mask)
    if score.shape != (N, T) or score.dtype != bool:
        raise ValueError(f"score must be booleans of shape {(N, T)}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x contains NaN or inf")
    meta = {k: v for k, v in f.items() if k not in ("x", "targets", "mask", "score")}
    meta["loss_kind"] = kind
    return Batch(x.astype(np.float64), targets, mask, score), meta


def _check_targets(kind, targets, N, T, f) -> np.ndarray:
    if kind == "mse":
        if targets.ndim != 3 or targets.shape[:2] != (N, T) or targets.dtype.kind != "f":
            raise ValueError(f"mse targets must be floats (N, T, O) = ({N}, {T}, O)")
        if not np.all(np.isfinite(targets)):
            raise ValueError("targets contain NaN or inf")
        return targets.astype(np.float64)
    if targets.shape != (N, T) or targets.dtype.kind not in "iu":
        raise ValueError(f"ce targets must be whole class numbers of shape {(N, T)}")
    O = int(f["output_size"]) if "output_size" in f else int(targets.max()) + 1
    if targets.min() < 0 or targets.max() >= O:
        raise ValueError(f"ce targets must lie in 0 … {O - 1}")
    f["output_size"] = np.array(O)
    return targets.astype(np.int64)
