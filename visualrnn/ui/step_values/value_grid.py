"""A read-only grid of short texts with frozen row and column headers, painted directly.

The step table changes up to 6 × 64 numbers on every cursor step. A QTableWidget lays out
and styles each changed cell through its item delegate (~35 µs a cell, 2–3 ms a step with
a floating table); this grid keeps the texts in lists and paints the visible cells in one
pass, and a step repaints the cells' area only (the headers stay).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from ..common.painting import fitting_font

HEADER_FILL = QColor("#EFEFEF")
GRID_INK = QColor("#D0D0D0")
TEXT_PAD = 8


class ValueGrid(QAbstractScrollArea):
    """Rows × columns of right-aligned texts under a header row, beside a header column.

    Columns share one width (:meth:`set_column_width`), rows one height (a line of the
    font). Both header strips stay in place while the cells scroll.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._row_labels: list[str] = []
        self._column_labels: list[str] = []
        self._texts: list[list[str]] = []
        self._colors: list[list[QColor | None]] = []
        self._tip_provider = None
        self._column_width, self._safe_chars = 80, 8
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._measure()

    # ---------------------------------------------------------------- content
    def set_headers(self, rows: list[str], columns: list[str]) -> None:
        """New row and column labels; every cell empty."""
        self._row_labels, self._column_labels = list(rows), list(columns)
        self._texts = [[""] * len(columns) for _ in rows]
        self._colors = [[None] * len(columns) for _ in rows]
        self._measure()
        self.viewport().update()

    def row_count(self) -> int:
        return len(self._row_labels)

    def column_count(self) -> int:
        return len(self._column_labels)

    def column_labels(self) -> list[str]:
        return list(self._column_labels)

    def text(self, row: int, column: int) -> str:
        return self._texts[row][column]

    def text_color(self, row: int, column: int) -> QColor:
        """The colour cell (row, column) is written in."""
        color = self._colors[row][column]
        return QColor(color) if color is not None else self.palette().color(QPalette.ColorRole.Text)

    def set_row(self, row: int, texts: list[str], colors: list[QColor | None]) -> bool:
        """Write a row's texts (each in its colour, None: the palette's text colour); the
        cells' area is repainted once, at the next paint, however many cells changed.
        Returns whether anything changed."""
        if texts == self._texts[row] and colors == self._colors[row]:
            return False
        self._texts[row], self._colors[row] = list(texts), list(colors)
        self.viewport().update(self._cells_area())
        return True

    def set_tip_provider(self, provider) -> None:
        """``provider(row, column) -> str``: a cell's tooltip, asked when it is hovered."""
        self._tip_provider = provider

    # ---------------------------------------------------------------- geometry
    def set_column_width(self, width: int, safe_chars: int = 8) -> None:
        """Columns ``width`` pixels wide, for texts of up to ``safe_chars`` characters; a
        longer one is drawn in a smaller font that fits (never elided)."""
        self._column_width, self._safe_chars = max(10, int(width)), int(safe_chars)
        self._measure()
        self.viewport().update()

    def _measure(self) -> None:
        """Header sizes and row height from the font; the scroll bars' ranges."""
        fm = QFontMetrics(self.font())
        self._row_height = self._header_height = fm.height() + 10  # one line of the font
        labels = [fm.horizontalAdvance(label) for label in self._row_labels] or [0]
        self._header_width = max(labels) + 2 * TEXT_PAD
        self._update_scroll_ranges()
        self.updateGeometry()

    def _update_scroll_ranges(self) -> None:
        size = self.viewport().size()
        width = self.column_count() * self._column_width
        height = self.row_count() * self._row_height
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setRange(0, max(0, width - (size.width() - self._header_width)))
        h.setPageStep(max(1, size.width() - self._header_width))
        h.setSingleStep(self._column_width)
        v.setRange(0, max(0, height - (size.height() - self._header_height)))
        v.setPageStep(max(1, size.height() - self._header_height))
        v.setSingleStep(self._row_height)

    def _cells_area(self) -> QRect:
        r = self.viewport().rect()
        return QRect(
            self._header_width,
            self._header_height,
            max(0, r.width() - self._header_width),
            max(0, r.height() - self._header_height),
        )

    def cell_rect(self, row: int, column: int) -> QRect:
        """Where cell (row, column) is drawn, in viewport coordinates (maybe outside it)."""
        x = self._header_width + column * self._column_width - self.horizontalScrollBar().value()
        y = self._header_height + row * self._row_height - self.verticalScrollBar().value()
        return QRect(x, y, self._column_width, self._row_height)

    def cell_at(self, x: int, y: int) -> tuple[int, int] | None:
        if x < self._header_width or y < self._header_height:
            return None
        column = (x - self._header_width + self.horizontalScrollBar().value()) // self._column_width
        row = (y - self._header_height + self.verticalScrollBar().value()) // self._row_height
        if 0 <= row < self.row_count() and 0 <= column < self.column_count():
            return int(row), int(column)
        return None

    # ---------------------------------------------------------------- Qt overrides
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_scroll_ranges()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._measure()
            self.viewport().update()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt override)
        self.viewport().update()

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip:
            pos = event.position().toPoint() if hasattr(event, "position") else event.pos()
            cell = self.cell_at(pos.x(), pos.y())
            provider = self._tip_provider
            tip = provider(*cell) if cell is not None and provider is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self.viewport())
        painter.setFont(self.font())
        exposed = event.rect()
        columns, rows = self._visible(exposed)
        self._paint_cells(painter, rows, columns)
        if exposed.top() < self._header_height:
            self._paint_column_header(painter, columns)
        if exposed.left() < self._header_width:
            self._paint_row_header(painter, rows)
        painter.end()

    # ---------------------------------------------------------------- painting
    def _visible(self, exposed: QRect) -> tuple[range, range]:
        """The columns and rows that intersect ``exposed``."""
        x0 = self.horizontalScrollBar().value() + max(0, exposed.left() - self._header_width)
        x1 = self.horizontalScrollBar().value() + max(0, exposed.right() - self._header_width)
        y0 = self.verticalScrollBar().value() + max(0, exposed.top() - self._header_height)
        y1 = self.verticalScrollBar().value() + max(0, exposed.bottom() - self._header_height)
        w, h = self._column_width, self._row_height
        columns = range(x0 // w, min(self.column_count(), x1 // w + 1))
        rows = range(y0 // h, min(self.row_count(), y1 // h + 1))
        return columns, rows

    def _paint_cells(self, painter: QPainter, rows: range, columns: range) -> None:
        """The grid lines (one per column and row) and the visible cells' texts."""
        if not rows or not columns:
            return
        painter.save()
        area = self._cells_area()
        painter.setClipRect(area)
        w, h = self._column_width, self._row_height
        x0 = self._header_width - self.horizontalScrollBar().value()
        y0 = self._header_height - self.verticalScrollBar().value()
        bottom = min(area.bottom(), y0 + self.row_count() * h - 1)
        right = min(area.right(), x0 + self.column_count() * w - 1)
        painter.setPen(QPen(GRID_INK, 1))
        for column in columns:
            x = x0 + (column + 1) * w - 1
            painter.drawLine(x, area.top(), x, bottom)
        for row in rows:
            y = y0 + (row + 1) * h - 1
            painter.drawLine(area.left(), y, right, y)
        ink = self.palette().color(QPalette.ColorRole.Text)
        right_aligned = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        current = None
        # a cell cut by the edge stays empty: a cut "0.98…" would read as "0.98"
        rows = _overlap(rows, _whole(self.row_count(), y0, h, area.top(), area.bottom()))
        cut = columns
        columns = _overlap(columns, _whole(self.column_count(), x0, w, area.left(), area.right()))
        self._paint_more(painter, rows, [c for c in cut if c not in columns], x0, y0)
        for row in rows:
            texts, colors, y = self._texts[row], self._colors[row], y0 + row * h
            for column in columns:
                text = texts[column]
                if not text:
                    continue
                color = colors[column] or ink
                if color is not current:
                    painter.setPen(color)
                    current = color
                x = x0 + column * w + TEXT_PAD
                if len(text) > self._safe_chars:  # a rare long one (−8.83e−10) shrinks
                    painter.setFont(fitting_font(self.font(), text, w - 2 * TEXT_PAD))
                    painter.drawText(x, y, w - 2 * TEXT_PAD, h, right_aligned, text)
                    painter.setFont(self.font())
                else:
                    painter.drawText(x, y, w - 2 * TEXT_PAD, h, right_aligned, text)
        painter.restore()

    def _paint_more(self, painter: QPainter, rows: range, columns: list, x0: int, y0: int):
        """A grey "…" in the shown part of each filled cell the edge cuts: more to scroll to
        (an empty cell would read as "no value")."""
        painter.setPen(GRID_INK.darker(150))
        shown, center = self._cells_area(), int(Qt.AlignmentFlag.AlignCenter)
        w, h = self._column_width, self._row_height
        for row in rows:
            for column in columns:
                if self._texts[row][column]:
                    cell = QRect(x0 + column * w, y0 + row * h, w, h).intersected(shown)
                    painter.drawText(cell, center, "…")

    def _paint_column_header(self, painter: QPainter, columns: range) -> None:
        painter.save()
        band = QRect(self._header_width, 0, self.viewport().width(), self._header_height)
        painter.setClipRect(band)
        painter.fillRect(band, HEADER_FILL)
        center = Qt.AlignmentFlag.AlignCenter
        for column in columns:
            r = self.cell_rect(0, column)
            r = QRect(r.left(), 0, r.width(), self._header_height)
            painter.setPen(QPen(GRID_INK, 1))
            painter.drawLine(r.right(), r.top(), r.right(), r.bottom())
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(r), center, self._column_labels[column])
        painter.setPen(QPen(GRID_INK, 1))
        painter.drawLine(band.left(), band.bottom(), band.right(), band.bottom())
        painter.restore()

    def _paint_row_header(self, painter: QPainter, rows: range) -> None:
        painter.save()
        band = QRect(0, 0, self._header_width, self.viewport().height())
        painter.fillRect(band, HEADER_FILL)
        painter.setClipRect(QRect(0, self._header_height, band.width(), band.height()))
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for row in rows:
            r = self.cell_rect(row, 0)
            r = QRect(0, r.top(), self._header_width, r.height())
            painter.setPen(QPen(GRID_INK, 1))
            painter.drawLine(r.left(), r.bottom(), r.right(), r.bottom())
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(r.adjusted(TEXT_PAD, 0, -4, 0), left, self._row_labels[row])
        painter.setClipping(False)
        painter.setPen(QPen(GRID_INK, 1))
        painter.drawLine(band.right(), 0, band.right(), band.bottom())
        painter.restore()


def _whole(count: int, origin: int, size: int, lo: int, hi: int) -> range:
    """The cells k < ``count`` at [origin + k·size, origin + (k + 1)·size) that lie wholly
    in [lo, hi]; those that show at all if none does (a panel narrower than one cell shows
    what fits)."""
    whole = _overlap(range(count), range(-((origin - lo) // size), (hi + 1 - origin) // size))
    return whole or _overlap(range(count), range((lo - origin) // size, (hi - origin) // size + 1))


def _overlap(a: range, b: range) -> range:
    """The indices in both ``a`` and ``b`` (steps of 1)."""
    return range(max(a.start, b.start), min(a.stop, b.stop))
