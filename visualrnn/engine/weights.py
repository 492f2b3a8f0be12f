"""Weight files: PyTorch-layout state dicts in ``.safetensors`` and ``.npz``.

A file holds layer 0 of an ``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` and, optionally, an
``nn.Linear`` head, under PyTorch's names with any prefix::

    lstm.weight_ih_l0  (4H, I)      lstm.weight_hh_l0  (4H, H)
    lstm.bias_ih_l0    (4H,)        lstm.bias_hh_l0    (4H,)      (absent if bias=False)
    fc.weight          (O, H)       fc.bias            (O,)       (the head, optional)

The cell follows from ``weight_hh_l0``'s shape (G·H, H): G = 1 → rnn, 3 → gru, 4 → lstm,
unless the file names its cell in its metadata (safetensors header ``visualrnn.cell``, npz
key ``__visualrnn_cell__``) and that cell has the same G. The 1997 LSTM without a forget
gate (``lstm_nofg``: blocks i, z, o, PyTorch's i, g, o) also has G = 3, so its files must
name it: a 3H file without metadata is a GRU. PyTorch does not store the RNN's activation
φ; VisualRNN keeps it as metadata (``visualrnn.activation`` /
``__visualrnn_activation__``). Files are read
without pickle and written atomically (a temporary file, then ``os.replace``).

Reading checks before it reads (:mod:`.weight_readers`): the file's size, then every
array's shape, dtype and element count from the file's own headers against
:mod:`.limits`, and only then the data. Whatever goes wrong — a missing or unreadable file,
a damaged archive, a zip bomb, an absurd header, a non-array member — becomes a
:class:`WeightFileError` with one plain-text line naming the file and the cause.
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import secrets
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from safetensors.numpy import save as _safetensors_bytes

from . import limits
from .cellspec import CELL_SPECS
from .model import GATE_BLOCKS, Model
from .numerics import ACTIVATIONS
from .weight_readers import WeightFileError, read_npz, read_safetensors, shown

SUFFIXES = (".safetensors", ".npz")

#: Key prefix of the recurrent layer written by :func:`save_weights`, per cell.
SAVE_PREFIX = {cell: f"{cell}." for cell in CELL_SPECS}

#: The cell a file's G means when its metadata does not name one (PyTorch's three).
CELL_BY_GATES = {1: "rnn", 3: "gru", 4: "lstm"}

META_ACTIVATION = "visualrnn.activation"
META_CELL = "visualrnn.cell"
NPZ_META = {META_ACTIVATION: "__visualrnn_activation__", META_CELL: "__visualrnn_cell__"}

_LAYER_KEYS = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")
_LAYER_STEMS = ("weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_hr")
_MAX_LISTED = 12
#: Never turned into a refusal: the user or the interpreter wants to stop.
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit)

__all__ = ["WeightFileError", "load_weights", "save_weights", "write_atomic"]


# --- reading ------------------------------------------------------------------------------


def load_weights(path, activation: str | None = None) -> Model:
    """Read a model from a PyTorch-layout state dict.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.safetensors`` or ``.npz`` file.
    activation : {"tanh", "relu", "identity"}, optional
        φ of the simple RNN; overrides the value stored in the file (default "tanh").

    Returns
    -------
    Model
        float64 parameters under the engine's names (``weight_ih_l0`` …, ``head.weight``).

    Raises
    ------
    WeightFileError
        For every problem with the file, whatever its cause, with one plain-text line
        (at most ``limits.MAX_MESSAGE_CHARS``) naming the file and the cause.
    ValueError
        For an unknown ``activation`` argument.
    """
    _check_activation(activation)
    name = os.fspath(path)
    try:
        _check_suffix(name)
        tensors, meta = _read(name)
        return _to_model(_Contents(_file_label(name), tensors, meta), activation)
    except (WeightFileError, *_PASS_THROUGH):
        raise
    except MemoryError:
        raise WeightFileError(f"{_file_label(name)}: not enough memory to read it") from None
    except BaseException as e:  # anything else, e.g. a library's panic or a bug of ours
        problem = f"cannot read the file: {type(e).__name__}: {shown(e, 120)}"
        raise WeightFileError(f"{_file_label(name)}: {problem}") from e


def _file_label(name: str) -> str:
    """The file as messages name it: escaped, its end kept when the path is long."""
    return shown(name, 160) if len(name) <= 160 else "…" + shown(name[-159:], 160)


def _check_activation(activation: str | None) -> None:
    if activation is not None and activation not in ACTIVATIONS:
        raise ValueError(
            f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATIONS)}"
        )


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise WeightFileError(
            f"{_file_label(name)}: unsupported weight file type {shown(suffix or '(none)')!r}; "
            f"use {' or '.join(SUFFIXES)}"
        )
    return suffix


#: The causes of a failed open, in the words a user needs.
_OPEN_ERRORS = (
    (FileNotFoundError, "no such file"),
    (PermissionError, "permission denied"),
    (IsADirectoryError, "is a directory, not a file"),
    (NotADirectoryError, "no such file (a folder in its path is a file)"),
)


def _read(name: str) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """All tensors (float64) and the text metadata of a weight file, sizes checked first."""
    label = _file_label(name)
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise WeightFileError(f"{label}: not a regular file")
        _check_size(label, info.st_size)
        f = open(name, "rb")  # noqa: SIM115 — closed below
    except OSError as e:
        raise WeightFileError(f"{label}: {_open_problem(e)}") from None
    with f:
        size = os.fstat(f.fileno()).st_size
        _check_size(label, size)
        if _check_suffix(name) == ".safetensors":
            return read_safetensors(f, label, size)
        return read_npz(f, label, {v: m for m, v in NPZ_META.items()})


def _open_problem(e: OSError) -> str:
    for kind, words in _OPEN_ERRORS:
        if isinstance(e, kind):
            return words
    return f"cannot open it: {shown(e.strerror or type(e).__name__)}"


def _check_size(label: str, size: int) -> None:
    if size > limits.MAX_FILE_BYTES:
        raise WeightFileError(
            f"{label}: {size / 1e6:,.1f} MB is larger than any model VisualRNN runs "
            f"(at most {limits.MAX_FILE_BYTES / 1e6:.0f} MB)"
        )


@dataclass
class _Contents:
    """What a weight file holds, for building the model and for error messages."""

    name: str
    tensors: dict[str, np.ndarray]
    meta: dict[str, str] = field(default_factory=dict)

    def refuse(self, problem: str) -> WeightFileError:
        """``"<file>: <problem>; found: k (shape), …"``, on one line."""
        shapes = {k: v.shape for k, v in self.tensors.items()}
        return WeightFileError(f"{self.name}: {problem}; found: {_listing(shapes)}")

    def shape(self, key: str) -> tuple:
        return tuple(self.tensors[key].shape)


def _to_model(found: _Contents, activation: str | None) -> Model:
    prefix = _find_layer(found)
    cell, H = _cell_of(found, prefix)
    params = _layer_params(found, prefix, cell, H)
    params.update(_head_params(found, H, used={prefix + k for k in _LAYER_KEYS}))
    _check_sizes(found, params)
    _check_values(found)
    return Model(cell, params, _pick_activation(found, activation))


def _check_sizes(found: _Contents, params: dict) -> None:
    """H ≤ ``limits.MAX_HIDDEN``; I and O ≤ ``limits.MAX_FEATURES``: what the app runs."""
    H, I = params["weight_hh_l0"].shape[1], params["weight_ih_l0"].shape[1]
    O = params["head.weight"].shape[0] if "head.weight" in params else 0
    for what, n, most in (
        ("hidden size H", H, limits.MAX_HIDDEN),
        ("input size I", I, limits.MAX_FEATURES),
        ("output size O", O, limits.MAX_FEATURES),
    ):
        if n > most:
            raise found.refuse(f"its {what} = {n:,} is above the limit of {most:,}")


def _find_layer(found: _Contents) -> str:
    """The prefix of the single recurrent layer (e.g. ``"lstm."``)."""
    deeper = [k for k in found.tensors if "_reverse" in k or _layer_index(k) not in (None, 0)]
    if deeper:
        raise found.refuse(
            f"{shown(deeper[0])}: only single-layer unidirectional RNN/LSTM/GRU files are "
            "supported (num_layers=1, bidirectional=False)"
        )
    layers = [k for k in found.tensors if k.endswith("weight_ih_l0")]
    if not layers:
        raise found.refuse('no key ending in "weight_ih_l0"')
    if len(layers) > 1:
        raise found.refuse(f"more than one recurrent layer ({_names(layers)})")
    prefix = layers[0][: -len("weight_ih_l0")]
    if prefix + "weight_hr_l0" in found.tensors:
        raise found.refuse("LSTM with projections (proj_size > 0) is not supported")
    return prefix


def _layer_index(key: str) -> int | None:
    """The layer number of a PyTorch RNN parameter key (``…weight_hh_l3`` → 3), else None."""
    stem, sep, tail = key.rpartition("_l")
    if sep and tail.isdigit() and stem.split(".")[-1] in _LAYER_STEMS:
        return int(tail)
    return None


def _cell_of(found: _Contents, prefix: str) -> tuple[str, int]:
    """The cell type and H, from ``weight_hh_l0`` (G·H, H) and ``weight_ih_l0`` (G·H, I)."""
    ih, hh = prefix + "weight_ih_l0", prefix + "weight_hh_l0"
    if hh not in found.tensors:
        raise found.refuse(f"{shown(ih)} has no sibling {shown(hh)}")
    if len(found.shape(hh)) != 2 or len(found.shape(ih)) != 2:
        raise found.refuse(f"{shown(ih)} and {shown(hh)} must be 2-D")
    rows, H = found.shape(hh)
    if H < 1 or rows % H or rows // H not in CELL_BY_GATES:
        raise found.refuse(
            f"{hh} has shape {found.shape(hh)}, but its rows must be H, 3H or 4H "
            "(rnn; gru or lstm_nofg; lstm) for its H columns"
        )
    if found.shape(ih)[0] != rows or found.shape(ih)[1] < 1:
        raise found.refuse(f"{shown(ih)} has shape {found.shape(ih)}, expected ({rows}, I)")
    return _stored_or_default_cell(found, rows // H), H


def _stored_or_default_cell(found: _Contents, G: int) -> str:
    """The cell the metadata names, if it has G blocks; PyTorch's cell for G without one."""
    stored = found.meta.get(META_CELL)
    if stored is None:
        return CELL_BY_GATES[G]
    if stored not in CELL_SPECS:
        raise found.refuse(f"the file says cell '{shown(stored)}', which VisualRNN does not know")
    if CELL_SPECS[stored].gate_count != G:
        raise found.refuse(
            f"the file says cell '{stored}', but its shapes are a {CELL_BY_GATES[G]}'s"
        )
    return stored


def _layer_params(found: _Contents, prefix: str, cell: str, H: int) -> dict:
    """The four recurrent parameters; biases missing (``bias=False``) become zeros."""
    rows = len(GATE_BLOCKS[cell]) * H
    params = {k: found.tensors[prefix + k] for k in _LAYER_KEYS[:2]}
    for k in _LAYER_KEYS[2:]:
        params[k] = found.tensors.get(prefix + k, np.zeros(rows))
        if params[k].shape != (rows,):
            raise found.refuse(
                f"{shown(prefix + k)} has shape {params[k].shape}, expected ({rows},)"
            )
    return params


def _head_params(found: _Contents, H: int, used: set) -> dict:
    """``head.weight`` (O, H) and ``head.bias`` (O,) from the one other weight, if any."""
    rest = [k for k in found.tensors if k not in used]
    heads = [k for k in rest if k.endswith("weight")]
    if len(heads) > 1:
        raise found.refuse(f"more than one candidate output layer ({_names(heads)})")
    params, taken = _one_head(found, heads[0], H) if heads else ({}, set())
    extra = [k for k in rest if k not in taken]
    if extra:
        raise found.refuse(f"unexpected keys {_names(extra)}")
    return params


def _one_head(found: _Contents, w_key: str, H: int) -> tuple[dict, set]:
    w = found.tensors[w_key]
    if w.ndim != 2 or w.shape[1] != H or w.shape[0] < 1:
        raise found.refuse(f"output layer {shown(w_key)} has shape {w.shape}, expected (O, {H})")
    b_key = w_key[: -len("weight")] + "bias"
    b = found.tensors.get(b_key, np.zeros(w.shape[0]))
    if b.shape != (w.shape[0],):
        raise found.refuse(
            f"output bias {shown(b_key)} has shape {b.shape}, expected ({w.shape[0]},)"
        )
    return {"head.weight": w, "head.bias": b}, {w_key, b_key}


def _check_values(found: _Contents) -> None:
    """Every tensor of a float type and finite."""
    for k, a in found.tensors.items():
        if a.dtype.kind != "f":
            raise found.refuse(f"{shown(k)} has dtype {a.dtype}, not a float type")
        if not np.all(np.isfinite(a)):
            raise found.refuse(f"{shown(k)} contains NaN or inf")


def _pick_activation(found: _Contents, explicit: str | None) -> str:
    """Explicit argument > stored metadata > "tanh"."""
    if explicit is not None:
        return explicit
    stored = found.meta.get(META_ACTIVATION, "tanh")
    if stored not in ACTIVATIONS:
        raise found.refuse(f"unknown stored activation '{shown(stored)}'")
    return stored


def _listing(shapes: dict) -> str:
    """``"fc.weight (1, 4), fc.bias (1,)"``, the first few keys only."""
    items = [f"{shown(k)} {tuple(s)}" for k, s in list(shapes.items())[: _MAX_LISTED + 1]]
    if len(shapes) > _MAX_LISTED:
        items = items[:_MAX_LISTED] + [f"… ({len(shapes) - _MAX_LISTED} more)"]
    return ", ".join(items) or "no arrays"


def _names(keys: list) -> str:
    """``"a, b, c"``, the first few keys only, each shown safely."""
    listed = [shown(k) for k in keys[:_MAX_LISTED]]
    if len(keys) > _MAX_LISTED:
        listed.append(f"… ({len(keys) - _MAX_LISTED} more)")
    return ", ".join(listed)


# --- writing ------------------------------------------------------------------------------


def save_weights(model: Model, path) -> None:
    """Write ``model`` as a PyTorch-layout state dict (float64), atomically.

    Keys are the cell's name and a dot (``lstm.``, ``lstm_nofg.`` …) + ``weight_ih_l0`` …, and
    ``head.weight`` / ``head.bias`` when the model has a head; the activation and the cell go
    into the metadata (a 3H ``lstm_nofg`` file needs it, or it would read as a GRU).

    Parameters
    ----------
    model : Model
    path : str or os.PathLike
        Ends in ``.safetensors`` or ``.npz``.
    """
    name = os.fspath(path)
    suffix = _check_suffix(name)
    tensors = _state_dict(model)
    meta = {META_ACTIVATION: model.activation, META_CELL: model.cell}
    if suffix == ".safetensors":
        data = _safetensors_bytes(tensors, metadata=meta)
    else:
        data = _npz_bytes({**tensors, **{NPZ_META[k]: np.array(v) for k, v in meta.items()}})
    write_atomic(name, data)


def _state_dict(model: Model) -> dict[str, np.ndarray]:
    prefix = SAVE_PREFIX[model.cell]
    out = {}
    for k, v in model.params.items():
        key = k if k.startswith("head.") else prefix + k
        out[key] = np.ascontiguousarray(v, dtype=np.float64)
    return out


def _npz_bytes(arrays: dict) -> bytes:
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def write_atomic(path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then ``os.replace`` it.

    Readers never see a half-written file; on any failure (KeyboardInterrupt included) the
    temporary file is removed and the exception propagates. A process killed mid-write
    cannot clean up: the next successful write removes such leftovers (older than a
    minute). The new file gets the usual permissions (umask applies).
    """
    target = Path(os.fspath(path))
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    _remove_leftovers(target)


#: A temporary file of a write that was killed is this old before it counts as left over.
LEFTOVER_SECONDS = 60.0


def _remove_leftovers(target: Path) -> None:
    """Remove ``.<name>.<12 hex digits>.tmp`` files beside ``target`` that a killed write
    left behind (not a write still running: those are younger than a minute)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for left in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            middle = left.name[len(target.name) + 2 : -4]
            if len(middle) != 12 or not all(c in "0123456789abcdef" for c in middle):
                continue
            with contextlib.suppress(OSError):
                if now - left.stat().st_mtime > LEFTOVER_SECONDS:
                    left.unlink()
