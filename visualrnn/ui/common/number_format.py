"""How the app writes numbers and vectors: significant digits, units, overflow.

:class:`NumberSettings` is the one app-wide digits setting (the equation panel's "Digits:");
:func:`format_number` writes one number; :class:`NumberFormat` writes vectors, optionally as
HTML with the selected unit highlighted.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

OVERFLOW = "overflow"
MINUS = "\u2212"
ELLIPSIS = "\u2026"


def overflow_word() -> str:
    """What a non-finite number is called on screen: "overflow" (Chinese: 溢出)."""
    return QCoreApplication.translate("Equations", "overflow")


class NumberSettings(QObject):
    """The app-wide number format (the equation panel's "Digits:"): ``digits`` significant
    digits, or — with ``decimals`` — that many places after the point (the textbook's
    0.537 and 1.561 side by side; tiny values keep significant digits, never 0.000).

    The network, the cell diagram and the step table follow ``digits_changed`` so that one
    number reads the same in every panel.
    """

    digits_changed = Signal(int)

    def __init__(self):
        super().__init__()
        self._digits = 3
        self._decimals = False

    @property
    def decimals(self) -> bool:
        """Whether ``digits`` counts decimal places instead of significant digits."""
        return self._decimals

    def set_decimals(self, on: bool) -> None:
        if bool(on) != self._decimals:
            self._decimals = bool(on)
            self.digits_changed.emit(self._digits)

    @property
    def digits(self) -> int:
        return self._digits

    def set_digits(self, digits: int) -> None:
        digits = int(min(6, max(2, digits)))
        if digits != self._digits:
            self._digits = digits
            self.digits_changed.emit(digits)


_SETTINGS: NumberSettings | None = None


def number_settings() -> NumberSettings:
    """The one :class:`NumberSettings` of the application."""
    global _SETTINGS
    if _SETTINGS is None:
        _SETTINGS = NumberSettings()
    return _SETTINGS


def format_number(value: float, digits: int = 3, min_decimals: int = 0) -> str:
    """``value`` with ``digits`` significant digits, the way the textbook writes numbers.

    Values that are short exactly (1, 0.6, −0.1) are written short; others keep trailing
    zeros (0.860); non-finite values are written "overflow".

    >>> format_number(0.85973818), format_number(0.6000000000000001), format_number(1.0, 3, 1)
    ('0.860', '0.6', '1.0')
    """
    v = float(value)
    if not math.isfinite(v):
        return OVERFLOW
    key = (v, digits, min_decimals, number_settings().decimals)
    text = _WRITTEN.get(key)
    if text is None:
        if len(_WRITTEN) >= 8192:
            _WRITTEN.clear()
        text = _WRITTEN[key] = _format(v, digits, min_decimals, key[3])
    return text


#: Numbers already written, by (value, digits, min_decimals, decimals): a cursor step writes
#: ~145 numbers in all panels, ~35 of them different (h_t is in the network, the cell, the
#: table and the equations).
_WRITTEN: dict[tuple, str] = {}


def _format(v: float, digits: int, min_decimals: int, decimals: bool) -> str:
    if decimals and 10 ** (-digits) <= abs(v) < 1e6:
        return _fixed(v, digits, min_decimals)
    text = _short(v, digits, min_decimals)
    if text is None:
        text = f"{v:#.{digits}g}".rstrip(".")
        if "e" in text:
            mant, exp = text.split("e")
            text = f"{mant.rstrip('.')}e{int(exp)}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text.replace("-", MINUS)


def _fixed(v: float, decimals: int, min_decimals: int) -> str:
    """``decimals`` places after the point (a value short exactly stays short: 0.6, 1.0)."""
    text = _short(v, decimals + 1, min_decimals) or f"{v:.{decimals}f}"
    return text.replace("-", MINUS)


def _short(v: float, digits: int, min_decimals: int) -> str | None:
    """The exact short form of ``v`` (fewer decimals than ``digits``), if there is one.

    Written at digits − 1 decimals: if that is ``v`` (to 1e-9 relatively), the shortest
    exact form is it without its trailing zeros (every panel formats ~150 numbers a step,
    so this is one format instead of a loop of rounds)."""
    a = abs(v)
    if a >= 10**digits or (v != 0 and a < 10 ** (-digits)) or min_decimals >= digits:
        return None
    tolerance = 1e-9 * max(1.0, a)
    if tolerance >= 0.4 * 10 ** (1 - digits):  # a large value with many digits: round each
        return _short_by_rounding(v, digits, min_decimals, tolerance)
    text = f"{v:.{digits - 1}f}"
    if abs(v - float(text)) > tolerance:
        return None
    if digits - 1 > min_decimals:
        text = text.rstrip("0")
        decimals = len(text) - text.index(".") - 1
        text += "0" * max(0, min_decimals - decimals)
        text = text.rstrip(".")
    return text


def _short_by_rounding(v: float, digits: int, min_decimals: int, tolerance: float):
    for d in range(min_decimals, digits):
        if abs(v - round(v, d)) <= tolerance:
            return f"{v:.{d}f}"
    return None


@dataclass(frozen=True)
class NumberFormat:
    """How numbers and vectors are written.

    Attributes
    ----------
    digits : significant digits (2 … 6; the textbook uses 3).
    first : how many leading units of a long vector are written (the rest elided).
    selected : a unit that is always written (and marked), or None.
    show_all : write every unit.
    rich : produce HTML (escaped, with the selected unit and overflow marked) or plain text.
    """

    digits: int = 3
    first: int = 3
    selected: int | None = None
    show_all: bool = False
    rich: bool = False

    def num(self, value: float, min_decimals: int = 0) -> str:
        text = format_number(value, self.digits, min_decimals)
        if self.rich and text == OVERFLOW:
            return f'<span style="color:#CC0000;font-weight:bold">{overflow_word()}</span>'
        return text

    @property
    def sep(self) -> str:
        """The separator inside a vector: in HTML a no-break space, so that a line never
        wraps inside brackets (it wraps between the terms of the equation instead)."""
        return ",\u00a0" if self.rich else ", "

    def vec(self, values, min_decimals: int = 0, transpose: bool = False) -> str:
        """``[v0, v1, …]`` — a long vector shows its first units and the selected one."""
        body = self.sep.join(self._items(np.ravel(values), min_decimals))
        return f"[{body}]" + ("\u1d40" if transpose else "")

    def concat(self, *parts) -> str:
        """``[h…, x…]``, the textbook's concatenation [h_{t−1}, x_t]."""
        sep = self.sep
        return "[" + sep.join(sep.join(self._items(np.ravel(p), 0)) for p in parts) + "]"

    def sym(self, text: str) -> str:
        """A symbol or operator, escaped for HTML."""
        return html.escape(text) if self.rich else text

    def _items(self, v: np.ndarray, min_decimals: int) -> list[str]:
        n = v.size
        if self.show_all or n <= self.first + 1:
            keep = list(range(n))
        else:
            keep = list(range(self.first))
            if self.selected is not None and self.first <= self.selected < n:
                keep.append(self.selected)
        items, prev = [], -1
        for k in keep:
            if k != prev + 1:
                items.append(ELLIPSIS)
            items.append(self._unit(k, v[k], min_decimals))
            prev = k
        if prev < n - 1:
            items.append(ELLIPSIS)
        return items

    def _unit(self, k: int, value: float, min_decimals: int) -> str:
        text = self.num(value, min_decimals)
        if self.selected != k or (k < self.first and not self.show_all):
            return text
        if not self.rich:
            return f"{QCoreApplication.translate('Equations', 'unit')} {k}: {text}"
        label = f"{QCoreApplication.translate('Equations', 'unit')}\u00a0{k}:\u00a0{text}"
        return f'<b style="color:#B36B00"><u>{label}</u></b>'
