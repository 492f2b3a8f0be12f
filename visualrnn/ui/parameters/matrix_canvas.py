"""The parameter matrices painted: labelled, bracketed, coloured by value, with a tooltip
per number; gate blocks flow side by side and wrap to the width they are given.

One painted widget for all the matrices (a 512-unit LSTM costs no more widgets than the
textbook's 2 units: at most :data:`LIMIT` rows and columns are drawn per matrix, the rest
summarised by a "…" row and column).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..common.color_scales import Palette
from ..common.number_format import format_number
from ..common.theme import CURSOR_COLOR, scaled_font
from .parameter_blocks import BIAS, ParameterGroup, column_meaning, displayed, row_meaning

#: At most this many rows and columns per matrix (the last one a "…" for the rest when
#: there are more); fewer columns when the panel is narrow, never fewer than MIN_COLUMNS.
LIMIT, MIN_COLUMNS = 9, 4
INK, MUTED, GRID = QColor("#202020"), QColor("#606060"), QColor("#D0D0D0")
GAP_PART, GAP_BIAS, GAP_GROUP, MARGIN = 4.0, 10.0, 22.0, 6.0
_SUB = re.compile(r"_(\{[^}]*\}|[A-Za-z0-9]+)")


def rich(text: str) -> str:
    """ "W_hf + b_{t−1}" → "W<sub>hf</sub> + b<sub>t−1</sub>" (escaped HTML)."""
    return _SUB.sub(lambda m: f"<sub>{m.group(1).strip('{}')}</sub>", html.escape(text))


@dataclass
class Hit:
    """One number on screen: where it is and what it is."""

    rect: QRectF
    group: int
    part: int
    row: int
    col: int
    text: str
    row_rect: QRectF = field(default_factory=QRectF)
    col_rect: QRectF = field(default_factory=QRectF)


@dataclass
class _Layout:
    """What to paint, in widget coordinates."""

    texts: list = field(default_factory=list)  # (rect, text, font, align, color)
    statics: list = field(default_factory=list)  # (point, QTextDocument): rich text
    dividers: list = field(default_factory=list)  # QLineF between W_h and W_x
    marks: list = field(default_factory=list)  # (rect, colour): a gate's colour
    cells: list = field(default_factory=list)  # (rect, fill or None, text, ink)
    brackets: list = field(default_factory=list)  # rect
    hits: list = field(default_factory=list)
    size: QSize = field(default_factory=lambda: QSize(0, 0))


class MatrixCanvas(QWidget):
    """Paints :class:`~.parameter_blocks.ParameterGroup` s; hover names a number.

    ``parameter_hovered(block, symbol)``: the block ("f", "" for the output layer) and
    the matrix ("W_hf") under the mouse, ("", "") when it leaves — for views that would
    highlight where a parameter acts.
    """

    parameter_hovered = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._groups: list[ParameterGroup] = []
        self._palette = Palette(1.0)
        self._digits = 3
        self._width = 600
        self._hover: Hit | None = None
        self._layout = _Layout()

    # ---------------------------------------------------------------- setting
    def set_groups(self, groups: list[ParameterGroup], palette: Palette, digits: int) -> None:
        self._groups, self._palette, self._digits = groups, palette, digits
        self.relayout()

    def set_available_width(self, width: int) -> None:
        if width != self._width:
            self._width = width
            self.relayout()

    def relayout(self) -> None:
        self._hover = None
        self._layout = self._compute_layout()
        self.setFixedSize(self._layout.size)
        self.update()

    # ---------------------------------------------------------------- reading (tests)
    def hits(self) -> list[Hit]:
        return list(self._layout.hits)

    def texts(self) -> list[str]:
        """Every plain text drawn (titles, labels, numbers), in painting order."""
        plain = [t[1] for t in self._layout.texts] + [c[2] for c in self._layout.cells]
        return plain + [doc.toPlainText() for _, doc in self._layout.statics]

    def tooltip_at(self, point: QPointF) -> str:
        hit = self._hit_at(point)
        return "" if hit is None else self._tooltip(hit)

    # ---------------------------------------------------------------- layout
    def _fonts(self) -> dict[str, QFont]:
        return {
            "value": scaled_font(13.0),
            "label": scaled_font(13.0),
            "title": scaled_font(12.0, bold=True),
            "symbol": scaled_font(14.0, bold=True),
            "note": scaled_font(11.0),
        }

    def _compute_layout(self) -> _Layout:
        out = _Layout()
        if not self._groups:
            return out
        fonts = self._fonts()
        metrics = {k: QFontMetricsF(f) for k, f in fonts.items()}
        cell_h = metrics["value"].height() + 8
        boxes = []
        for group in self._groups:  # each group's columns as wide as its widest number
            texts = {"−0.00", *self._shown_texts(group)}
            cell_w = max(metrics["value"].horizontalAdvance(t) for t in texts) + 10
            boxes.append(self._group_box(group, fonts, metrics, cell_w, cell_h))
        x = y = MARGIN
        row_h = right = 0.0
        for index, (w, h, items) in enumerate(boxes):
            if x > MARGIN and x + w > self._width - MARGIN:
                x, y, row_h = MARGIN, y + row_h + GAP_GROUP, 0.0
            self._place(out, items, x, y, index)
            x += w + GAP_GROUP
            row_h, right = max(row_h, h), max(right, x - GAP_GROUP)
        out.size = QSize(int(right + MARGIN), int(y + row_h + MARGIN))
        return out

    def _shown_texts(self, group: ParameterGroup) -> set[str]:
        """The numbers of ``group`` that will be drawn."""
        out = set()
        cols = [c for c in displayed(group.width, LIMIT) if c is not None]
        for part in group.parts:
            rows = [r for r in displayed(part.values.shape[0], LIMIT) if r is not None]
            block = part.values[np.ix_(rows, cols)]
            out.update(format_number(v, self._digits, 1) for v in block.ravel().tolist())
        return out

    def _group_box(self, group: ParameterGroup, fonts, metrics, cell_w, cell_h):
        """(width, height, items) of one group in its own coordinates."""
        items = _Layout()
        symbols = [_rich(rich(p.symbol), fonts["symbol"]) for p in group.parts]
        sym_w = max(s.size().width() for s in symbols) + 10
        lab_w = metrics["label"].horizontalAdvance("h00") + 12
        x0 = sym_w + lab_w
        room = int((self._width - 2 * MARGIN - x0 - 8) // cell_w)
        cols = displayed(group.width, min(LIMIT, max(MIN_COLUMNS, room)))
        matrix_w = x0 + len(cols) * cell_w
        title = _rich(_keep_together(group.title, False), fonts["title"])
        if title.idealWidth() > matrix_w:
            title = _rich(_keep_together(group.title, True), fonts["title"])
            term = re.findall(r"\([^)]*\)", group.title)
            least = max([metrics["title"].horizontalAdvance(t) + 4 for t in term] or [0.0])
            title.setTextWidth(max(matrix_w, least, 8 * metrics["title"].averageCharWidth()))
        equation = _rich(rich(group.equation), fonts["label"])
        items.statics += [(QPointF(0, 0), title), (QPointF(0, title.size().height()), equation)]
        if group.color and len(self._groups) > 2:  # the gate's colour, as in the other views
            line = title.size().height() - 1
            items.marks.append((QRectF(0, line, title.idealWidth(), 3), QColor(group.color)))
        width = max(title.size().width(), equation.size().width())
        y = title.size().height() + equation.size().height() + 4
        col_rects = {}
        for j, c in enumerate(cols):
            rect = QRectF(x0 + j * cell_w, y, cell_w, cell_h * 0.9)
            text = "…" if c is None else _label(group.column, c)
            _centred(items, rect, text, fonts["label"], _CENTER)
            col_rects[c] = rect
        y += cell_h * 0.9
        bracket_top = y
        for p_index, (part, symbol) in enumerate(zip(group.parts, symbols, strict=True)):
            joined = p_index == 1 and group.stacked  # W_x continues W_h's matrix
            if p_index and not joined:
                y += GAP_BIAS if part.rows == BIAS else GAP_PART
                bracket_top = y
            elif joined:
                items.dividers.append(QLineF(x0, y, x0 + len(cols) * cell_w, y))
            top = y
            for r in displayed(part.values.shape[0], LIMIT):
                row_rect = QRectF(sym_w, y, lab_w - 8, cell_h)
                if part.rows != BIAS:
                    text = "⋮" if r is None else _label(part.row_symbol, r)
                    _centred(items, row_rect, text, fonts["label"], _RIGHT)
                for j, c in enumerate(cols):
                    rect = QRectF(x0 + j * cell_w, y, cell_w, cell_h)
                    if r is None or c is None:
                        items.cells.append((rect, None, "⋮" if r is None else "⋯", MUTED))
                        continue
                    value = float(part.values[r, c])
                    fill = self._palette.color(value)
                    text = format_number(value, self._digits, 1)
                    items.cells.append((rect, fill, text, _ink_on(fill)))
                    items.hits.append(
                        Hit(rect, 0, p_index, r, c, text, row_rect, col_rects.get(c, QRectF()))
                    )
                y += cell_h
            if not (group.stacked and p_index == 0):
                items.brackets.append(QRectF(x0, bracket_top, len(cols) * cell_w, y - bracket_top))
            size = symbol.size()
            at = QPointF(sym_w - 10 - size.width(), (top + y - size.height()) / 2)
            items.statics.append((at, symbol))
        note = self._summary_note(group, sum(c is not None for c in cols))
        if note:
            static = _rich(f'<span style="color:#606060">{note}</span>', fonts["note"])
            items.statics.append((QPointF(0, y + 6), static))
            width = max(width, static.size().width())
            y += 6 + static.size().height()
        width = max(width, matrix_w + 4)
        return width, y, items

    def _summary_note(self, group: ParameterGroup, columns: int) -> str:
        """ "first 8 of 64 columns shown …": what the "…" rows and columns stand for."""
        parts = []
        if columns < group.width:
            text = self.tr("first {shown} of {n} columns shown")
            parts.append(text.format(shown=columns, n=group.width))
        for part in group.parts:
            n = part.values.shape[0]
            shown = sum(r is not None for r in displayed(n, LIMIT))
            if shown < n:
                text = self.tr("first {shown} of {n} rows of {symbol} shown")
                parts.append(text.format(shown=shown, n=n, symbol=part.symbol))
        if parts:
            parts.append(self.tr("all of them in Export data (CSV)"))
        return "<br>".join(rich(p) for p in parts)

    def _place(self, out: _Layout, items: _Layout, x: float, y: float, index: int) -> None:
        offset = QPointF(x, y)
        out.texts += [(r.translated(offset), *rest) for r, *rest in items.texts]
        out.statics += [(p + offset, doc) for p, doc in items.statics]
        out.dividers += [line.translated(offset) for line in items.dividers]
        out.marks += [(r.translated(offset), color) for r, color in items.marks]
        out.cells += [(r.translated(offset), *rest) for r, *rest in items.cells]
        out.brackets += [r.translated(offset) for r in items.brackets]
        for hit in items.hits:
            hit.rect = hit.rect.translated(offset)
            hit.row_rect = hit.row_rect.translated(offset)
            hit.col_rect = hit.col_rect.translated(offset)
            hit.group = index
            out.hits.append(hit)

    # ---------------------------------------------------------------- painting
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        lay = self._layout
        value_font = scaled_font(13.0)
        painter.setFont(value_font)
        for rect, fill, text, ink in lay.cells:
            if fill is not None:
                painter.fillRect(rect.adjusted(1, 1, -1, -1), fill)
            painter.setPen(ink)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(QPen(INK, 2.0))
        for rect in lay.brackets:
            _bracket(painter, rect)
        for rect, text, font, align, color in lay.texts:
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(rect, align, text)
        for rect, color in lay.marks:
            painter.fillRect(rect, color)
        painter.setPen(QPen(MUTED, 1.0, Qt.PenStyle.DashLine))
        for line in lay.dividers:
            painter.drawLine(line)
        for point, doc in lay.statics:
            painter.save()
            painter.translate(point)
            doc.drawContents(painter)
            painter.restore()
        if self._hover is not None:
            pen = QPen(QColor(CURSOR_COLOR), 3.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._hover.rect.adjusted(0.5, 0.5, -0.5, -0.5))
            for rect in (self._hover.row_rect, self._hover.col_rect):
                if not rect.isNull():
                    painter.drawLine(
                        rect.bottomLeft() + QPointF(4, -2), rect.bottomRight() + QPointF(-2, -2)
                    )
        painter.end()

    # ---------------------------------------------------------------- hover
    def _hit_at(self, point: QPointF) -> Hit | None:
        return next((h for h in self._layout.hits if h.rect.contains(point)), None)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._set_hover(self._hit_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, hit: Hit | None) -> None:
        if hit is self._hover:
            return
        self._hover = hit
        self.update()
        if hit is None:
            self.parameter_hovered.emit("", "")
        else:
            group = self._groups[hit.group]
            self.parameter_hovered.emit(group.key, group.parts[hit.part].symbol)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hit = self._hit_at(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                rect = hit.rect.toAlignedRect()
                QToolTip.showText(event.globalPos(), self._tooltip(hit), self, rect)
            return True
        return super().event(event)

    def _tooltip(self, hit: Hit) -> str:
        group = self._groups[hit.group]
        part = group.parts[hit.part]
        if part.rows == BIAS:
            name = f"{rich(part.symbol)}[{hit.col}]"
        else:
            name = f"{rich(part.symbol)}[{hit.row}, {hit.col}]"
        lines = [f"<b>{name} = {html.escape(hit.text)}</b>"]
        if part.rows != BIAS:
            row = self.tr("row {k}: {meaning}").format(
                k=hit.row, meaning=row_meaning(part, hit.row)
            )
            lines.append(rich(row))
        col = self.tr("column {k}: {meaning}").format(
            k=hit.col, meaning=column_meaning(group, hit.col)
        )
        lines.append(rich(col))
        acts = self.tr("acts in: {equation}").format(equation=group.equation)
        lines.append(rich(acts))
        stored = self.tr("stored as {source} (PyTorch layout)").format(source=part.source)
        lines.append(f'<span style="color:#606060">{html.escape(stored)}</span>')
        return "<br>".join(lines)


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


def _rich(text: str, font: QFont) -> QTextDocument:
    """Rich text (subscripts) on one line, measured: ``.size()`` is what it covers."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setHtml(f'<span style="color:{INK.name()}">{text}</span>')
    return doc


def _keep_together(title: str, wrap: bool) -> str:
    """A bold title; when it must wrap, its "(…)" part (the textbook's term) starts a line
    (the caller makes the line wide enough for it)."""
    text = html.escape(title)
    if wrap:
        text = re.sub(r" ?(\([^)]*\))", r"<br>\1", text)
    return f"<b>{text}</b>"


def _label(symbol: str, k: int) -> str:
    """ "h<sub>0</sub>": a row's or a column's label."""
    return f"{symbol}<sub>{k}</sub>"


def _centred(items: _Layout, rect: QRectF, text: str, font: QFont, align) -> None:
    """A rich label placed in ``rect`` (centred, or right-aligned), muted."""
    doc = _rich(f'<span style="color:{MUTED.name()}">{text}</span>', font)
    size = doc.size()
    x = rect.right() - size.width() if align == _RIGHT else rect.center().x() - size.width() / 2
    items.statics.append((QPointF(x, rect.center().y() - size.height() / 2), doc))


def _ink_on(fill: QColor) -> QColor:
    """Dark text on light cells, white on dark ones (relative luminance)."""
    r, g, b = fill.redF(), fill.greenF(), fill.blueF()
    return INK if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else QColor("#FFFFFF")


def _bracket(painter: QPainter, rect: QRectF) -> None:
    """Square brackets left and right of a matrix, the way the textbook prints one."""
    tick = 6.0
    left, right = rect.left() - 2, rect.right() + 2
    top, bottom = rect.top() + 1, rect.bottom() - 1
    painter.drawLine(QPointF(left, top), QPointF(left, bottom))
    painter.drawLine(QPointF(left, top), QPointF(left + tick, top))
    painter.drawLine(QPointF(left, bottom), QPointF(left + tick, bottom))
    painter.drawLine(QPointF(right, top), QPointF(right, bottom))
    painter.drawLine(QPointF(right, top), QPointF(right - tick, top))
    painter.drawLine(QPointF(right, bottom), QPointF(right - tick, bottom))
