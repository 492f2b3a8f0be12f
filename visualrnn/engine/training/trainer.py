"""The trainer: one optimizer update at a time, with the numbers a class watches.

Each :meth:`Trainer.step` draws a batch, runs forward + BPTT (truncated at k if asked),
clips the global gradient norm at C, lets the optimizer update θ, and returns an
:class:`UpdateReport`. Every ``eval_every`` updates the report also carries a
:class:`Profile`: the test metric, ‖∂L/∂h_t‖ over t averaged over the batch (and
‖∂L/∂c_t‖ for cells with a cell state), ρ(W_hh) and the mean memory-gate value.

The trainer returns plain NumPy values and knows nothing of threads, processes or Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..gradients import clip_by_global_norm
from ..model import Model
from ..numerics import safe_norm
from ..workspace import Workspace
from .data import DataSource
from .objective import evaluate, outputs
from .optimizers import OPTIMIZERS, make_optimizer
from .snapshots import SnapshotStore
from .stats import memory_gate, recurrent_radius


@dataclass(frozen=True)
class TrainConfig:
    """How to train (every field has PyTorch's meaning; see the module docstrings).

    Attributes
    ----------
    optimizer : {"sgd", "adam"}; lr : η; momentum : μ (sgd only).
    batch : B, sequences per update.
    clip : C, the global-norm clipping threshold, or None.
    truncate : k of truncated BPTT, or None.
    eval_every : a :class:`Profile` (and the test metric) every this many updates.
    snapshot_every : keep the weights every this many updates (None: never);
    max_snapshots : at most this many are kept (older ones are thinned, see
        :class:`SnapshotStore`).
    """

    optimizer: str = "adam"
    lr: float = 1e-3
    momentum: float = 0.0
    batch: int = 32
    clip: float | None = None
    truncate: int | None = None
    eval_every: int = 100
    snapshot_every: int | None = None
    max_snapshots: int = 64

    def __post_init__(self):
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {', '.join(OPTIMIZERS)}")
        for name in ("batch", "eval_every", "max_snapshots"):
            _whole(name, getattr(self, name))
        for name in ("truncate", "snapshot_every"):
            if getattr(self, name) is not None:
                _whole(name, getattr(self, name))
        if self.clip is not None and not (math.isfinite(self.clip) and self.clip > 0):
            raise ValueError(f"clip must be a positive number, not {self.clip}")
        make_optimizer(self.optimizer, self.lr, self.momentum)  # validates lr, momentum


def _whole(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be a whole number ≥ 1, not {value!r}")


@dataclass(frozen=True)
class Profile:
    """The periodic picture of the network during training.

    Attributes
    ----------
    step : the number of updates done.
    test_metric : the task metric on the test set, weights after update ``step``.
    solved : whether it meets the solved rule (None when the data has no rule).
    dh_norm : (T,), mean over the batch of ‖∂L/∂h_t‖₂, on update ``step``'s batch.
    dc_norm : (T,), the same for ∂L/∂c_t (cells with a cell state c), else None.
    spectral_radius : ρ(W_hh), the largest |eigenvalue| over the recurrent gate blocks.
    memory_gate : the gate that keeps the memory (LSTM f, GRU z), or None.
    memory_gate_mean : its mean value over units, steps and the batch, else None.
    """

    step: int
    test_metric: float
    solved: bool | None
    dh_norm: np.ndarray
    dc_norm: np.ndarray | None
    spectral_radius: float
    memory_gate: str | None
    memory_gate_mean: float | None


@dataclass(frozen=True)
class UpdateReport:
    """What one update did.

    Attributes
    ----------
    step : the number of this update (1, 2, …).
    loss : the batch loss L before the update.
    metric : the task metric on the batch (outputs before the update).
    grad_norm, grad_norm_clipped : ‖g‖ before and after clipping.
    param_norms : PyTorch name → ‖∂L/∂θ‖ before clipping.
    profile : a :class:`Profile` every ``eval_every`` updates, else None.
    diverged : None, or the message when this update stopped training.
    """

    step: int
    loss: float
    metric: float
    grad_norm: float
    grad_norm_clipped: float
    param_norms: dict = field(default_factory=dict)
    profile: Profile | None = None
    diverged: str | None = None


@dataclass(frozen=True)
class RunResult:
    """How :meth:`Trainer.run` ended: ``reason`` is solved, budget, diverged or stopped."""

    reason: str
    steps: int
    last: UpdateReport | None
    profile: Profile | None
    message: str


class Trainer:
    """Train a model on a :class:`~.data.DataSource`, one update per :meth:`step`.

    Parameters
    ----------
    model : Model, the starting weights (copied; the caller's model is not changed).
    source : DataSource, the batches, the test set and the metric.
    config : TrainConfig
    """

    def __init__(self, model: Model, source: DataSource, config: TrainConfig | None = None):
        self.config = config or TrainConfig()
        self.source = source
        self.cell, self.activation = model.cell, model.activation
        self.params = {k: np.array(v) for k, v in model.params.items()}
        self.optimizer = make_optimizer(self.config.optimizer, self.config.lr, self.config.momentum)
        self.steps_done = 0
        self.diverged: str | None = None
        self.last_profile: Profile | None = None
        self.snapshots = SnapshotStore(self.config.snapshot_every, self.config.max_snapshots)
        self.snapshots.offer(0, self.params)
        self._model: Model | None = model
        self._workspace = Workspace()  # the BPTT arrays, reused from update to update

    @property
    def model(self) -> Model:
        """The current weights as a (read-only) :class:`Model`."""
        if self._model is None:
            self._model = Model(self.cell, self.params, self.activation)
        return self._model

    def step(self) -> UpdateReport:
        """One update: batch, forward, BPTT, clip, optimizer. Raises after divergence."""
        if self.diverged:
            raise RuntimeError(self.diverged)
        k, cfg = self.steps_done + 1, self.config
        batch = self.source.next_batch(self.steps_done, cfg.batch)
        ev = evaluate(
            self.model, batch, self.source.loss_kind, cfg.truncate, workspace=self._workspace
        )
        param_norms = {n: safe_norm(g) for n, g in ev.grads.items()}
        norms = param_norms.values()  # the evaluation's own arrays: clipped where they are
        grads, before, after = clip_by_global_norm(ev.grads, cfg.clip, norms=norms, in_place=True)
        metric = self.source.metric(ev.y, batch)
        if not (math.isfinite(ev.loss) and math.isfinite(before)):
            what = "loss" if not math.isfinite(ev.loss) else "gradient norm"
            return self._diverge(k, what, ev.loss, metric, before, param_norms)
        backup = {n: v.copy() for n, v in self.params.items()}
        self.optimizer.step(self.params, grads)
        if not all(np.all(np.isfinite(v)) for v in self.params.values()):
            self.params = backup
            return self._diverge(k, "updated weights", ev.loss, metric, before, param_norms)
        self.steps_done, self._model = k, None
        self.snapshots.offer(k, self.params)
        loss, batch_profile = (
            ev.loss,
            _batch_profile(self.cell, ev) if k % cfg.eval_every == 0 else None,
        )
        del ev, grads  # free the batch's BPTT arrays before the test forward pass
        profile = None if batch_profile is None else self._profile(batch_profile)
        return UpdateReport(k, loss, metric, before, after, param_norms, profile)

    def _diverge(self, k, what, loss, metric, norm, param_norms) -> UpdateReport:
        self.diverged = (
            f"training diverged at update {k}: the {what} is not finite; kept the weights "
            f"after update {k - 1}. Try a smaller learning rate or gradient clipping."
        )
        return UpdateReport(k, loss, metric, norm, norm, param_norms, None, self.diverged)

    def _profile(self, batch_profile: dict) -> Profile:
        test = self.source.test
        test_metric = self.source.metric(outputs(self.model, test.x), test)
        self.last_profile = Profile(
            step=self.steps_done,
            test_metric=test_metric,
            solved=self.source.solved(test_metric),
            spectral_radius=recurrent_radius(self.model),
            **batch_profile,
        )
        return self.last_profile

    def run(self, steps: int, *, until_solved: bool = False, on_update=None, should_stop=None):
        """Update until ``steps`` updates are done (or solved / diverged / stopped).

        Parameters
        ----------
        steps : the budget: the total number of updates.
        until_solved : stop as soon as a profile finds the test set solved.
        on_update : called with each :class:`UpdateReport`.
        should_stop : called before each update; True stops the run ("stopped").
        """
        last = None
        while self.steps_done < steps:
            if should_stop is not None and should_stop():
                return self._result("stopped", last, "stopped by request")
            last = self.step()
            if on_update is not None:
                on_update(last)
            if last.diverged:
                return self._result("diverged", last, last.diverged)
            if until_solved and last.profile is not None and last.profile.solved:
                return self._result("solved", last, f"solved after {last.step} updates")
        return self._result("budget", last, f"the budget of {steps} updates ran out")

    def _result(self, reason, last, message) -> RunResult:
        return RunResult(reason, self.steps_done, last, self.last_profile, message)


def _batch_profile(cell: str, ev) -> dict:
    """The parts of a :class:`Profile` read from one update's forward and backward pass."""
    dc = ev.states.get("dc")
    gate, gate_mean = memory_gate(cell, ev.cache)
    return {
        "dh_norm": np.mean(safe_norm(ev.states["dh"], axis=2), axis=1),
        "dc_norm": None if dc is None else np.mean(safe_norm(dc, axis=2), axis=1),
        "memory_gate": gate,
        "memory_gate_mean": gate_mean,
    }
