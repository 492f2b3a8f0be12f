"""The configuration of one lesson, and how it becomes a model and an input sequence.

Pure Python + NumPy (no Qt): the session turns a :class:`LessonConfig` into numbers with
:func:`build_lesson`, which raises ``ValueError`` (often a ``SequenceError`` naming the
step and token) for anything a user could have typed wrong.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..engine import (
    ACTIVATIONS,
    CELLS,
    INIT_SCHEMES,
    LOSS_AT,
    LOSSES,
    Model,
    Result,
    init_model,
    limits,
    textbook_model,
)
from ..engine.generators import GENERATORS
from ..engine.limits import MAX_FEATURES
from ..engine.run_options import RunOptions
from ..engine.sequences import (
    check_typed_values,
    format_numbers,
    parse_classes,
    parse_numbers,
    parse_text,
)

MODEL_SOURCES = ("init", "textbook", "file")
INPUT_MODES = ("numbers", "text")
MAX_HIDDEN = 512
#: Largest run computed live, in multiply-adds (the engine's limit, see engine/limits.py).
MAX_WORK = limits.MAX_WORK


@dataclass(frozen=True)
class LessonConfig:
    """Everything that defines one lesson; a preset is one of these.

    Attributes
    ----------
    cell : {"rnn", "lstm", "gru"}
    hidden_size : int, H.
    activation : φ of the simple RNN.
    init_scheme : {"uniform", "orthogonal"}
    spectral_radius : ρ the recurrent blocks are scaled to, or None to keep the raw init.
    seed : int, the initialisation seed.
    forget_bias : float, the memory bias: added to b_f (LSTM) and b_z (GRU).
    input_scale : float, multiplies the seeded input weights W_x.
    model_source : "init" (seeded), "textbook" (Fig. 8.5 weights) or "file" (loaded weights).
    output_size : O, or None for automatic (1 for numbers, the vocabulary size for text).
    input_mode : "numbers" or "text" (characters one-hot).
    input_text : the sequence as the user typed or generated it.
    vocabulary : text mode only; "" means the text's own characters.
    targets_text : the targets as typed; "" means targets 0.
    class_names : cross-entropy outputs: what each output class means (a training task's
        answers, "灰色", "蓝色"), written for y_t; None: the vocabulary's characters (the
        next-character model).
    symbol_names : text mode: the word each vocabulary character stands for (a training
        task's tokens, "天空" for 天), written for x_t; None: the characters themselves.
    generator : the generator (name and arguments) that made ``input_text``, or None.
    loss, loss_at : the loss and where it is applied.
    truncate : truncated-BPTT length k, or None.
    clip : global-norm clipping threshold C, or None.
    jacobians : also compute ‖∂h_{T−1}/∂h_t‖ (RNN; costs O(T·H³)).
    """

    cell: str = "rnn"
    hidden_size: int = 2
    activation: str = "tanh"
    init_scheme: str = "uniform"
    spectral_radius: float | None = None
    seed: int = 0
    forget_bias: float = 0.0
    input_scale: float = 1.0
    model_source: str = "textbook"
    output_size: int | None = None
    input_mode: str = "numbers"
    input_text: str = "1, 2"
    vocabulary: str = ""
    targets_text: str = ""
    class_names: tuple[str, ...] | None = None
    symbol_names: tuple[str, ...] | None = None
    generator: dict | None = None
    loss: str = "mse"
    loss_at: str = "all"
    truncate: int | None = None
    clip: float | None = None
    jacobians: bool = False

    def replace(self, **changes) -> LessonConfig:
        """A copy with ``changes`` applied (unknown names raise ``ValueError``)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ValueError(f"unknown lesson settings: {', '.join(sorted(unknown))}")
        for key in ("class_names", "symbol_names"):  # lists in a JSON lesson file
            if isinstance(changes.get(key), list):
                changes[key] = tuple(changes[key])
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_dict(cls, data: dict) -> LessonConfig:
        """Build from a preset's ``"lesson"`` mapping, validating every field."""
        if not isinstance(data, dict):
            raise ValueError("a lesson must be a mapping of settings")
        config = cls().replace(**data)
        validate(config)
        return config

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def _choice(name: str, value, options) -> None:
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(options)}, not {value!r}")


def _positive_int(name: str, value, upper: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be a whole number ≥ 1, not {value!r}")
    if upper is not None and value > upper:
        raise ValueError(f"{name} must be at most {upper}, not {value}")


def _finite(name: str, value, positive: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float | np.floating):
        raise ValueError(f"{name} must be a number, not {value!r}")
    if not np.isfinite(value) or (positive and value <= 0):
        raise ValueError(f"{name} must be a {'positive ' if positive else ''}finite number")


def validate(c: LessonConfig) -> None:
    """Raise ``ValueError`` naming the first setting that is out of range."""
    _choice("cell", c.cell, CELLS)
    _choice("activation", c.activation, ACTIVATIONS)
    _choice("init scheme", c.init_scheme, INIT_SCHEMES)
    _choice("model source", c.model_source, MODEL_SOURCES)
    _choice("input mode", c.input_mode, INPUT_MODES)
    _choice("loss", c.loss, LOSSES)
    _choice("loss placement", c.loss_at, LOSS_AT)
    _positive_int("hidden size", c.hidden_size, MAX_HIDDEN)
    if c.output_size is not None:
        _positive_int("output size", c.output_size, MAX_HIDDEN)
    if c.truncate is not None:
        _positive_int("truncation k", c.truncate)
    if c.clip is not None:
        _finite("clipping threshold", c.clip, positive=True)
    if c.spectral_radius is not None:
        _finite("spectral radius", c.spectral_radius, positive=True)
    _finite("forget-gate bias", c.forget_bias)
    _finite("input weight scale", c.input_scale, positive=True)
    if isinstance(c.seed, bool) or not isinstance(c.seed, int | np.integer) or c.seed < 0:
        raise ValueError(f"seed must be a whole number ≥ 0, not {c.seed!r}")
    if not isinstance(c.input_text, str) or not isinstance(c.targets_text, str):
        raise ValueError("input and targets must be text")
    for what, names in (("class", c.class_names), ("symbol", c.symbol_names)):
        if names is not None:
            _names(what, names)


#: The longest name of an output class or an input symbol (a word or a short phrase).
MAX_NAME = 40


def _names(what: str, names) -> None:
    if not isinstance(names, tuple) or not all(isinstance(n, str) for n in names):
        raise ValueError(f"{what} names must be a list of texts")
    if not 1 <= len(names) <= MAX_FEATURES:
        raise ValueError(f"there must be 1 to {MAX_FEATURES} {what} names, not {len(names)}")
    if any(len(n) > MAX_NAME or not n.strip() for n in names):
        raise ValueError(f"a {what} name must be 1 to {MAX_NAME} characters")


def parse_input(c: LessonConfig) -> tuple[np.ndarray, str]:
    """x: (T, I) from the typed text, and the vocabulary ("" in numbers mode). The last
    few parses are remembered: switching the cell of a 10,000-step lesson parsed its
    numbers again on the interface's thread (60–110 ms)."""
    if c.input_mode == "text":  # one-hot (T, vocabulary) arrays: too large to keep
        return parse_text(c.input_text, c.vocabulary or None)
    return _parse_numbers(c.input_text).copy(), ""


@lru_cache(maxsize=8)
def _parse_numbers(text: str) -> np.ndarray:
    return parse_numbers(text)


@lru_cache(maxsize=4)
def _parse_classes(text: str, O: int) -> np.ndarray:  # noqa: N803 (the textbook's O)
    return parse_classes(text, O)


def text_vocabulary(c: LessonConfig) -> str:
    """The characters of the one-hot columns in text mode (the given vocabulary, else the
    text's own characters, sorted — as parse_text makes them); "" in numbers mode."""
    if c.input_mode != "text":
        return ""
    return c.vocabulary or "".join(sorted(set(c.input_text)))


def next_characters(c: LessonConfig) -> np.ndarray:
    """(T,) the class of the character after each one (the last wraps to the first): the
    text model's default targets, "predict the next character"."""
    vocabulary = text_vocabulary(c)
    classes = np.array([vocabulary.index(ch) for ch in c.input_text], dtype=np.int64)
    return np.roll(classes, -1)


def parse_targets(c: LessonConfig, T: int, O: int) -> np.ndarray | None:
    """Targets from the typed text: (T, O) floats (mse) or (T,) classes (ce); None for 0.
    In text mode with cross-entropy and no typed targets: the next character."""
    if not c.targets_text.strip():
        if c.input_mode == "text" and c.loss == "ce" and len(text_vocabulary(c)) == O:
            return next_characters(c)
        return None
    if c.loss == "ce":
        y = _parse_classes(c.targets_text, O).copy()
    else:  # remembered like the input: a seed or cell change does not parse them again
        y = _parse_numbers(c.targets_text).copy()
        if y.shape[1] != O:
            raise ValueError(f"targets have {y.shape[1]} value(s) per step; the output has {O}")
    if y.shape[0] != T:
        raise ValueError(f"targets have {y.shape[0]} steps but the input has {T}")
    return y


def output_size(c: LessonConfig, vocabulary: str) -> int:
    """O: as configured, else the vocabulary size in text mode, else 1."""
    if c.output_size is not None:
        return c.output_size
    return len(vocabulary) if c.input_mode == "text" else 1


def build_model(c: LessonConfig, input_size: int, O: int, loaded: Model | None = None) -> Model:
    """The model the configuration describes, for inputs of size I = ``input_size``."""
    if c.model_source == "textbook":
        model = textbook_model()
    elif c.model_source == "file":
        if loaded is None:
            raise ValueError("no weight file is loaded")
        model = loaded
    else:
        return init_model(
            c.cell,
            input_size,
            c.hidden_size,
            O,
            seed=int(c.seed),
            scheme=c.init_scheme,
            spectral_radius=c.spectral_radius,
            forget_bias=c.forget_bias,
            activation=c.activation,
            input_scale=c.input_scale,
        )
    if model.input_size != input_size:
        if c.input_mode == "text":
            raise ValueError(
                f"these weights take {model.input_size} value(s) per step; the text is read "
                f"as {input_size} values per step (one per distinct character)"
            )
        raise ValueError(
            f"these weights take {model.input_size} value(s) per step; "
            f"each step of the sequence has {input_size}"
        )
    return model


@dataclass(frozen=True, eq=False)
class PreparedLesson:
    """A lesson checked and ready to run: everything :func:`build_lesson` does before the
    forward + BPTT run (fast, raises ``ValueError`` for anything typed wrong), and what the
    run will cost (``work``, from :func:`~visualrnn.engine.limits.work_estimate`)."""

    config: LessonConfig
    model: Model
    x: np.ndarray
    targets: np.ndarray | None
    work: limits.Work

    def run(self) -> Result:
        """Forward + BPTT (the slow part; pure NumPy, safe on a worker thread)."""
        return run_options(self.config).run(self.model, self.x, self.targets)


def prepare_lesson(c: LessonConfig, loaded: Model | None = None) -> PreparedLesson:
    """Validate, parse and build the model; refuse a lesson too large to compute live."""
    validate(c)
    x, vocabulary = parse_input(c)
    model = build_model(c, x.shape[1], output_size(c, vocabulary), loaded)
    work = check_work(x.shape[0], model, c.jacobians)
    targets = parse_targets(c, x.shape[0], model.output_size)
    return PreparedLesson(c, model, x, targets, work)


def build_lesson(c: LessonConfig, loaded: Model | None = None) -> Result:
    """Validate, parse, build the model and run forward + BPTT once."""
    return prepare_lesson(c, loaded).run()


def run_options(c: LessonConfig) -> RunOptions:
    """The lesson's loss, truncation, clipping and Jacobian settings for the engine."""
    return RunOptions(c.loss, c.loss_at, c.truncate, c.clip, c.jacobians)


def check_work(T: int, model: Model, jacobians: bool = False) -> limits.Work:
    """Refuse lessons too large to recompute live: the time and memory that
    :func:`~visualrnn.engine.limits.work_estimate` counts for T, H, I, O and the cell.
    Returns that estimate."""
    H, I, O = model.hidden_size, model.input_size, model.output_size
    return limits.check_work(T, H, I, O, model.cell, jacobians=jacobians)


def generate_text(generator: dict) -> str:
    """Run a generator spec ``{"kind": "sine", "T": 50, ...}`` and format it as text."""
    spec = dict(generator)
    kind = spec.pop("kind", None)
    if kind not in GENERATORS:
        raise ValueError(f"unknown generator {kind!r}; choose one of {', '.join(GENERATORS)}")
    return format_numbers(GENERATORS[kind](**spec))


def resized_input(c: LessonConfig, x: np.ndarray, targets, T: int) -> dict:
    """The changes that make the lesson ``c`` (input ``x``, ``targets`` as computed) T steps
    long: its generator run again at length T, else the typed text or the numbers repeated
    or cut — and typed targets repeated or cut alike (the sine lesson's next-step targets
    stay one step ahead)."""
    if c.generator is not None:
        spec = {**c.generator, "T": T}
        changes = {"input_text": generate_text(spec), "generator": spec, "input_mode": "numbers"}
    elif c.input_mode == "text":
        changes = {"input_text": resize_typed(c.input_text, T)}
    else:
        changes = {"input_text": resize_numbers(x, T)}
    if c.targets_text.strip() and targets is not None and len(targets) == len(x):
        changes["targets_text"] = resize_numbers(targets, T)
    return changes


def resize_typed(text: str, T: int) -> str:
    """The typed text (one character per step) repeated or cut to T characters."""
    if T < 1 or not text:
        raise ValueError("the sequence needs at least one step")
    return (text * -(-T // len(text)))[:T]


def resize_numbers(x: np.ndarray, T: int) -> str:
    """The sequence ``x`` ((T, I) numbers or (T,) classes) repeated or cut to T steps, as
    text."""
    if T < 1:
        raise ValueError("the sequence needs at least one step")
    check_typed_values(T, int(np.prod(np.shape(x)[1:], dtype=np.int64)))
    reps = -(-T // len(x))
    return format_numbers(np.tile(x, (reps,) + (1,) * (np.ndim(x) - 1))[:T])
