"""A plain table of the current step's numbers: x_t, h_t, c_t, the gates, y_t and ℓ_t.

The placeholder view of the main window (and, once the network view exists, a dock for
reading exact values). One row per quantity, one column per component.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .plot_style import RefreshWhenSeen
from .theme import OVERFLOW_COLOR

#: Row order per cell: (key in Trace.step(t), symbol, meaning).
_ROWS = {
    "rnn": [("x", "x_t", "input"), ("a", "a_t", "pre-activation"), ("h", "h_t", "hidden state")],
    "lstm": [
        ("x", "x_t", "input"),
        ("f", "f", "forget gate"),
        ("i", "i", "input gate"),
        ("z", "z", "candidate"),
        ("o", "o", "output gate"),
        ("c", "c_t", "cell state"),
        ("h", "h_t", "hidden state"),
    ],
    "gru": [
        ("x", "x_t", "input"),
        ("r", "r", "reset gate"),
        ("z", "z", "update gate"),
        ("n", "n", "candidate"),
        ("h", "h_t", "hidden state"),
    ],
}
_TAIL = [("y", "y_t", "output"), ("loss", "ℓ_t", "loss")]


def format_value(value: float) -> str:
    """A number to 3 decimals; inf / NaN as "overflow"."""
    if not math.isfinite(value):
        return "overflow"
    text = f"{value:.3f}"
    return "0.000" if text == "-0.000" else text


class StepTableView(QWidget):
    """The values of the step the cursor is on, to 3 decimals.

    Reads ``session.trace.step(session.step)``; shows a hint before the first step.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._title = QLabel(self)
        self._title.setWordWrap(True)
        self._table = QTableWidget(self)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # fixed section sizes: ResizeToContents would re-measure every cell on every setText
        self._table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_sections()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._title)
        layout.addWidget(self._table, 1)
        self._rows: list[tuple[str, str, str]] = []
        self._refresh = RefreshWhenSeen(self, self._show_trace, self._show_cursor)
        session.trace_changed.connect(self._on_trace_changed)
        session.cursor_changed.connect(self._on_cursor_changed)
        self._on_trace_changed()

    # ---------------------------------------------------------------- reading (tests)
    def title(self) -> str:
        self._refresh.flush()
        return self._title.text()

    def row_symbols(self) -> list[str]:
        self._refresh.flush()
        return [symbol for _, symbol, _ in self._rows]

    def column_labels(self) -> list[str]:
        """The column headers: the unit numbers, from 0 like everywhere else in the app."""
        self._refresh.flush()
        header = (self._table.horizontalHeaderItem(k) for k in range(self._table.columnCount()))
        return [item.text() for item in header]

    def row_texts(self, symbol: str) -> list[str]:
        """The texts shown in the row of ``symbol`` (e.g. "h_t"), non-empty cells only."""
        row = self.row_symbols().index(symbol)  # (brings a tabbed-away table up to date)
        items = (self._table.item(row, col) for col in range(self._table.columnCount()))
        return [item.text() for item in items if item is not None and item.text()]

    # ---------------------------------------------------------------- updating
    def _on_trace_changed(self) -> None:
        self._refresh.request(full=True)

    def _on_cursor_changed(self, _cursor: int) -> None:
        self._refresh.request()

    def _show_trace(self) -> None:
        trace = self._session.trace
        self._rows = _ROWS[trace.cell] + _TAIL
        width = max(trace.H, trace.x.shape[1], trace.y.shape[1])
        self._table.clear()
        self._table.setRowCount(len(self._rows))
        self._table.setColumnCount(width)
        self._table.setHorizontalHeaderLabels([str(k) for k in range(width)])
        labels = [f"{symbol}  ({self.tr(meaning)})" for _, symbol, meaning in self._rows]
        self._table.setVerticalHeaderLabels(labels)
        for row in range(len(self._rows)):
            for col in range(width):
                item = QTableWidgetItem("")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._table.setItem(row, col, item)
        self._show_cursor()

    def _show_cursor(self) -> None:
        cursor, step = self._session.cursor, self._session.step
        if step is None:
            self._title.setText(self.tr("No step taken yet — press → to take step t = 0."))
            self._fill(None)
            return
        self._title.setText(
            self.tr("Step {0} of {1} · time index t = {2}").format(cursor, self._session.T, step)
        )
        self._fill(self._session.trace.step(step))

    def _fill(self, record: dict | None) -> None:
        for row, (key, _, _) in enumerate(self._rows):
            values = [] if record is None else np.atleast_1d(record.get(key, []))
            for col in range(self._table.columnCount()):
                item = self._table.item(row, col)
                text = format_value(float(values[col])) if col < len(values) else ""
                if item.text() == text:
                    continue
                item.setText(text)
                color = QColor(OVERFLOW_COLOR) if text == "overflow" else None
                item.setData(Qt.ItemDataRole.ForegroundRole, color)

    def _size_sections(self) -> None:
        """Columns wide enough for "overflow" and "-00.000", rows one line high."""
        metrics = self._table.fontMetrics()
        width = max(metrics.horizontalAdvance(w) for w in ("overflow", "-00.000")) + 14
        self._table.horizontalHeader().setDefaultSectionSize(width)
        self._table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_sections()
