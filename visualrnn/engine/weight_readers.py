"""Bounded readers for ``.npz`` and ``.safetensors`` weight files: headers before data.

Every shape, dtype and element count is read from the file's own headers — the zip central
directory and each member's ``.npy`` header, or the safetensors JSON header — and checked
against :mod:`.limits` before any array data is read, so a file that declares more than the
largest model VisualRNN runs is refused in microseconds whatever it claims. No pickle, no
``np.load``, no safetensors library on the reading side (its Rust panics derive from
``BaseException``). Failures raise :class:`WeightFileError` with one capped line.
"""

from __future__ import annotations

import json
import math
import zipfile

import numpy as np

from . import limits

#: safetensors dtype → little-endian NumPy dtype; only float types hold weights.
SAFETENSORS_FLOATS = {"F16": "<f2", "F32": "<f4", "F64": "<f8"}
_SAFETENSORS_ITEMSIZE = {"BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1, "I16": 2}
_SAFETENSORS_ITEMSIZE.update({"U16": 2, "BF16": 2, "F16": 2, "I32": 4, "U32": 4, "F32": 4})
_SAFETENSORS_ITEMSIZE.update({"I64": 8, "U64": 8, "F64": 8})


class WeightFileError(ValueError):
    """A weight file that cannot be read or does not hold a model VisualRNN can run.

    The message is always one plain-text line of at most ``limits.MAX_MESSAGE_CHARS``.
    """

    def __init__(self, message: str):
        super().__init__(one_line(message, limits.MAX_MESSAGE_CHARS))


def one_line(text: str, limit: int) -> str:
    """``text`` on one line (whitespace runs → one space), cut to ``limit`` with "…"."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(text, limit: int = 60) -> str:
    """Text from a file, shown safely: control characters and ``<``, ``>``, ``&`` escaped
    (so no renderer takes it for markup), cut to ``limit`` characters."""
    s = str(text)
    cut = s if len(s) <= limit else s[:limit] + "…"
    return "".join(c if c.isprintable() and c not in "<>&" else _escape(c) for c in cut)


def _escape(c: str) -> str:
    return c if c == "…" else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"


class _Budget:
    """Running totals of a file's arrays against :mod:`.limits`."""

    def __init__(self, name: str):
        self.name, self.arrays, self.elements = name, 0, 0

    def take(self, key: str, shape: tuple[int, ...]) -> int:
        """Count one array of ``shape``; refuse it beyond the limits. Returns its size."""
        if len(shape) > limits.MAX_NDIM or any(d < 0 for d in shape):
            raise self.refuse(f"{shown(key)} has an impossible shape {_shape(shape)}")
        count = math.prod(shape)
        if count > limits.MAX_ARRAY_ELEMENTS:
            raise self.refuse(
                f"{shown(key)} declares shape {_shape(shape)} ({count:,} values), more than "
                f"the {limits.MAX_ARRAY_ELEMENTS:,} of the largest model VisualRNN runs"
            )
        self.arrays += 1
        self.elements += count
        if self.arrays > limits.MAX_ARRAYS:
            raise self.refuse(f"more than {limits.MAX_ARRAYS} arrays")
        if self.elements > limits.MAX_FILE_ELEMENTS:
            raise self.refuse(
                f"its arrays declare more than {limits.MAX_FILE_ELEMENTS:,} values in all, "
                "more than the largest model VisualRNN runs"
            )
        return count

    def refuse(self, problem: str) -> WeightFileError:
        return WeightFileError(f"{self.name}: {problem}")

    def damaged(self, problem: str) -> WeightFileError:
        """A file that is not what its suffix says, or is truncated or damaged."""
        return WeightFileError(f"{self.name}: cannot read the file: {problem}")


def _shape(shape) -> str:
    return shown(tuple(shape), 40)


# --- .npz ---------------------------------------------------------------------------------


def read_npz(f, name: str, meta_keys: dict[str, str]):
    """All arrays of an ``.npz`` (a zip of ``.npy`` members), checked before they are read.

    Parameters
    ----------
    f : binary file, open and seekable.
    name : the file name shown in messages.
    meta_keys : member key → metadata name, for the 0-d text members that hold metadata.

    Returns
    -------
    tensors : dict key → float64 array; meta : dict metadata name → str.
    """
    budget = _Budget(name)
    _check_directory(budget, f)
    try:
        zf = zipfile.ZipFile(f)
    except zipfile.BadZipFile:
        raise budget.damaged("not an .npz archive (not a zip file, or truncated)") from None
    with zf:
        members = [_check_member(budget, info) for info in zf.infolist()]
        if len({key for key, _ in members}) != len(members):
            raise budget.damaged("a member name appears twice")
        tensors, meta = {}, {}
        for key, info in members:
            with zf.open(info) as stream:
                array = _read_npy(budget, key, _Bounded(stream, info.file_size), key in meta_keys)
            if key in meta_keys:
                meta[meta_keys[key]] = array
            else:
                tensors[key] = array
    return tensors, meta


def _check_directory(budget: _Budget, f) -> None:
    """Refuse a zip whose end record declares too many members or too large a directory.

    zipfile would build an object per central-directory entry before any check of ours.
    """
    f.seek(0, 2)
    size = f.tell()
    f.seek(max(0, size - (22 + 0xFFFF)))
    tail = f.read()
    f.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return  # not a zip: zipfile says so
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    if entries > limits.MAX_ARRAYS or directory > limits.MAX_ARRAYS * 2200:
        raise budget.refuse(f"more than {limits.MAX_ARRAYS} members (or a damaged zip directory)")


def _check_member(budget: _Budget, info: zipfile.ZipInfo) -> tuple[str, zipfile.ZipInfo]:
    """Refuse a member from its central-directory entry alone: name, method, sizes."""
    name = info.filename
    if info.is_dir() or not name.endswith(".npy"):
        raise budget.refuse(f"member {shown(name)} is not a .npy array")
    if info.flag_bits & 0x1:
        raise budget.refuse(f"member {shown(name)} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise budget.refuse(f"member {shown(name)} uses an unsupported compression method")
    largest = 8 * limits.MAX_ARRAY_ELEMENTS + limits.MAX_NPY_HEADER_BYTES + 16
    if info.file_size > largest:
        raise budget.refuse(
            f"member {shown(name)} declares {info.file_size:,} bytes, more than the largest "
            "array VisualRNN reads"
        )
    if info.file_size > (1 << 20) and info.file_size > limits.MAX_COMPRESSION_RATIO * max(
        info.compress_size, 1
    ):
        raise budget.refuse(
            f"member {shown(name)} claims to expand {info.compress_size:,} bytes to "
            f"{info.file_size:,} (a zip bomb?)"
        )
    return name[: -len(".npy")], info


class _Bounded:
    """A read-only stream that refuses to read past ``size`` bytes and counts what it read."""

    def __init__(self, stream, size: int):
        self.stream, self.left = stream, size

    def read(self, n: int = -1) -> bytes:
        n = self.left if n is None or n < 0 else min(n, self.left)
        data = self.stream.read(n)
        self.left -= len(data)
        return data


def _read_npy(budget: _Budget, key: str, stream: _Bounded, is_meta: bool):
    """One ``.npy`` member: magic, header (shape, order, dtype) checked, then the data."""
    try:
        version = np.lib.format.read_magic(stream)
        read_header = {
            (1, 0): np.lib.format.read_array_header_1_0,
            (2, 0): np.lib.format.read_array_header_2_0,
        }[version]
        shape, fortran, dtype = read_header(stream, max_header_size=limits.MAX_NPY_HEADER_BYTES)
    except (ValueError, KeyError, SyntaxError, TypeError, RecursionError, MemoryError):
        raise budget.damaged(f"{shown(key)} is not a readable .npy array") from None
    if is_meta:
        return _npy_text(budget, key, stream, shape, dtype)
    _check_npy_dtype(budget, key, dtype)
    count = budget.take(key, tuple(shape))
    data = stream.read(count * dtype.itemsize)
    if len(data) != count * dtype.itemsize or stream.left:
        raise budget.damaged(f"{shown(key)} does not hold the {count:,} values its header says")
    order = "F" if fortran else "C"
    return np.frombuffer(data, dtype).reshape(shape, order=order).astype(np.float64)


def _check_npy_dtype(budget: _Budget, key: str, dtype: np.dtype) -> None:
    if dtype.hasobject:
        raise budget.refuse(f"{shown(key)} is an object array, which needs pickle; refused")
    if dtype.kind != "f" or dtype.fields is not None or dtype.itemsize not in (2, 4, 8):
        raise budget.refuse(f"{shown(key)} has dtype {shown(dtype.name)}, not a float type")


def _npy_text(budget: _Budget, key: str, stream: _Bounded, shape, dtype: np.dtype) -> str:
    """A 0-d text member (metadata), at most ``limits.MAX_META_CHARS`` characters."""
    chars = dtype.itemsize // 4 if dtype.kind == "U" else 0
    if shape != () or dtype.kind != "U" or chars > limits.MAX_META_CHARS:
        raise budget.refuse(f"metadata {shown(key)} must be a short 0-d text array")
    data = stream.read(dtype.itemsize)
    if len(data) != dtype.itemsize or stream.left:
        raise budget.damaged(f"metadata {shown(key)} is truncated")
    return str(np.frombuffer(data, dtype)[0])


# --- .safetensors -------------------------------------------------------------------------


def read_safetensors(f, name: str, size: int):
    """All tensors of a ``.safetensors`` file, its JSON header checked before any data.

    Layout: 8 bytes little-endian header length N, N bytes of JSON
    ``{key: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {str: str}}``,
    then the data, which the offsets must tile exactly.

    Returns
    -------
    tensors : dict key → float64 array; meta : dict str → str (values cut to
        ``limits.MAX_META_CHARS``).
    """
    budget = _Budget(name)
    header, data_start = _safetensors_header(budget, f, size)
    meta = _safetensors_meta(budget, header.pop("__metadata__", None))
    entries = [_safetensors_entry(budget, k, v) for k, v in header.items()]
    _check_tiling(budget, entries, size - data_start)
    tensors = {}
    for key, dtype, shape, begin, end in entries:
        f.seek(data_start + begin)
        raw = f.read(end - begin)
        if len(raw) != end - begin:
            raise budget.damaged(f"{shown(key)} is truncated")
        array = np.frombuffer(raw, SAFETENSORS_FLOATS[dtype]).reshape(shape)
        tensors[key] = array.astype(np.float64)
    return tensors, meta


def _safetensors_header(budget: _Budget, f, size: int) -> tuple[dict, int]:
    head = f.read(8)
    if len(head) < 8:
        raise budget.damaged("too short to be a .safetensors file")
    n = int.from_bytes(head, "little")
    if n > limits.MAX_HEADER_BYTES:
        raise budget.damaged(f"not a .safetensors file (a header of {n:,} bytes is declared)")
    if 8 + n > size:
        raise budget.damaged(f"not a .safetensors file (its {n:,}-byte header is truncated)")
    try:
        header = json.loads(f.read(n).decode("utf-8"), object_pairs_hook=_unique_keys)
    except (ValueError, RecursionError) as e:
        raise budget.damaged(f"not a .safetensors file (bad header: {shown(e)})") from None
    if not isinstance(header, dict):
        raise budget.damaged("not a .safetensors file (its header is not a JSON object)")
    return header, 8 + n


def _unique_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key appears twice")
    return dict(pairs)


def _safetensors_meta(budget: _Budget, meta) -> dict[str, str]:
    if meta is None:
        return {}
    if not isinstance(meta, dict) or not all(isinstance(v, str) for v in meta.values()):
        raise budget.refuse("its __metadata__ must map text to text")
    return {k: v[: limits.MAX_META_CHARS] for k, v in meta.items() if k.startswith("visualrnn.")}


def _safetensors_entry(budget: _Budget, key: str, entry) -> tuple:
    """(key, dtype, shape, begin, end) of one header entry, checked."""
    ok = isinstance(entry, dict) and isinstance(entry.get("dtype"), str)
    shape, offsets = (entry.get("shape"), entry.get("data_offsets")) if ok else (None, None)
    if not (ok and _ints(shape) and _ints(offsets) and len(offsets) == 2):
        raise budget.damaged(f"{shown(key)} has a malformed header entry")
    dtype, shape = entry["dtype"], tuple(shape)
    if dtype not in SAFETENSORS_FLOATS:
        raise budget.refuse(
            f"{shown(key)} has dtype {shown(dtype, 12)}, not a float type (F16, F32, F64)"
        )
    count = budget.take(key, shape)
    begin, end = offsets
    if not 0 <= begin <= end or end - begin != count * _SAFETENSORS_ITEMSIZE[dtype]:
        raise budget.damaged(f"{shown(key)}: its data offsets do not match its shape and dtype")
    return key, dtype, shape, begin, end


def _ints(value) -> bool:
    return isinstance(value, list) and all(type(v) is int for v in value)


def _check_tiling(budget: _Budget, entries: list, data_size: int) -> None:
    """The tensors' byte ranges must cover the data exactly, without gaps or overlaps."""
    position = 0
    for _, _, _, begin, end in sorted(entries, key=lambda e: (e[3], e[4])):
        if begin != position:
            raise budget.damaged("not a .safetensors file (its data offsets leave gaps or overlap)")
        position = end
    if position != data_size:
        raise budget.damaged(
            f"not a .safetensors file (its tensors declare {position:,} bytes of data, "
            f"the file holds {data_size:,})"
        )
