"""Size limits: what one lesson may cost, and what a weight file may declare.

Every edit recomputes the whole trace and its gradients, so a lesson must stay small enough
to compute in a few seconds and to fit in a laptop's memory. :func:`work_estimate` counts
what costs time (multiply-adds, per-step overhead, the Jacobian products) and memory (the
(T, ·) arrays of the forward and backward passes) from T, H, I, O and the cell, before
anything is computed. The weight-file limits follow from the largest model the app runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cellspec import cell_spec

#: The longest sequence (steps T) the parsers, generators and lessons accept.
MAX_STEPS = 10_000
#: The largest hidden size H.
MAX_HIDDEN = 512
#: The largest input size I and output size O (values per step, text vocabulary, classes).
MAX_FEATURES = 1024
#: The most numbers one typed sequence (input or targets, T·I) may hold: 10,000 steps of 10
#: values. Stretching one step of 300 values to 10,000 steps wrote, parsed and showed
#: 3,000,000 numbers on the interface's thread (a 15 s freeze in a chaos run).
MAX_TYPED_VALUES = 100_000
#: The longest typed sequence text (about 15 characters per number).
MAX_TYPED_CHARS = 15 * MAX_TYPED_VALUES

#: Interpreter overhead of one step (forward and backward loops), in multiply-adds.
STEP_OVERHEAD = 100_000
#: Element-wise operations per gate unit and step (activations, products, their slopes).
ELEMENTWISE = 30
#: Cost of one step of ‖∂h_{T−1}/∂h_t‖ (a product with W_h and a spectral norm) per H³.
JACOBIAN = 4
#: float64 arrays of size G·H, H, I and O kept per step by the forward + backward pass
#: (measured with tracemalloc, B = 1, H = 64: LSTM ≈ 3.8·G·H, GRU ≈ 4.7·G·H, RNN ≈ 6.1·H;
#: y/dy/targets ≈ 4·O): the bounds leave room.
PER_STEP_ARRAYS = {"GH": 9, "H": 3, "I": 2, "O": 5}


@dataclass(frozen=True)
class Work:
    """What one forward + BPTT run costs: ``ops`` multiply-adds, ``bytes`` of memory."""

    ops: float
    bytes: float


def work_estimate(T: int, H: int, I: int, O: int, cell: str, *, jacobians=False) -> Work:
    """The time and memory of one run over T steps, before computing it.

    Parameters
    ----------
    T, H, I, O : int
        Steps, hidden units, inputs and outputs per step (O = H without a head).
    cell : str
        A key of :data:`~.cellspec.CELL_SPECS`; G = its number of weight blocks.
    jacobians : bool
        Whether ‖∂h_{T−1}/∂h_t‖ is computed too (simple RNN; O(T·H³)).

    Returns
    -------
    Work
        ``ops``: T·(3·G·H² + 2·G·H·I + 3·H·O + 30·G·H + overhead) (+ 4·T·H³), the forward
        and backward products with W_h, W_x and the head; ``bytes``: 8 × the elements of the
        per-step arrays plus three copies of the parameters.
    """
    G = cell_spec(cell).gate_count
    per_step = 3 * G * H * H + 2 * G * H * I + 3 * H * O + ELEMENTWISE * G * H + STEP_OVERHEAD
    if jacobians:
        per_step += JACOBIAN * H**3
    a = PER_STEP_ARRAYS
    elements = T * (a["GH"] * G * H + a["H"] * H + a["I"] * I + a["O"] * O)
    params = G * H * (I + H + 2) + O * (H + 1)
    return Work(ops=float(T) * per_step, bytes=8.0 * (elements + 3 * params))


#: The largest lesson computed live: T = 10,000 steps of an LSTM with H = 256 and one input
#: and output (about 3 s and 0.5 GB on a 2-core laptop). A run may cost at most as much time
#: (:data:`MAX_WORK`, 9.2·10⁹) and memory (:data:`MAX_BYTES`, 0.8 GB by this estimate).
REFERENCE_LESSON = {"T": MAX_STEPS, "H": 256, "I": 1, "O": 1, "cell": "lstm"}
MAX_WORK = work_estimate(**REFERENCE_LESSON).ops
MAX_BYTES = work_estimate(**REFERENCE_LESSON).bytes


def check_work(T: int, H: int, I: int, O: int, cell: str, *, jacobians=False) -> Work:
    """Refuse a run that would cost more than :data:`MAX_WORK` or :data:`MAX_BYTES`.

    Raises
    ------
    ValueError
        Naming the sizes and what to reduce, on one line.
    """
    w = work_estimate(T, H, I, O, cell, jacobians=jacobians)
    if w.ops <= MAX_WORK and w.bytes <= MAX_BYTES:
        return w
    sizes = f"{T} steps of a {cell_spec(cell).label} with H = {H}, I = {I}, O = {O}"
    if jacobians and work_estimate(T, H, I, O, cell).ops <= MAX_WORK:
        reason = "with the Jacobian norms (T·H³)"
    elif w.bytes > MAX_BYTES:
        reason = f"(about {w.bytes / 1e9:.1f} GB; the limit is {MAX_BYTES / 1e9:.1f} GB)"
    else:
        reason = f"(about {w.ops / MAX_WORK:.1f}× the largest lesson)"
    raise ValueError(
        f"{sizes} is too large to compute live {reason}; use fewer steps, hidden units, "
        "inputs or outputs"
    )


# --- weight files -------------------------------------------------------------------------

#: The largest array a weight file may hold: weight_ih (G·H, I) of an LSTM with
#: H = MAX_HIDDEN and I = MAX_FEATURES (2,097,152 elements, 16 MB as float64).
MAX_ARRAY_ELEMENTS = 4 * MAX_HIDDEN * max(MAX_HIDDEN, MAX_FEATURES)
#: All arrays of a file together: the largest LSTM's four recurrent parameters and its head.
MAX_FILE_ELEMENTS = 4 * MAX_HIDDEN * (MAX_FEATURES + MAX_HIDDEN + 2) + MAX_FEATURES * (
    MAX_HIDDEN + 1
)
#: Largest weight file on disk (float64 data, headers and zip overhead included).
MAX_FILE_BYTES = 8 * MAX_FILE_ELEMENTS + (1 << 20)
#: Most arrays (npz members, safetensors entries) in one file.
MAX_ARRAYS = 64
#: Largest safetensors JSON header and .npy header, in bytes.
MAX_HEADER_BYTES = 1 << 20
MAX_NPY_HEADER_BYTES = 10_000
#: Largest dimension count of one array.
MAX_NDIM = 8
#: Deflate cannot compress more than about 1032 : 1; a member that claims more is a lie.
MAX_COMPRESSION_RATIO = 1100
#: Longest metadata text kept, and the longest refusal message.
MAX_META_CHARS = 256
MAX_MESSAGE_CHARS = 300
