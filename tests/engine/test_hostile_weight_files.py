"""Hostile weight files, generated here: refused fast, in one plain line, whatever they claim.

No file is committed: each test builds its own (a lying .npy header, zip bombs, a sparse
.safetensors declaring GiBs, non-array members, unreadable paths, HTML metadata).
"""

import io
import json
import os
import struct
import time
import zipfile

import numpy as np
import pytest

from visualrnn.cli import main
from visualrnn.engine import init_model, limits, weights
from visualrnn.engine.weights import WeightFileError, load_weights, save_weights


def refused(path, *fragments, seconds=1.0):
    """Loading ``path`` fails within ``seconds`` with one short plain line naming it."""
    start = time.perf_counter()
    with pytest.raises(WeightFileError) as info:
        load_weights(path)
    assert time.perf_counter() - start < seconds
    message = str(info.value)
    assert "\n" not in message and len(message) <= limits.MAX_MESSAGE_CHARS
    assert "<" not in message and ">" not in message
    assert os.path.basename(str(path)) in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def npy_bytes(shape, descr="<f8", data=None) -> bytes:
    """A .npy header claiming ``shape`` of ``descr``, followed by ``data`` (default: the
    right number of zero bytes for a small shape, 16 bytes for a huge one)."""
    buf = io.BytesIO()
    header = {"descr": descr, "fortran_order": False, "shape": shape}
    np.lib.format.write_array_header_1_0(buf, header)
    if data is None:
        nbytes = np.dtype(descr).itemsize * int(np.prod(shape, dtype=object))
        data = bytes(nbytes) if nbytes <= 2**20 else bytes(16)
    return buf.getvalue() + data


def write_zip(path, members: dict, method=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_tiny_npz_whose_header_claims_a_trillion_values(tmp_path):
    path = write_zip(tmp_path / "liar.npz", {"rnn.weight_ih_l0.npy": npy_bytes((10**6, 10**6))})
    assert path.stat().st_size < 700
    refused(path, "(1000000, 1000000)", "largest model")


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path):
    """64 MB of zeros deflated to ~64 KB: the declared size is refused, nothing inflated."""
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("w.npy", "w") as m:
        m.write(npy_bytes((8 * 2**20,), data=b""))
        chunk = bytes(2**20)
        for _ in range(64):
            m.write(chunk)
    assert path.stat().st_size < 200_000
    refused(path, "declares", "bytes")


def _patch_sizes(data: bytes, compressed: int, uncompressed: int) -> bytes:
    """Rewrite the one member's sizes in its local header and central-directory entry."""
    data = bytearray(data)
    struct.pack_into("<II", data, 18, compressed, uncompressed)
    cd = data.rfind(b"PK\x01\x02")
    struct.pack_into("<II", data, cd + 20, compressed, uncompressed)
    return bytes(data)


def test_a_zip_that_claims_an_impossible_ratio(tmp_path):
    path = write_zip(tmp_path / "ratio.npz", {"w.npy": npy_bytes((10,))}, zipfile.ZIP_DEFLATED)
    data = path.read_bytes()
    cd = data.rfind(b"PK\x01\x02")
    compressed = struct.unpack_from("<I", data, cd + 20)[0]
    path.write_bytes(_patch_sizes(data, compressed, compressed * 5000 + 2**21))
    refused(path, "zip bomb")


def test_a_zip_that_understates_its_size_is_read_no_further(tmp_path):
    """Declared 200 bytes, really 80 KB: reading stops at 200 and the array is refused."""
    member = npy_bytes((100, 100), data=bytes(80_000))
    path = write_zip(tmp_path / "short.npz", {"w.npy": member}, zipfile.ZIP_DEFLATED)
    data = path.read_bytes()
    cd = data.rfind(b"PK\x01\x02")
    compressed = struct.unpack_from("<I", data, cd + 20)[0]
    path.write_bytes(_patch_sizes(data, compressed, 200))
    refused(path, "cannot read")


def test_a_sparse_safetensors_declaring_gibibytes(tmp_path):
    path = tmp_path / "sparse.safetensors"
    n = 3 * 2**30
    header = json.dumps({"w": {"dtype": "F64", "shape": [n // 8], "data_offsets": [0, n]}})
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header.encode())
        f.truncate(8 + len(header) + n)  # a hole: no disk space, 3 GiB apparent size
    refused(path, "MB is larger than any model")


def test_a_small_safetensors_whose_header_declares_gibibytes(tmp_path):
    path = tmp_path / "claims.safetensors"
    n = 3 * 2**30
    header = json.dumps({"w": {"dtype": "F64", "shape": [n // 8], "data_offsets": [0, n]}})
    path.write_bytes(struct.pack("<Q", len(header)) + header.encode() + bytes(64))
    refused(path, "402653184", "largest model")


def test_a_safetensors_header_length_beyond_the_limit(tmp_path):
    path = tmp_path / "huge_header.safetensors"
    path.write_bytes(struct.pack("<Q", 2**40) + b"{}")
    refused(path, "cannot read")


@pytest.mark.parametrize(
    ("member", "data", "words"),
    [
        ("readme.txt", b"hello", "is not a .npy array"),
        ("w.npy", b"just text, no magic", "not a readable .npy array"),
        ("folder/", b"", "is not a .npy array"),
    ],
)
def test_npz_members_that_are_not_arrays(tmp_path, member, data, words):
    path = write_zip(tmp_path / "odd.npz", {"rnn.weight_ih_l0.npy": npy_bytes((1,)), member: data})
    refused(path, words)


@pytest.mark.parametrize("descr", ["|O", "<i8", "<c16", [("a", "<f8")], "<U4", "|b1"])
def test_npz_arrays_that_are_not_floats(tmp_path, descr):
    path = write_zip(tmp_path / "types.npz", {"w.npy": npy_bytes((2,), descr=descr)})
    refused(path, "w")


def test_twenty_thousand_npz_members_are_refused_from_the_end_record(tmp_path):
    members = {f"k{i}.npy": b"" for i in range(20_000)}
    refused(write_zip(tmp_path / "many.npz", members), "more than 64 members")


def _safetensors_with_meta(path, meta: dict):
    model = init_model("rnn", 1, 2, 1)
    from safetensors.numpy import save_file

    tensors = {f"rnn.{k}" if "head" not in k else k: v for k, v in model.params.items()}
    save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, str(path), meta)
    return path


def test_html_metadata_and_twenty_thousand_extra_keys(tmp_path):
    meta = {f"extra.{i}": "<b>x</b>" * 3 for i in range(20_000)}
    meta["visualrnn.activation"] = "<h1>BIG</h1>" * 50
    path = _safetensors_with_meta(tmp_path / "html.safetensors", meta)
    message = refused(path, "unknown stored activation", "\\x3ch1\\x3eBIG")
    assert "extra." not in message


def test_html_in_the_stored_cell(tmp_path):
    path = _safetensors_with_meta(tmp_path / "cell.safetensors", {"visualrnn.cell": "<i>x</i>"})
    refused(path, "VisualRNN does not know")


def test_html_in_key_names(tmp_path):
    path = write_zip(tmp_path / "keys.npz", {"<script>.npy": npy_bytes((2,))})
    refused(path, "\\x3cscript\\x3e")


def test_a_directory_is_not_a_file(tmp_path):
    d = tmp_path / "folder.npz"
    d.mkdir()
    refused(d, "not a regular file")


def test_a_missing_file_and_a_missing_folder(tmp_path):
    refused(tmp_path / "absent.npz", "no such file")
    (tmp_path / "plain").write_text("x")
    refused(tmp_path / "plain" / "m.safetensors", "no such file")


@pytest.mark.parametrize("suffix", [".npz", ".safetensors"])
def test_an_unreadable_file_is_permission_denied(tmp_path, monkeypatch, suffix):
    path = tmp_path / f"locked{suffix}"
    save_weights(init_model("rnn", 1, 2, 1), path)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anyway: make open() say what the OS would

            def denied(*args, **kwargs):
                raise PermissionError(13, "Permission denied", str(path))

            monkeypatch.setattr(weights, "open", denied, raising=False)
        refused(path, "permission denied")
    finally:
        path.chmod(0o600)


def test_any_failure_type_becomes_a_refusal_but_interrupts_pass(tmp_path, monkeypatch):
    path = tmp_path / "m.safetensors"
    save_weights(init_model("rnn", 1, 2, 1), path)

    class PanicException(BaseException):  # what the safetensors Rust panics derive from
        pass

    for error, words in [
        (PanicException("called `Result::unwrap()` on an `Err`"), "PanicException"),
        (MemoryError(), "not enough memory"),
        (AttributeError("'bytes' object has no attribute 'shape'"), "AttributeError"),
        (RecursionError(), "RecursionError"),
    ]:

        def fail(*args, error=error):
            raise error

        monkeypatch.setattr(weights, "read_safetensors", fail)
        refused(path, words)
    for stop in (KeyboardInterrupt, SystemExit):

        def interrupt(*args, stop=stop):
            raise stop()

        monkeypatch.setattr(weights, "read_safetensors", interrupt)
        with pytest.raises(stop):
            load_weights(path)


def test_a_very_long_path_keeps_the_message_short(tmp_path):
    deep = tmp_path / ("d" * 200) / ("e" * 200)
    deep.mkdir(parents=True)
    message = refused(deep / "missing.npz", "no such file")
    assert message.startswith("…")


@pytest.mark.parametrize(
    "make",
    [
        lambda p: write_zip(p.with_suffix(".npz"), {"a.npy": npy_bytes((10**6, 10**6))}),
        lambda p: write_zip(p.with_suffix(".npz"), {"a.txt": b"x"}),
        lambda p: p.with_suffix(".npz"),  # missing
    ],
)
def test_the_trace_command_exits_2_with_one_line(tmp_path, capsys, make):
    path = make(tmp_path / "hostile")
    code = main(["trace", "--weights", str(path), "--input", "1", "--out", str(tmp_path / "t.npz")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    ("shapes", "words"),
    [
        ({"rnn.weight_ih_l0": (600, 1), "rnn.weight_hh_l0": (600, 600)}, "hidden size H = 600"),
        ({"rnn.weight_ih_l0": (2, 1100), "rnn.weight_hh_l0": (2, 2)}, "input size I = 1,100"),
        (
            {"rnn.weight_ih_l0": (2, 1), "rnn.weight_hh_l0": (2, 2), "fc.weight": (2000, 2)},
            "output size O = 2,000",
        ),
    ],
)
def test_models_larger_than_the_app_runs(tmp_path, shapes, words):
    path = tmp_path / "big.npz"
    np.savez(path, **{k: np.zeros(s) for k, s in shapes.items()})
    refused(path, words, "above the limit")


def test_the_trace_command_refuses_a_run_too_large_to_compute(tmp_path, capsys):
    path = tmp_path / "big.npz"
    save_weights(init_model("lstm", 1, 512, 1), path)
    out = tmp_path / "t.npz"
    code = main(["trace", "--weights", str(path), "--input", "0 " * 10_000, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "too large to compute live" in err
    assert not out.exists()
