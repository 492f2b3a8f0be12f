"""The layouts of the cell diagrams: Fig. 8.4 (RNN), Fig. 8.6/8.7 (LSTM), the 1997 LSTM, the GRU.

Pure data (scene coordinates, no Qt objects): value boxes (a vector shown as bars), gate
boxes (σ or tanh, showing their output as bars), pointwise operations (×, +, tanh, 1−) and
wires (polylines, the arrow at the end).
"""

from __future__ import annotations

from dataclasses import dataclass, field

VALUE_W, VALUE_H = 136.0, 112.0
GATE_W, GATE_H = 124.0, 116.0
OP_R = 22.0


@dataclass(frozen=True)
class Box:
    """A vector shown as bars per unit.

    key : the step record's key (``h_prev``, ``x``, ``f``, …); title : what the box says;
    act : "σ" / "tanh" for gates (drawn as a gate), "" for plain values; center : (x, y);
    gate : bars from 0 to 1 (sequential colours) instead of ±vmax (diverging).
    """

    key: str
    title: str
    center: tuple[float, float]
    act: str = ""
    gate: bool = False


@dataclass(frozen=True)
class Op:
    """A pointwise operation node: ``×``, ``+``, ``tanh`` or ``1−``."""

    text: str
    center: tuple[float, float]


@dataclass(frozen=True)
class Diagram:
    cell: str
    width: float
    height: float
    boxes: list[Box]
    ops: list[Op]
    wires: list[list[tuple[float, float]]]
    #: Wires drawn thick and coloured: the c conveyor (LSTMs) or the h path (GRU).
    main_wires: list[list[tuple[float, float]]] = field(default_factory=list)


#: The label of the simple RNN's activation φ, as the equations write it.
ACTIVATION_LABEL = {"tanh": "tanh", "relu": "relu", "identity": "id"}


def rnn_diagram(activation: str = "tanh") -> Diagram:
    """Fig. 8.4: [h_{t−1}, x_t] → φ layer (W, b) → h_t, and the output layer → y_t.

    ``activation`` (tanh / relu / identity) labels the layer's box.
    """
    act = ACTIVATION_LABEL.get(activation, activation)
    boxes = [
        Box("h_prev", "h_{t−1}", (80, 330)),
        Box("x", "x_t", (380, 540)),
        Box("h", "h_t", (380, 330), act=act),
        Box("h_out", "h_t", (740, 330)),
        Box("y_layer", "output", (560, 180), act="out"),
        Box("y", "y_t", (560, 62)),
    ]
    wires = [
        [(140, 330), (320, 330)],
        [(380, 488), (380, 386)],
        [(440, 330), (680, 330)],
        [(560, 330), (560, 236)],
        [(560, 124), (560, 118)],
    ]
    return Diagram("rnn", 820, 600, boxes, [], wires)


def lstm_diagram(activation: str = "tanh") -> Diagram:
    """Fig. 8.6/8.7: the c conveyor on top (× f, + i⊙z), four gates below, h = o ⊙ tanh(c).

    ``activation`` is ignored (the LSTM always uses σ and tanh).
    """
    return _lstm_layout(forget=True)


def lstm_nofg_diagram(activation: str = "tanh") -> Diagram:
    """Hochreiter & Schmidhuber's 1997 LSTM: the LSTM's layout without the forget gate f.

    c_{t−1} enters the + directly (c_t = c_{t−1} + i ⊙ z); the gates i, z, o keep their
    places, so the two pictures compare side by side. ``activation`` is ignored.
    """
    return _lstm_layout(forget=False)


def _lstm_layout(forget: bool) -> Diagram:
    gy = 340
    gates = [("i", 400, "σ"), ("z", 530, "tanh"), ("o", 660, "σ")]
    if forget:
        gates.insert(0, ("f", 270, "σ"))
    boxes = [
        Box("c_prev", "c_{t−1}", (70, 80)),
        Box("h_prev", "h_{t−1}", (70, 520)),
        Box("x", "x_t", (220, 600)),
    ]
    boxes += [Box(k, k, (gx, gy), act=act, gate=act == "σ") for k, gx, act in gates]
    boxes += [Box("c", "c_t", (880, 80)), Box("h", "h_t", (880, 250)), Box("y", "y_t", (880, 420))]
    ops = [
        Op("+", (465, 80)),
        Op("×", (465, 190)),
        Op("tanh", (770, 150)),
        Op("×", (770, 250)),
    ]
    bus = 480
    wires = [
        [(400, gy - GATE_H / 2), (400, 190), (465 - OP_R, 190)],
        [(530, gy - GATE_H / 2), (530, 190), (465 + OP_R, 190)],
        [(465, 190 - OP_R), (465, 80 + OP_R)],
        [(770, 80), (770, 150 - OP_R)],
        [(770, 150 + OP_R), (770, 250 - OP_R)],
        [(660, gy - GATE_H / 2), (660, 250), (770 - OP_R, 250)],
        [(770 + OP_R, 250), (820, 250)],
        [(880, 250 + VALUE_H / 2), (880, 420 - VALUE_H / 2)],
        [(130, 520), (200, 520), (200, bus), (660, bus)],
        [(220, 600 - VALUE_H / 2), (220, bus)],
    ]
    wires += [[(gx, bus), (gx, gy + GATE_H / 2)] for _, gx, _ in gates]
    main = [[(465 + OP_R, 80), (820, 80)]]
    if forget:
        ops.insert(0, Op("×", (270, 80)))
        wires.insert(0, [(270, gy - GATE_H / 2), (270, 80 + OP_R)])
        main[:0] = [[(130, 80), (270 - OP_R, 80)], [(270 + OP_R, 80), (465 - OP_R, 80)]]
    else:
        main.insert(0, [(130, 80), (465 - OP_R, 80)])
    return Diagram("lstm" if forget else "lstm_nofg", 950, 660, boxes, ops, wires, main)


def gru_diagram(activation: str = "tanh") -> Diagram:
    """The standard GRU: h_{t−1} on top, h = (1 − z) ⊙ n + z ⊙ h_{t−1}; r feeds into n.

    ``activation`` is ignored (the GRU always uses σ and tanh).
    """
    gy = 340
    boxes = [
        Box("h_prev", "h_{t−1}", (70, 80)),
        Box("x", "x_t", (220, 600)),
        Box("z", "z", (290, gy), act="σ", gate=True),
        Box("r", "r", (450, gy), act="σ", gate=True),
        Box("n", "n", (620, gy), act="tanh"),
        Box("h", "h_t", (880, 80)),
        Box("y", "y_t", (880, 300)),
    ]
    ops = [Op("×", (290, 80)), Op("+", (740, 80)), Op("1−", (450, 200)), Op("×", (620, 200))]
    bus = 480
    wires = [
        [(290, gy - GATE_H / 2), (290, 80 + OP_R)],
        [(290, 200), (450 - OP_R, 200)],
        [(450 + OP_R, 200), (620 - OP_R, 200)],
        [(620, gy - GATE_H / 2), (620, 200 + OP_R)],
        [(620 + OP_R, 200), (740, 200), (740, 80 + OP_R)],
        [(450 + GATE_W / 2, gy), (620 - GATE_W / 2, gy)],
        [(880, 80 + VALUE_H / 2), (880, 300 - VALUE_H / 2)],
        [(70, 80 + VALUE_H / 2), (70, bus), (620, bus)],
        [(220, 600 - VALUE_H / 2), (220, bus)],
    ]
    wires += [[(gx, bus), (gx, gy + GATE_H / 2)] for gx in (290, 450, 620)]
    main = [
        [(130, 80), (290 - OP_R, 80)],
        [(290 + OP_R, 80), (740 - OP_R, 80)],
        [(740 + OP_R, 80), (820, 80)],
    ]
    return Diagram("gru", 950, 660, boxes, ops, wires, main)


def diagram(cell: str, activation: str = "tanh") -> Diagram:
    """The layout of ``cell``; the simple RNN's layer is labelled with its ``activation``."""
    from .cellspec import cell_spec  # the specs refer to the layouts above

    return cell_spec(cell).diagram(activation)
