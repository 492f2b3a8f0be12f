"""Write trained weights under the parameter names of the file they were loaded from.

``train --weights lstm.safetensors`` must give back a file a PyTorch model with the same
attribute names loads directly: ``model.encoder.weight_ih_l0`` stays
``model.encoder.weight_ih_l0`` and ``fc.weight`` stays ``fc.weight``. Parameters the input
file did not have (biases of a ``bias=False`` layer, a head created for the task) get the
names :func:`~visualrnn.engine.weights.save_weights` uses.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
from safetensors import safe_open
from safetensors.numpy import save as safetensors_bytes

from ..engine.model import Model
from ..engine.weights import META_ACTIVATION, META_CELL, NPZ_META, SAVE_PREFIX, write_atomic

_RECURRENT = ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")


def stored_names(path: str) -> dict[str, str]:
    """Engine name → the key the weight file at ``path`` stores it under (those it has)."""
    keys = _keys(path)
    layer = [k for k in keys if k.endswith("weight_ih_l0")]
    if not layer:
        return {}
    prefix = layer[0][: -len("weight_ih_l0")]
    names = {n: prefix + n for n in _RECURRENT if prefix + n in keys}
    recurrent = {prefix + n for n in _RECURRENT}
    heads = [k for k in keys if k.endswith("weight") and k not in recurrent]
    if len(heads) == 1:
        names["head.weight"] = heads[0]
        bias = heads[0][: -len("weight")] + "bias"
        if bias in keys:
            names["head.bias"] = bias
    return names


def _keys(path: str) -> list[str]:
    if Path(path).suffix.lower() == ".safetensors":
        with safe_open(path, framework="np") as f:
            return list(f.keys())
    with np.load(path, allow_pickle=False) as z:
        return [k for k in z.files if k not in NPZ_META.values()]


def save_renamed(model: Model, path, names: dict[str, str]) -> None:
    """Write ``model`` (float64, atomically) with the keys ``names`` gives, others default.

    The cell and activation go into the metadata, as :func:`save_weights` writes them.
    """
    prefix = next(
        (v[: -len(k)] for k, v in names.items() if k in _RECURRENT), SAVE_PREFIX[model.cell]
    )
    tensors = {}
    for k, v in model.params.items():
        default = k if k.startswith("head.") else prefix + k
        tensors[names.get(k, default)] = np.ascontiguousarray(v, dtype=np.float64)
    meta = {META_ACTIVATION: model.activation, META_CELL: model.cell}
    name = os.fspath(path)
    if Path(name).suffix.lower() == ".safetensors":
        data = safetensors_bytes(tensors, metadata=meta)
    else:
        buf = io.BytesIO()
        np.savez(buf, **tensors, **{NPZ_META[k]: np.array(v) for k, v in meta.items()})
        data = buf.getvalue()
    write_atomic(name, data)
