"""How the views name and reach a cell's quantities, read from the engine's description.

Every view asks :func:`spec_of` what a cell has (its gates, states, memory path, diagram)
instead of comparing cell names; the names shown come from the description through one
translatable pattern each, so a Chinese interface writes "遗忘门 f" where the English one
writes "forget gate f (遗忘门)".
"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QCoreApplication

from ...engine.cellspec import CELL_SPECS, CellSpec, QuantitySpec, cell_spec

__all__ = [
    "CELL_SPECS",
    "CellSpec",
    "QuantitySpec",
    "cell_label",
    "html_subscripts",
    "memory_path_text",
    "quantity_meaning",
    "quantity_name",
    "quantity_title",
    "quantity_short_title",
    "quantity_values",
    "spec_of",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CellText", text)


def spec_of(thing) -> CellSpec:
    """The description of a trace's, a model's or a config's ``cell``."""
    return cell_spec(thing.cell)


def quantity_values(trace, key: str) -> np.ndarray:
    """The (T, H) values of quantity ``key`` (a gate, h, c or a) in ``trace``."""
    if key in ("h", "c", "a"):
        return getattr(trace, key)
    return trace.gates[key]


def quantity_name(q: QuantitySpec) -> str:
    """ "forget gate f (遗忘门)" (English) / "遗忘门 f" (Chinese): for equations and legends."""
    text = QCoreApplication.translate("CellText", "{name} {symbol} ({zh})")
    return text.format(name=q.name_en, symbol=q.symbol, zh=q.name_zh)


def quantity_title(q: QuantitySpec) -> str:
    """ "f — forget gate (遗忘门)" / "f — 遗忘门": a heatmap's or a table row's title."""
    text = QCoreApplication.translate("CellText", "{symbol} — {name} ({zh})")
    return text.format(name=q.name_en, symbol=q.symbol, zh=q.name_zh)


def quantity_meaning(q: QuantitySpec) -> str:
    """ "forget gate" / "遗忘门": what the quantity is, in the interface's language."""
    return QCoreApplication.translate("CellText", "{name}", "a quantity's meaning").format(
        name=q.name_en, zh=q.name_zh
    )


def quantity_short_title(q: QuantitySpec) -> str:
    """ "f (forget gate)" / "f (遗忘门)": the symbol and its name in the interface's
    language, for narrow places (an English reader gets no Chinese-only title)."""
    text = QCoreApplication.translate("CellText", "{symbol} ({name})", "a narrow title")
    return text.format(symbol=q.symbol, name=q.name_en, zh=q.name_zh)


def cell_label(spec: CellSpec) -> str:
    """The cell chooser's text: "LSTM", "LSTM (no forget gate, 1997)" (translated)."""
    return QCoreApplication.translate("CellText", "{label}", "cell chooser").format(
        label=spec.label, zh=spec.label_zh
    )


def memory_path_text(spec: CellSpec) -> str:
    """What multiplies the gradient per step back along the memory path (one sentence)."""
    text = QCoreApplication.translate("CellText", "{path}", "memory path").format(
        path=spec.memory_path_en, zh=spec.memory_path_zh
    )
    return text[:1].upper() + text[1:]


def html_subscripts(text: str) -> str:
    """ "c = f ⊙ c_{t−1} + i ⊙ z" → "c<sub>t</sub> = f ⊙ c<sub>t−1</sub> + i ⊙ z": the
    textbook's subscripts as HTML; the left-hand side gets its time index t."""
    text = re.sub(r"_\{([^}]*)\}", r"<sub>\1</sub>", text)
    text = re.sub(r"_([A-Za-z0-9]+)", r"<sub>\1</sub>", text)
    lhs, sep, rhs = text.partition(" = ")
    return f"{lhs}<sub>t</sub>{sep}{rhs}" if sep and "<sub>" not in lhs else text
