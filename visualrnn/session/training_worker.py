"""The training lab's worker process: the engine's Trainer, driven by commands (no Qt).

Started by :class:`~.training_session.TrainingSession` through multiprocessing's "spawn"
context, so it shares nothing with the window but what is sent: commands arrive on a pipe,
results leave through a queue as plain dicts of NumPy arrays and numbers, at most
:data:`MESSAGES_PER_SECOND` of them (the updates since the last message are batched).

Commands, ``(name, argument)``: ``run`` (train until paused, solved or out of budget),
``pause``, ``step`` n (n updates, then pause), ``stop`` (leave). A message holds any of
``rows`` (n, 5) = update, loss, metric, ‖g‖, ‖g‖ clipped; ``profiles`` (dicts);
``snapshots`` [(update, params)]; ``weights`` (update, params); ``sample`` (text);
``state`` (``ready``, ``paused``, ``finished``, ``diverged``, ``failed``, ``stopped``) with
``reason`` and ``message``.
"""

from __future__ import annotations

import os
import time
import traceback

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402  (after the BLAS thread setting)

#: The most messages per second the worker sends (the window polls as often).
MESSAGES_PER_SECOND = 30
#: Seconds between the current weights sent while training (the views follow them).
WEIGHTS_EVERY = 1.0
#: Characters the text task writes at each profile.
SAMPLE_CHARS = 80


def worker_main(spec: dict, commands, out) -> None:
    """The process's entry point: build the trainer from ``spec``, obey ``commands``."""
    try:
        _Worker(spec, commands, out).loop()
    except Exception as exc:  # noqa: BLE001 — reported to the window, then the process ends
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        out.put({"state": "failed", "reason": "error", "message": last})


class _Worker:
    def __init__(self, spec: dict, commands, out):
        from ..engine import Model
        from ..engine.training import TaskSource, Trainer
        from .training_tasks import TrainSettings

        self.commands, self.out = commands, out
        settings = TrainSettings.from_dict(spec["settings"])
        self.settings, self.task = settings, settings.make_task()
        model = Model(spec["cell"], spec["params"], spec["activation"])
        config = settings.train_config(
            snapshot_every=spec.get("snapshot_every", 10),
            max_snapshots=spec.get("max_snapshots", 64),
        )
        source = TaskSource(self.task, seed=int(spec["seed"]), test_size=spec.get("test_size", 512))
        self.trainer = Trainer(model, source, config)
        self.trainer.steps_done = int(spec.get("start_step", 0))
        self.weights_every = spec.get("weights_every", WEIGHTS_EVERY)
        self.running, self.to_do = False, 0
        self._reset_buffer()
        self.last_sent = self.last_weights = time.monotonic()

    def _reset_buffer(self) -> None:
        self.rows, self.profiles, self.snapshots, self.sample = [], [], [], None

    # ---------------------------------------------------------------- the loop
    def loop(self) -> None:
        self.out.put({"state": "ready", "step": self.trainer.steps_done})
        while True:
            busy = self.running or self.to_do > 0
            if not self._obey(0.0 if busy else 0.05):
                return
            if self.running or self.to_do > 0:
                self._update()
            now = time.monotonic()
            if self.rows and now - self.last_sent >= 1.0 / MESSAGES_PER_SECOND:
                with_weights = now - self.last_weights >= self.weights_every
                self._send(weights=with_weights)

    def _obey(self, timeout: float) -> bool:
        """Read every waiting command; False after ``stop``."""
        while self.commands.poll(timeout):
            timeout = 0.0
            name, arg = self.commands.recv()
            if name == "run":
                self.running = True
            elif name == "pause":
                self._halt("paused", "paused")
            elif name == "step":
                self.to_do += int(arg)
            elif name == "stop":
                self._halt("stopped", "stopped")
                return False
        return True

    def _halt(self, state: str, reason: str, message: str = "") -> None:
        self.running, self.to_do = False, 0
        self._send(weights=True, state=state, reason=reason, message=message)

    def _update(self) -> None:
        trainer, settings = self.trainer, self.settings
        if trainer.steps_done >= settings.budget:
            self._halt("finished", "budget")
            return
        report = trainer.step()
        self.rows.append(
            (report.step, report.loss, report.metric, report.grad_norm, report.grad_norm_clipped)
        )
        if report.diverged:
            self._halt("diverged", "diverged", report.diverged)
            return
        if trainer.snapshots.steps and trainer.snapshots.steps[-1] == report.step:
            self.snapshots.append((report.step, _plain(trainer.params)))
        if report.profile is not None:
            self.profiles.append(_profile_dict(report.profile))
            self.sample = self._sample_text()
            if settings.until_solved and report.profile.solved:
                self._halt("finished", "solved")
                return
        if self.to_do > 0:
            self.to_do -= 1
            if self.to_do == 0 and not self.running:
                self._halt("paused", "step")

    def _sample_text(self) -> str | None:
        if self.task.name != "text":
            return None
        from ..engine.training import sample_text

        prime = self.task.text[0]
        return sample_text(
            self.trainer.model,
            self.task.vocabulary,
            prime,
            SAMPLE_CHARS,
            temperature=0.5,
            rng=np.random.default_rng(0),
        )

    def _send(self, weights: bool = False, **extra) -> None:
        message = dict(extra)
        if self.rows:
            message["rows"] = np.array(self.rows, dtype=np.float64)
        if self.profiles:
            message["profiles"] = self.profiles
        if self.snapshots:
            message["snapshots"] = self.snapshots
        if self.sample is not None:
            message["sample"] = self.sample
        if weights:
            message["weights"] = (self.trainer.steps_done, _plain(self.trainer.params))
            self.last_weights = time.monotonic()
        message["step"] = self.trainer.steps_done
        self.out.put(message)
        self._reset_buffer()
        self.last_sent = time.monotonic()


def _plain(params: dict) -> dict:
    return {k: np.array(v) for k, v in params.items()}


def _profile_dict(p) -> dict:
    return {
        "step": p.step,
        "test_metric": p.test_metric,
        "solved": p.solved,
        "dh_norm": np.array(p.dh_norm),
        "dc_norm": None if p.dc_norm is None else np.array(p.dc_norm),
        "spectral_radius": p.spectral_radius,
        "memory_gate": p.memory_gate,
        "memory_gate_mean": p.memory_gate_mean,
    }
