"""Compatibility shim: the diagrams moved to :mod:`visualrnn.engine.cell_diagrams`."""

from visualrnn.engine.cell_diagrams import *  # noqa: F403
from visualrnn.engine.cell_diagrams import (  # noqa: F401
    ACTIVATION_LABEL,
    GATE_H,
    GATE_W,
    OP_R,
    VALUE_H,
    VALUE_W,
    Box,
    Diagram,
    Op,
    diagram,
    gru_diagram,
    lstm_diagram,
    rnn_diagram,
)
