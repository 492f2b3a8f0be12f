"""A plain table of the current step's numbers: xₜ, hₜ, cₜ, the gates, yₜ and ℓₜ.

The placeholder view of the main window (and, once the network view exists, a dock for
reading exact values). One row per quantity, one column per component.
"""

from __future__ import annotations

import html
import math

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...engine.cellspec import cell_spec
from ...session import LessonSession
from ..common.cell_text import quantity_meaning
from ..common.number_format import OVERFLOW, format_number, number_settings, overflow_word
from ..common.refresh import SessionRefresh
from ..common.theme import OVERFLOW_COLOR
from .value_grid import ValueGrid


def _rows_of(cell: str) -> list[tuple[str, str, str]]:
    """(key in Trace.step(t), symbol, meaning) per hidden-size row, in the engine's order:
    the gates ("f"), then the states with a time index ("cₜ", "hₜ")."""
    return [
        (q.key, q.symbol if q.is_gate else q.symbol + "ₜ", quantity_meaning(q))
        for q in cell_spec(cell).quantities
    ]


#: The per-step vectors of other sizes (input, output) and the scalar loss: shown below the
#: hidden units, with their own header row, so that they do not read as "unit 0".
_HEAD = [("x", "xₜ", QT_TRANSLATE_NOOP("StepTableView", "input"))]
#: Backwards (BPTT), the gradients: rows per unit, and ∂L/∂y_t in the values line.
_BACKWARD_TAIL = [("dy", "∂L/∂yₜ", QT_TRANSLATE_NOOP("StepTableView", "gradient at the output"))]


def _backward_rows(trace) -> list[tuple[str, str, str]]:
    rows = [("dh", "∂L/∂hₜ", QCoreApplication.translate("StepTableView", "gradient of h"))]
    if trace.c is not None:
        rows.append(("dc", "∂L/∂cₜ", QCoreApplication.translate("StepTableView", "gradient of c")))
    return rows


_TAIL = [
    ("y", "yₜ", QT_TRANSLATE_NOOP("StepTableView", "output")),
    ("loss", "ℓₜ", QT_TRANSLATE_NOOP("StepTableView", "loss")),
]


_OVERFLOW = QColor(OVERFLOW_COLOR)
IO_SEPARATOR, IO_SEPARATOR_HTML = "   ·   ", "&nbsp;&nbsp;·&nbsp;&nbsp; "


def format_value(value: float, digits: int | None = None) -> str:
    """A number with the app's significant digits (Unicode minus); inf / NaN "overflow"."""
    if not math.isfinite(value):
        return OVERFLOW
    return format_number(value, number_settings().digits if digits is None else digits)


def shown_value(value: float) -> str:
    """:func:`format_value` as the table shows it: "overflow" in the interface's language."""
    text = format_value(value)
    return overflow_word() if text == OVERFLOW else text


def _set_line(label: QLabel, text: str, plain: str | None = None) -> None:
    """Show ``text`` (``plain``: it without markup) in ``label``, wrapped only when one line
    does not fit: a word-wrapped label re-measures its wrapped height in the panel's layout
    on every change (~0.3 ms a label on each cursor step)."""
    label.setProperty("plain_text", plain or text)
    _rewrap(label)
    label.setText(text)


def _rewrap(label: QLabel) -> None:
    """Wrap ``label`` if its text does not fit on one line at its width."""
    plain = label.property("plain_text") or label.text()
    wrap = QFontMetrics(label.font()).horizontalAdvance(plain) * 1.15 > max(1, label.width())
    if wrap != label.wordWrap():
        label.setWordWrap(wrap)


class StepTableView(QWidget):
    """The values of the step the cursor is on, with the app's significant digits.

    A line for the input xₜ, output yₜ and loss ℓₜ, then a table: one row per hidden
    quantity (gates, cₜ, hₜ), one column per hidden unit ("unit 0", "unit 1", …).
    Reads ``session.trace.step(session.step)``; shows a hint before the first step.
    """

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._title = QLabel(self)
        self._io = QLabel(self)
        self._io.setTextFormat(Qt.TextFormat.RichText)
        self._io_parts: tuple[list[str], list[str]] = ([], [])
        self._io.installEventFilter(self)
        for label in (self._title, self._io):  # their width is the panel's (see _set_line)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._table = ValueGrid(self)
        self._table.set_tip_provider(self._cell_tip)
        # the grid takes the height that is left: beside the wrapped values line (a
        # height-for-width layout) its full height would count as needed and make the dock
        # scroll the whole panel, its last row cut by the dock's edge
        self._table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._title)
        layout.addWidget(self._io)
        layout.addWidget(self._table, 1)
        self._rows: list[tuple[str, str, str]] = []
        self._shown_record: dict | None = None
        self._io_values: dict[str, list[str]] = {}
        self._refresh = SessionRefresh(self, session, self._show_trace, self._show_cursor)
        session.direction_changed.connect(self._on_direction_changed)
        self._apply_font()
        number_settings().digits_changed.connect(self._on_digits_changed)
        self._refresh.request_trace()

    # ---------------------------------------------------------------- reading (tests)
    def title(self) -> str:
        self._refresh.flush()
        return self._title.text()

    def row_symbols(self) -> list[str]:
        """The symbols shown: xₜ, the table's rows, then yₜ and ℓₜ."""
        self._refresh.flush()
        tail = _TAIL + (_BACKWARD_TAIL if self.session.backward else [])
        return [_HEAD[0][1]] + [symbol for _, symbol, _ in self._rows] + [s for _, s, _ in tail]

    def column_labels(self) -> list[str]:
        """The column headers: "unit 0", "unit 1", … (from 0 like everywhere in the app)."""
        self._refresh.flush()
        return self._table.column_labels()

    def io_text(self) -> str:
        """The input / output / loss line, as plain text."""
        self._refresh.flush()
        return QTextDocumentFragment.fromHtml(self._io.text()).toPlainText()

    def row_texts(self, symbol: str) -> list[str]:
        """The texts shown for ``symbol`` (e.g. "hₜ"; "h_t" is read as "hₜ"), non-empty
        cells only."""
        symbol = symbol.replace("_t", "ₜ")
        symbols = self.row_symbols()  # (brings a tabbed-away table up to date)
        if symbol in self._io_values:
            return list(self._io_values[symbol])
        row = symbols.index(symbol) - 1
        texts = (self._table.text(row, col) for col in range(self._table.column_count()))
        return [text for text in texts if text]

    def text_color(self, symbol: str, unit: int) -> QColor:
        """The colour the value of ``symbol`` (e.g. "hₜ") for ``unit`` is written in."""
        row = self.row_symbols().index(symbol.replace("_t", "ₜ")) - 1
        return self._table.text_color(row, unit)

    def figure_data(self) -> dict:
        """The numbers shown, for "Export data (CSV)": one row per quantity (xₜ, the gates
        and states, yₜ, ℓₜ) with the step t and its components 0, 1, … in full precision
        (no components before the first step)."""
        self.row_symbols()  # (brings a tabbed-away table up to date)
        step = self.session.step
        record = {} if step is None else self.session.trace.step(step)
        quantities = _HEAD + self._rows + _TAIL
        values = [np.atleast_1d(record.get(key, [])).ravel() for key, _, _ in quantities]
        columns = {"quantity": [symbol for _, symbol, _ in quantities]}
        columns["t"] = ["" if step is None else step] * len(quantities)
        for k in range(max(len(v) for v in values)):
            columns[str(k)] = [v[k] if k < len(v) else "" for v in values]
        return columns

    # ---------------------------------------------------------------- updating
    def _on_digits_changed(self, _digits: int) -> None:
        self._size_sections()
        self._refresh.request(full=True)

    def _show_trace(self) -> None:
        trace = self.session.trace
        self._rows = _rows_of(trace.cell) + (_backward_rows(trace) if self.session.backward else [])
        unit = self.tr("unit {k}")
        labels = [f"{symbol}  ({meaning})" for _, symbol, meaning in self._rows]
        self._table.set_headers(labels, [unit.format(k=k) for k in range(trace.H)])
        self._show_cursor()

    def _show_cursor(self) -> None:
        cursor, step = self.session.cursor, self.session.step
        if step is None:
            _set_line(self._title, self.tr("No step taken yet — press → to take step t = 0."))
            self._fill(None)
            return
        _set_line(
            self._title, self.tr("Step {0} of {1} (t = {2})").format(cursor, self.session.T, step)
        )
        self._fill(self._record(step))

    def _record(self, t: int) -> dict:
        """Step t's values; backwards also its gradients ∂L/∂h_t, ∂L/∂c_t and ∂L/∂y_t."""
        record = self.session.trace.step(t)
        if self.session.backward:
            grads = self.session.grads
            record["dh"], record["dy"] = grads.dh[t], self.session.breakdown().dy[t]
            if grads.dc is not None:
                record["dc"] = grads.dc[t]
        return record

    def _on_direction_changed(self, _backward: bool) -> None:
        self._refresh.request_trace()

    def _fill(self, record: dict | None) -> None:
        """Write every row's texts ("overflow" in the overflow colour); the grid repaints
        its cells once if any changed."""
        self._shown_record = record
        width = self._table.column_count()
        for row, (key, _, _) in enumerate(self._rows):
            values = [] if record is None else np.atleast_1d(record.get(key, [])).tolist()
            values = values[:width] + [None] * (width - len(values[:width]))
            texts = ["" if v is None else shown_value(float(v)) for v in values]
            colors = [None if v is None or math.isfinite(v) else _OVERFLOW for v in values]
            self._table.set_row(row, texts, colors)
        self._fill_io(record)

    def _cell_tip(self, row: int, col: int) -> str:
        """The hovered value with more digits: "hₜ[3] = −0.0883127"."""
        if self._shown_record is None or row >= len(self._rows):
            return ""
        key, symbol, _ = self._rows[row]
        values = np.atleast_1d(self._shown_record.get(key, []))
        if col >= len(values):
            return ""
        return f"{symbol}[{col}] = {format_value(float(values[col]), 7)}"

    def _fill_io(self, record: dict | None) -> None:
        """The line "input xₜ = …   output yₜ = …   loss ℓₜ = …" (at most 8 values each)."""
        self._io_values, parts, plain = {}, [], []  # the line's parts, with and without markup
        tail = _TAIL + (_BACKWARD_TAIL if self.session.backward else [])
        for key, symbol, meaning in _HEAD + tail:
            values = [] if record is None else np.atleast_1d(record.get(key, [])).ravel()
            texts = [shown_value(float(v)) for v in values]
            self._io_values[symbol] = texts
            if not texts:
                continue
            shown = ", ".join(texts[:8]) + (", …" if len(texts) > 8 else "")
            body = shown if len(texts) == 1 else f"[{shown}]"
            parts.append(f"{html.escape(self.tr(meaning))} <b>{symbol} = {html.escape(body)}</b>")
            plain.append(f"{self.tr(meaning)} {symbol} = {body}")
        self._io_parts = (parts, plain)
        self._io.setVisible(bool(parts))
        self._break_io()

    def _break_io(self) -> None:
        """Lay the values line's parts out at the panel's width, breaking lines only between
        parts (Qt would break inside one, even between the two characters of 损失)."""
        parts, plain = self._io_parts
        room, metrics = max(1, self._io.width()), QFontMetrics(self._io.font())
        lines, line, used = [], [], 0.0
        for part, text in zip(parts, plain, strict=True):
            width = metrics.horizontalAdvance(text + IO_SEPARATOR) * 1.15  # bold: wider
            if line and used + width > room:
                lines.append(line)
                line, used = [], 0.0
            line.append(part.replace(" ", "&nbsp;"))
            used += width
        lines.append(line)
        too_wide = any(metrics.horizontalAdvance(text) * 1.15 > room for text in plain)
        self._io.setWordWrap(too_wide)  # one part wider than the panel: Qt wraps inside it
        self._io.setText("<br>".join(IO_SEPARATOR_HTML.join(line) for line in lines if line))

    def _apply_font(self) -> None:
        """The table and the values line a third larger than the panel's font (projector)."""
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 1.3)
        self._table.setFont(font)
        self._io.setFont(font)
        self._size_sections()

    def _size_sections(self) -> None:
        """Columns wide enough for "overflow", "unit 00" and a small number of the app's
        digits (−0.00883); a longer one (−8.83e−10) is drawn smaller to fit."""
        metrics = QFontMetrics(self._table.font())
        number = "−0.00" + "0" * number_settings().digits
        texts = (overflow_word(), number, self.tr("unit {k}").format(k=88))
        width = max(metrics.horizontalAdvance(w) for w in texts) + 18
        self._table.set_column_width(width, safe_chars=len(number))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        _rewrap(self._title)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        io = self.__dict__.get("_io")  # (None while Python builds or tears us down)
        if watched is io and event.type() == QEvent.Type.Resize:
            self._break_io()  # shown again or the panel resized: break at the new width
        return False

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_font()
