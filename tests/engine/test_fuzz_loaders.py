"""Hypothesis: a weight file of any content loads as a Model or raises WeightFileError.

Random bytes, valid files with bytes flipped, cut or inserted, safetensors headers of any
JSON, and zips of .npy members with any header — nothing but the documented error may
escape, and its message is one short line that names the file.
"""

import io
import json
import struct
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visualrnn.engine import Model, init_model, limits
from visualrnn.engine.weights import WeightFileError, load_weights, save_weights

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SUFFIXES = [".npz", ".safetensors"]


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    """The bytes of small valid files, per suffix: an LSTM with a head, a GRU without."""
    d = tmp_path_factory.mktemp("originals")
    out = {}
    for suffix in SUFFIXES:
        files = []
        for model in (init_model("lstm", 2, 2, 1, seed=1), init_model("gru", 1, 2, None)):
            path = d / f"m{suffix}"
            save_weights(model, path)
            files.append(path.read_bytes())
        out[suffix] = files
    return out


def load_bytes(tmp_path, suffix: str, data: bytes):
    """Write ``data`` as a weight file and load it: a Model, or the refusal's message."""
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        return load_weights(path)
    except WeightFileError as e:
        message = str(e)
        assert "\n" not in message and len(message) <= limits.MAX_MESSAGE_CHARS
        assert path.name in message
        return message


@FUZZ
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_random_bytes(tmp_path, suffix, data):
    load_bytes(tmp_path, suffix, data)


@FUZZ
@given(st.sampled_from(SUFFIXES), st.binary(max_size=400))
def test_random_bytes_behind_a_plausible_start(tmp_path, suffix, data):
    start = b"PK\x03\x04" if suffix == ".npz" else struct.pack("<Q", len(data))
    load_bytes(tmp_path, suffix, start + data)


mutation = st.tuples(
    st.sampled_from(["flip", "cut", "insert", "set"]), st.floats(0, 1), st.binary(max_size=8)
)


@FUZZ
@given(st.sampled_from(SUFFIXES), st.integers(0, 1), st.lists(mutation, min_size=1, max_size=4))
def test_valid_files_with_damage(tmp_path, originals, suffix, which, mutations):
    data = bytearray(originals[suffix][which])
    for kind, where, payload in mutations:
        at = int(where * (len(data) - 1))
        if kind == "flip":
            data[at] ^= 0xFF
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = payload
        elif payload:
            data[at : at + len(payload)] = payload
        if not data:
            break
    result = load_bytes(tmp_path, suffix, bytes(data))
    assert isinstance(result, (Model, str))


scalars = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats()
json_values = st.recursive(
    scalars | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
entry = st.fixed_dictionaries(
    {},
    optional={
        "dtype": st.sampled_from(["F64", "F32", "F16", "BF16", "I64", "U8", "BOOL", "X"]),
        "shape": st.lists(st.integers(-2, 2**40), max_size=3) | json_values,
        "data_offsets": st.lists(st.integers(-8, 2**40), max_size=3) | json_values,
    },
)


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["rnn.weight_ih_l0", "rnn.weight_hh_l0", "fc.weight", "__metadata__", "x"]),
        entry | json_values,
        max_size=5,
    ),
    st.binary(max_size=200),
)
def test_safetensors_headers_of_any_json(tmp_path, header, data):
    text = json.dumps(header).encode()
    load_bytes(tmp_path, ".safetensors", struct.pack("<Q", len(text)) + text + data)


npy_header = st.fixed_dictionaries(
    {
        "descr": st.sampled_from(["<f8", ">f4", "<f2", "|O", "<i4", "<U8", "|V8", "<c8"]),
        "fortran_order": st.booleans(),
        "shape": st.lists(st.integers(0, 2**31), max_size=3).map(tuple),
    }
)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["rnn.weight_ih_l0.npy", "rnn.weight_hh_l0.npy", "a.npy", "b.txt"]),
            npy_header,
            st.integers(0, 256),
        ),
        max_size=4,
    ),
    st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
)
def test_npz_members_with_any_npy_header(tmp_path, members, method):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, header, nbytes in members:
            npy = io.BytesIO()
            np.lib.format.write_array_header_1_0(npy, header)
            zf.writestr(name, npy.getvalue() + bytes(nbytes))
    load_bytes(tmp_path, ".npz", buf.getvalue())
