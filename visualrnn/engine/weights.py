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
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from safetensors import SafetensorError, safe_open
from safetensors.numpy import save as _safetensors_bytes

from .cellspec import CELL_SPECS
from .model import GATE_BLOCKS, Model
from .numerics import ACTIVATIONS

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
_FLOAT_DTYPES = ("F16", "F32", "F64")
_MAX_LISTED = 12


class WeightFileError(ValueError):
    """A weight file that cannot be read or does not hold a model VisualRNN can run."""


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
        With a one-line message naming the file and the keys and shapes found in it.
    """
    name = os.fspath(path)
    _check_suffix(name)
    tensors, meta = _read(name)
    return _to_model(_Contents(name, tensors, meta), activation)


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise WeightFileError(
            f"{name}: unsupported weight file type {suffix or '(none)'!r}; "
            f"use {' or '.join(SUFFIXES)}"
        )
    return suffix


def _read(name: str) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """All tensors (as stored) and the text metadata of a weight file."""
    if not os.path.exists(name):
        raise WeightFileError(f"{name}: no such file")
    if not os.path.isfile(name):
        raise WeightFileError(f"{name}: not a regular file")
    reader = _read_safetensors if _check_suffix(name) == ".safetensors" else _read_npz
    try:
        return reader(name)
    except WeightFileError:
        raise
    except (OSError, ValueError, EOFError, SafetensorError, zipfile.BadZipFile, zlib.error) as e:
        raise WeightFileError(f"{name}: cannot read the file: {_one_line(e)}") from e


def _read_safetensors(name: str):
    with safe_open(name, framework="np") as f:
        meta = dict(f.metadata() or {})
        keys = f.keys()
        dtypes = {k: f.get_slice(k).get_dtype() for k in keys}
        for k, d in dtypes.items():
            if d not in _FLOAT_DTYPES:
                shapes = {k: f.get_slice(k).get_shape() for k in keys}
                problem = f"{k} has dtype {d}, not a float type (F16, F32, F64)"
                raise WeightFileError(f"{name}: {problem}; found: {_listing(shapes)}")
        return {k: np.array(f.get_tensor(k)) for k in keys}, meta


def _read_npz(name: str):
    if not zipfile.is_zipfile(name):
        raise WeightFileError(f"{name}: not an .npz archive (not a zip file, or truncated)")
    tensors, meta = {}, {}
    with np.load(name, allow_pickle=False) as z:
        for k in z.files:
            _store_npz_entry(name, k, _npz_member(name, z, k), tensors, meta)
    return tensors, meta


def _npz_member(name: str, z, k: str) -> np.ndarray:
    try:
        return z[k]
    except ValueError as e:
        if "allow_pickle" not in str(e):
            raise
        raise WeightFileError(f"{name}: {k} is an object array, which needs pickle; refused") from e


def _store_npz_entry(name, k, a, tensors, meta) -> None:
    inverse = {v: m for m, v in NPZ_META.items()}
    if k in inverse:
        if a.ndim != 0 or a.dtype.kind != "U":
            raise WeightFileError(f"{name}: metadata {k} must be a 0-d text array")
        meta[inverse[k]] = str(a)
    else:
        tensors[k] = a


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
    _check_values(found)
    return Model(cell, params, _pick_activation(found, activation))


def _find_layer(found: _Contents) -> str:
    """The prefix of the single recurrent layer (e.g. ``"lstm."``)."""
    deeper = [k for k in found.tensors if "_reverse" in k or _layer_index(k) not in (None, 0)]
    if deeper:
        raise found.refuse(
            f"{deeper[0]}: only single-layer unidirectional RNN/LSTM/GRU files are supported "
            "(num_layers=1, bidirectional=False)"
        )
    layers = [k for k in found.tensors if k.endswith("weight_ih_l0")]
    if not layers:
        raise found.refuse('no key ending in "weight_ih_l0"')
    if len(layers) > 1:
        raise found.refuse(f"more than one recurrent layer ({', '.join(layers)})")
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
        raise found.refuse(f"{ih} has no sibling {hh}")
    if len(found.shape(hh)) != 2 or len(found.shape(ih)) != 2:
        raise found.refuse(f"{ih} and {hh} must be 2-D")
    rows, H = found.shape(hh)
    if H < 1 or rows % H or rows // H not in CELL_BY_GATES:
        raise found.refuse(
            f"{hh} has shape {found.shape(hh)}, but its rows must be H, 3H or 4H "
            "(rnn; gru or lstm_nofg; lstm) for its H columns"
        )
    if found.shape(ih)[0] != rows or found.shape(ih)[1] < 1:
        raise found.refuse(f"{ih} has shape {found.shape(ih)}, expected ({rows}, I)")
    return _stored_or_default_cell(found, rows // H), H


def _stored_or_default_cell(found: _Contents, G: int) -> str:
    """The cell the metadata names, if it has G blocks; PyTorch's cell for G without one."""
    stored = found.meta.get(META_CELL)
    if stored is None:
        return CELL_BY_GATES[G]
    if stored not in CELL_SPECS:
        raise found.refuse(f"the file says cell {stored!r}, which VisualRNN does not know")
    if CELL_SPECS[stored].gate_count != G:
        raise found.refuse(
            f"the file says cell {stored!r}, but its shapes are a {CELL_BY_GATES[G]}'s"
        )
    return stored


def _layer_params(found: _Contents, prefix: str, cell: str, H: int) -> dict:
    """The four recurrent parameters; biases missing (``bias=False``) become zeros."""
    rows = len(GATE_BLOCKS[cell]) * H
    params = {k: found.tensors[prefix + k] for k in _LAYER_KEYS[:2]}
    for k in _LAYER_KEYS[2:]:
        params[k] = found.tensors.get(prefix + k, np.zeros(rows))
        if params[k].shape != (rows,):
            raise found.refuse(f"{prefix + k} has shape {params[k].shape}, expected ({rows},)")
    return params


def _head_params(found: _Contents, H: int, used: set) -> dict:
    """``head.weight`` (O, H) and ``head.bias`` (O,) from the one other weight, if any."""
    rest = [k for k in found.tensors if k not in used]
    heads = [k for k in rest if k.endswith("weight")]
    if len(heads) > 1:
        raise found.refuse(f"more than one candidate output layer ({', '.join(heads)})")
    params, taken = _one_head(found, heads[0], H) if heads else ({}, set())
    extra = [k for k in rest if k not in taken]
    if extra:
        raise found.refuse(f"unexpected keys {', '.join(extra)}")
    return params


def _one_head(found: _Contents, w_key: str, H: int) -> tuple[dict, set]:
    w = found.tensors[w_key]
    if w.ndim != 2 or w.shape[1] != H or w.shape[0] < 1:
        raise found.refuse(f"output layer {w_key} has shape {w.shape}, expected (O, {H})")
    b_key = w_key[: -len("weight")] + "bias"
    b = found.tensors.get(b_key, np.zeros(w.shape[0]))
    if b.shape != (w.shape[0],):
        raise found.refuse(f"output bias {b_key} has shape {b.shape}, expected ({w.shape[0]},)")
    return {"head.weight": w, "head.bias": b}, {w_key, b_key}


def _check_values(found: _Contents) -> None:
    """Every tensor of a float type and finite."""
    for k, a in found.tensors.items():
        if a.dtype.kind != "f":
            raise found.refuse(f"{k} has dtype {a.dtype}, not a float type")
        if not np.all(np.isfinite(a)):
            raise found.refuse(f"{k} contains NaN or inf")


def _pick_activation(found: _Contents, explicit: str | None) -> str:
    """Explicit argument > stored metadata > "tanh"."""
    if explicit is not None:
        if explicit not in ACTIVATIONS:
            raise ValueError(
                f"unknown activation {explicit!r}; choose one of {', '.join(ACTIVATIONS)}"
            )
        return explicit
    stored = found.meta.get(META_ACTIVATION, "tanh")
    if stored not in ACTIVATIONS:
        raise found.refuse(f"unknown stored activation {stored!r}")
    return stored


def _listing(shapes: dict) -> str:
    """``"fc.weight (1, 4), fc.bias (1,)"``, the first few keys only."""
    items = [f"{k} {tuple(s)}" for k, s in shapes.items()]
    if len(items) > _MAX_LISTED:
        items = items[:_MAX_LISTED] + [f"… ({len(items) - _MAX_LISTED} more)"]
    return ", ".join(items) or "no arrays"


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


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

    Readers never see a half-written file; on failure the temporary file is removed and
    the ``OSError`` propagates. The new file gets the usual permissions (umask applies).
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
