"""Seeded training tasks: batched inputs x, targets, and the steps that carry a loss.

Every task draws a :class:`Batch` of B sequences from a NumPy generator:

=============  ===================  ===============================================
array          shape                meaning
=============  ===================  ===============================================
``x``          (B, T, I) float64    the inputs x_t
``targets``    (B, T, O) float64    ``mse`` tasks: the wanted y_t
               (B, T) int64         ``ce`` tasks: the wanted class at each step
``mask``       (B, T) bool          the steps that carry a loss ℓ_t
``score``      (B, T) bool          the steps the task metric reads (⊆ mask)
=============  ===================  ===============================================

The task metric follows the loss: ``mse`` tasks report MSE = mean (y − target)² over the
scored entries (lower is better); ``ce`` tasks report the accuracy of argmax y_t over the
scored steps (higher is better). A task is *solved* when its test metric reaches
``threshold``. The long-lag tasks are the published ones: ``adding`` (Le et al. 2015,
Arjovsky et al. 2016), ``temporal_order`` (Hochreiter & Schmidhuber 1997, exp. 6a) and
``copy`` (Arjovsky et al. 2016); ``sky_color`` and ``text`` live in :mod:`.language`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Batch:
    """B sequences of one task (see the module docstring for the shapes)."""

    x: np.ndarray
    targets: np.ndarray
    mask: np.ndarray
    score: np.ndarray

    def __len__(self) -> int:
        return self.x.shape[0]

    def rows(self, index) -> Batch:
        """The sequences ``index`` (an int array or a slice) as a new batch."""
        return Batch(self.x[index], self.targets[index], self.mask[index], self.score[index])


def one_hot(tokens: np.ndarray, size: int) -> np.ndarray:
    """(B, T) integer tokens → (B, T, size) float64 one-hot rows."""
    return np.eye(size)[tokens]


def batch_metric(loss_kind: str, y: np.ndarray, batch: Batch) -> float:
    """The task metric of outputs ``y`` (B, T, O) on ``batch``.

    ``mse``: mean over scored steps and output components of (y − target)²;
    ``ce``: the fraction of scored steps where argmax y_t is the target class.
    """
    score = batch.score
    if not score.any():
        return float("nan")
    if loss_kind == "mse":
        with np.errstate(all="ignore"):
            err = (y - batch.targets) ** 2
        return float(np.mean(err[score]))
    return float(np.mean(np.argmax(y, axis=-1)[score] == batch.targets[score]))


class Task:
    """A seeded generator of training sequences (abstract base).

    Attributes
    ----------
    name : str, the name the commands use.
    length : int, the task's length parameter (see ``length_meaning``).
    loss_kind : {"mse", "ce"}
    input_size, output_size : int, I and O.
    chance : float, the metric of the best answer that ignores the inputs.
    threshold : float, solved when the test metric is ≤ (mse) or ≥ (ce) this.
    symbols : tuple of str or None, the meaning of each one-hot input column.
    classes : tuple of str or None, the meaning of each output class (ce).
    glosses : dict str → str, English glosses of symbols and classes (may be empty).
    description_en, description_zh : str, one line in the textbook's terms.
    """

    name = ""
    loss_kind = "mse"
    default_length = 10
    min_length = 1
    length_meaning = "the number of steps T"
    description_en = ""
    description_zh = ""
    symbols: tuple[str, ...] | None = None
    classes: tuple[str, ...] | None = None
    glosses: dict[str, str] = {}
    input_size = 1
    output_size = 1
    chance = float("nan")
    threshold = float("nan")

    def __init__(self, length: int | None = None):
        length = self.default_length if length is None else length
        if isinstance(length, bool) or not isinstance(length, int | np.integer):
            raise ValueError(f"{self.name}: the length must be a whole number, not {length!r}")
        if length < self.min_length:
            raise ValueError(
                f"{self.name}: the length must be at least {self.min_length}, not {length}"
            )
        self.length = int(length)

    @property
    def steps(self) -> int:
        """T, the number of steps of one sequence."""
        return self.length

    @property
    def metric_name(self) -> str:
        return "MSE" if self.loss_kind == "mse" else "accuracy"

    @property
    def higher_is_better(self) -> bool:
        return self.loss_kind == "ce"

    def sample(self, rng: np.random.Generator, n: int) -> Batch:
        """n fresh sequences drawn with ``rng``."""
        raise NotImplementedError

    def metric(self, y: np.ndarray, batch: Batch) -> float:
        """The task metric of outputs ``y`` (B, T, O) on ``batch``."""
        return batch_metric(self.loss_kind, y, batch)

    def solved(self, metric: float) -> bool:
        """Whether a test metric meets the task's solved rule."""
        if not math.isfinite(metric):
            return False
        return metric >= self.threshold if self.higher_is_better else metric <= self.threshold

    def describe(self) -> str:
        """One plain-English line: name, length, sizes, loss and solved rule."""
        rule = "≥" if self.higher_is_better else "≤"
        return (
            f"{self.name} (length {self.length}: {self.length_meaning}; T = {self.steps}, "
            f"I = {self.input_size}, O = {self.output_size}, {self.loss_kind}); "
            f"solved when test {self.metric_name} {rule} {self.threshold:g}, "
            f"chance {self.chance:.4g}"
        )

    def _last_step_batch(self, x, last_target) -> Batch:
        """A batch whose only loss is at the last step (targets 0 elsewhere)."""
        n, T = x.shape[:2]
        mask = np.zeros((n, T), dtype=bool)
        mask[:, -1] = True
        if self.loss_kind == "ce":
            targets = np.zeros((n, T), dtype=np.int64)
            targets[:, -1] = last_target
        else:
            targets = np.zeros((n, T, self.output_size))
            targets[:, -1, :] = np.reshape(last_target, (n, -1))
        return Batch(x, targets, mask, mask.copy())


class AddingTask(Task):
    """The adding problem (Le et al. 2015; Arjovsky et al. 2016).

    x_t = (v_t, m_t): v_t ~ U[0, 1]; m_t a marker, exactly two 1s, one at a step drawn
    uniformly from [0, ⌊T/2⌋) and one from [⌊T/2⌋, T). The target at the last step is the
    sum of the two marked values; mse at the last step only. Answering 1 always gives
    MSE = Var(v_a + v_b) = 1/6 ≈ 0.167.
    """

    name = "adding"
    default_length = 50
    min_length = 2
    input_size = 2
    output_size = 1
    chance = 1.0 / 6.0
    threshold = 0.01
    description_en = (
        "Adding problem: the recurrent network reads T numbers, two of them marked, and "
        "must output the sum of the two marked numbers at the last step."
    )
    description_zh = (
        "加法问题：循环神经网络依次读入 T 个数，其中两个带有标记，"
        "在最后一个时刻输出这两个被标记的数之和。"
    )

    def sample(self, rng, n):
        T = self.length
        x = np.zeros((n, T, 2))
        x[:, :, 0] = rng.uniform(0.0, 1.0, (n, T))
        rows = np.arange(n)
        first = rng.integers(0, T // 2, n)
        second = rng.integers(T // 2, T, n)
        x[rows, first, 1] = 1.0
        x[rows, second, 1] = 1.0
        total = x[rows, first, 0] + x[rows, second, 0]
        return self._last_step_batch(x, total)


class TemporalOrderTask(Task):
    """Temporal order (Hochreiter & Schmidhuber 1997, experiment 6a), length T ≥ 10.

    One-hot over the symbols a, b, c, d, X, Y, B, E (I = 8): E at t = 0, B at t = T−1,
    X or Y at one step in [⌊0.1T⌋, ⌊0.2T⌋] and at one in [⌊0.5T⌋, ⌊0.6T⌋], one of a–d
    everywhere else. The class at the last step is the order: XX, XY, YX, YY (ce).
    """

    name = "temporal_order"
    loss_kind = "ce"
    default_length = 20
    min_length = 10
    symbols = ("a", "b", "c", "d", "X", "Y", "B", "E")
    classes = ("XX", "XY", "YX", "YY")
    input_size = 8
    output_size = 4
    chance = 0.25
    threshold = 0.99
    description_en = (
        "Temporal order: two symbols, X or Y, appear early in a long sequence of distractors; "
        "at the end the network must say in which order they came (XX, XY, YX or YY)."
    )
    description_zh = (
        "时间顺序：在一长串干扰符号中较早出现两个符号 X 或 Y，"
        "循环神经网络须在序列末尾说出它们出现的顺序（XX、XY、YX 或 YY）。"
    )

    def sample(self, rng, n):
        T = self.length
        tokens = rng.integers(0, 4, (n, T))
        tokens[:, 0] = 7
        tokens[:, -1] = 6
        rows = np.arange(n)
        t1 = rng.integers(T // 10, T // 5 + 1, n)
        t2 = rng.integers(T // 2, (6 * T) // 10 + 1, n)
        v1, v2 = rng.integers(0, 2, n), rng.integers(0, 2, n)
        tokens[rows, t1] = 4 + v1
        tokens[rows, t2] = 4 + v2
        return self._last_step_batch(one_hot(tokens, 8), 2 * v1 + v2)


class CopyTask(Task):
    """The copy memory task (Arjovsky et al. 2016) with lag T; sequences of T + 20 steps.

    One-hot over 10 classes: symbols 0–7, blank 8, delimiter 9. Input: 10 random symbols,
    T − 1 blanks, the delimiter, 10 blanks. Target: T + 10 blanks, then the 10 symbols.
    ce at every step; the metric is the accuracy over the last 10 steps. The memoryless
    strategy (blanks, then uniform guesses) has cross-entropy 10·ln 8 / (T + 20) per step.
    """

    name = "copy"
    loss_kind = "ce"
    default_length = 10
    min_length = 1
    length_meaning = "the lag between a symbol and its copy"
    symbols = ("0", "1", "2", "3", "4", "5", "6", "7", "blank", "delimiter")
    classes = symbols[:9]
    input_size = 10
    output_size = 9
    chance = 1.0 / 8.0
    threshold = 0.99
    description_en = (
        "Copy memory: the network reads 10 symbols, waits T steps, and after the delimiter "
        "must repeat the 10 symbols in order."
    )
    description_zh = (
        "复制记忆：循环神经网络读入 10 个符号，等待 T 个时刻，看到分隔符后按顺序复述这 10 个符号。"
    )

    @property
    def steps(self) -> int:
        return self.length + 20

    @property
    def baseline_loss(self) -> float:
        """Cross-entropy per step of the memoryless strategy, 10·ln 8 / (T + 20)."""
        return 10.0 * math.log(8.0) / self.steps

    def sample(self, rng, n):
        T = self.length
        symbols = rng.integers(0, 8, (n, 10))
        tokens = np.full((n, T + 20), 8)
        tokens[:, :10] = symbols
        tokens[:, T + 9] = 9
        targets = np.full((n, T + 20), 8, dtype=np.int64)
        targets[:, T + 10 :] = symbols
        mask = np.ones((n, T + 20), dtype=bool)
        score = np.zeros_like(mask)
        score[:, -10:] = True
        return Batch(one_hot(tokens, 10), targets, mask, score)


class NextStepTask(Task):
    """Predict x_{t+1} from x_0 … x_t: mse at every step, windows of T steps.

    Without a series the windows are sine waves of period ``period`` with a random phase
    (x_t = sin(2π(t + φ)/P), φ ~ U[0, P)); with a series (N, I), windows start at random
    offsets in it. Chance is the series variance (always answering the mean); solved when
    the test MSE is at most 1 % of it.
    """

    name = "next_step"
    default_length = 50
    min_length = 1
    description_en = (
        "Next step: at every step the network predicts the next value x_{t+1} of the "
        "sequence from the values it has read so far."
    )
    description_zh = (
        "下一步预测：在每个时刻，循环神经网络根据已读入的值预测序列的下一个值 x_{t+1}。"
    )

    def __init__(self, length=None, series=None, period: float = 20.0):
        super().__init__(length)
        self.period = float(period)
        if not (math.isfinite(self.period) and self.period > 0):
            raise ValueError(f"next_step: the period must be positive, not {period!r}")
        self.series = None
        if series is not None:
            s = np.asarray(series, dtype=np.float64)
            s = s[:, None] if s.ndim == 1 else s
            if s.ndim != 2 or s.shape[0] < 2 or not np.all(np.isfinite(s)):
                raise ValueError("next_step: the series needs at least 2 finite steps")
            if self.length > s.shape[0] - 1:
                raise ValueError(
                    f"next_step: the series has {s.shape[0]} steps, so the length can be at "
                    f"most {s.shape[0] - 1}, not {self.length}"
                )
            self.series = s
        self.input_size = self.output_size = 1 if self.series is None else self.series.shape[1]
        var = 0.5 if self.series is None else float(np.mean(np.var(self.series, axis=0)))
        self.chance = var
        self.threshold = 0.01 * var

    def sample(self, rng, n):
        T = self.length
        if self.series is None:
            phase = rng.uniform(0.0, self.period, (n, 1))
            s = np.sin(2.0 * np.pi * (np.arange(T + 1) + phase) / self.period)[..., None]
        else:
            start = rng.integers(0, self.series.shape[0] - T, n)
            s = self.series[start[:, None] + np.arange(T + 1)]
        mask = np.ones((n, T), dtype=bool)
        return Batch(np.ascontiguousarray(s[:, :-1]), s[:, 1:].copy(), mask, mask.copy())
