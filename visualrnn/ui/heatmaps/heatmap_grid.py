"""A grid of state / gate heatmaps of one cell type, sharing the time axis.

Each heatmap shows one quantity (T, H) as an image: time t along x (step t centred at
x = t), unit along y, with a fixed-range colour bar (or, with "stretch colours to the data",
one spanning the data), the cursor line at the current step
and a grey veil over the steps not reached yet (when "reveal as you step" is on). The image
always holds the full trace array; the veil is a separate item on top. Small grids (the
textbook's 2 × 2) write every value into its cell with three decimals and mark the current
step with a frame around its column instead of a line through the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QGraphicsRectItem

from ..common.plot_helpers import (
    format_number,
    image_for_display,
    integer_tick_spacing,
    step_ticks,
)
from ..common.plot_style import (
    BACKGROUND,
    FOREGROUND,
    TITLE_POINT_SIZE,
    CursorMarker,
    apply_fonts,
    follow_cursor_cheaply,
    set_title,
    style_colorbar,
    style_plot,
)
from ..common.theme import (
    CURSOR_COLOR,
    FUTURE_GREY,
    OVERFLOW_COLOR,
    colormap,
    diverging_color,
    scaled_font,
    sequential_color,
)
from ..common.veil import Veil
from . import state_quantities as sq

#: Up to this many cells (T·H) a heatmap also writes each value as text.
MAX_VALUE_LABELS = 48
#: Pixels per row of heatmaps (title, image, axis) below which the dock scrolls instead.
MIN_ROW_HEIGHT = 105
OVERFLOW_RGBA = QColor(OVERFLOW_COLOR).getRgb()


@dataclass
class HeatmapSlot:
    """The items of one heatmap, created once and updated in place."""

    quantity: sq.Quantity
    plot: pg.PlotItem
    image: pg.ImageItem
    bar: pg.ColorBarItem
    cursor: CursorMarker
    future: Veil
    overflow: pg.ImageItem
    frame: QGraphicsRectItem
    data: np.ndarray | None = None
    labels: list = field(default_factory=list)
    spare: list = field(default_factory=list)
    short_title: bool = False


class HeatmapGrid(pg.GraphicsLayoutWidget):
    """The heatmaps of one cell type in a grid.

    Signals
    -------
    hovered(str) : a description of the value under the mouse ("" when outside).
    unit_clicked(int) : the unit (row) a heatmap was clicked on.
    """

    hovered = Signal(str)
    unit_clicked = Signal(int)

    def __init__(self, cell: str, parent=None):
        super().__init__(parent)
        self.setBackground(BACKGROUND)
        follow_cursor_cheaply(self)
        self.cell = cell
        self.slots: list[HeatmapSlot] = []
        self._T, self._H = 0, 0
        self._activation = "tanh"
        self.stretch = False
        self._columns = sq.columns(cell)
        self._rows = -(-len(sq.quantities(cell)) // self._columns)
        self.setMinimumHeight(self._rows * MIN_ROW_HEIGHT)
        self._hover_proxy = pg.SignalProxy(
            self.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved
        )
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    @property
    def complete(self) -> bool:
        """Whether every heatmap of the cell is built (see :meth:`build_next`)."""
        return len(self.slots) == len(sq.quantities(self.cell))

    def build_next(self) -> None:
        """Build one more heatmap (~20–30 ms each). A grid starts empty and is built one
        heatmap per event-loop turn (or all at once by :meth:`set_trace`), so that a first
        switch to a cell type never blocks the window for the whole grid."""
        if self.complete:
            return
        k = len(self.slots)
        quantity = sq.quantities(self.cell)[k]
        slot = self._make_slot(quantity, k // self._columns, k % self._columns, self._columns)
        if self.slots:
            slot.plot.setXLink(self.slots[0].plot)
            slot.plot.setYLink(self.slots[0].plot)
        self.slots.append(slot)

    def build_all(self) -> None:
        while not self.complete:
            self.build_next()

    def _make_slot(self, quantity: sq.Quantity, row: int, col: int, columns: int) -> HeatmapSlot:
        plot = self.addPlot(row=row, col=2 * col, enableMenu=False)  # no menu: 4 ms less
        last_row = row == (len(sq.quantities(self.cell)) - 1) // columns
        style_plot(plot, self.tr("step t") if last_row else "", self.tr("unit") if col == 0 else "")
        set_title(plot, sq.title(quantity))
        _let_title_shrink(plot)
        image = pg.ImageItem(axisOrder="col-major")
        image.setColorMap(colormap(quantity.colormap))
        plot.addItem(image)
        plot.vb.sigResized.connect(self._on_plot_resized)
        overflow = pg.ImageItem(axisOrder="col-major")
        overflow.setZValue(2)
        plot.addItem(overflow)
        future = Veil(_veil_color())
        future.setZValue(5)
        future.setVisible(False)
        plot.addItem(future, ignoreBounds=True)
        cursor = CursorMarker(plot)
        frame = QGraphicsRectItem()
        frame.setPen(pg.mkPen(CURSOR_COLOR, width=4, cosmetic=True))
        frame.setZValue(25)
        frame.setVisible(False)
        plot.addItem(frame, ignoreBounds=True)
        bar = pg.ColorBarItem(
            values=(0, 1),
            colorMap=colormap(quantity.colormap),
            interactive=False,
            width=14,
            colorMapMenu=False,
        )
        style_colorbar(bar)
        self.addItem(bar, row=row, col=2 * col + 1)
        return HeatmapSlot(quantity, plot, image, bar, cursor, future, overflow, frame)

    # ---------------------------------------------------------------- updates
    def set_trace(self, trace) -> None:
        """Show a new trace: one setImage per heatmap, with explicit levels."""
        self.build_all()
        T, H = trace.T, trace.H
        reshaped = (T, H) != (self._T, self._H)
        self._T, self._H = T, H
        self._activation = trace.activation
        for slot in self.slots:
            slot.data = sq.quantity_array(trace, slot.quantity.name)
            self._show_image(slot, reshaped)
        if reshaped:
            plot = self.slots[0].plot
            plot.setXRange(-0.5, T - 0.5, padding=0)
            plot.setYRange(-0.5, H - 0.5, padding=0)
            self._set_ticks(T, H)

    def set_stretch(self, stretch: bool) -> None:
        """Fixed colour ranges (0…1 gates, −1…1 tanh outputs) or ranges stretched to the
        data (:func:`state_quantities.levels`); the colour bars show the range used."""
        if stretch == self.stretch:
            return
        self.stretch = stretch
        for slot in self.slots:
            if slot.data is not None:
                self._show_image(slot, reshaped=False)

    def _show_image(self, slot: HeatmapSlot, reshaped: bool) -> None:
        T, H = slot.data.shape
        lo, hi = sq.levels(slot.quantity, slot.data, self._activation, self.stretch)
        shown, overflow = image_for_display(slot.data, lo, hi)
        slot.image.setImage(shown, levels=(lo, hi), autoDownsample=T > 1000)
        if reshaped:
            slot.image.setRect(QRectF(-0.5, -0.5, T, H))
        if tuple(slot.bar.levels()) != (lo, hi):
            slot.bar.setLevels((lo, hi), update_items=False)
        self._show_overflow(slot, overflow)
        self._show_values(slot, lo, hi)

    def levels(self, slot: HeatmapSlot) -> tuple[float, float]:
        """The colour range a heatmap uses now (its colour bar's)."""
        return tuple(float(v) for v in slot.bar.levels())

    def _show_overflow(self, slot: HeatmapSlot, mask: np.ndarray | None) -> None:
        """Paint inf / NaN cells in the overflow colour (a second, RGBA image)."""
        slot.overflow.setVisible(mask is not None)
        if mask is None:
            return
        rgba = np.zeros(mask.shape + (4,), dtype=np.uint8)
        rgba[mask] = OVERFLOW_RGBA
        slot.overflow.setImage(rgba, levels=(0, 255), autoDownsample=mask.shape[0] > 1000)
        slot.overflow.setRect(QRectF(-0.5, -0.5, *mask.shape))

    def _set_ticks(self, T: int, H: int) -> None:
        """Whole-number ticks only (steps and units are counted, not measured), as many as
        the plot's width holds at the current text size (never "20406080")."""
        width = self.slots[0].plot.vb.width() if self.slots else 0.0
        label = QFontMetricsF(scaled_font()).horizontalAdvance(str(max(T - 1, 0)) + "00")
        ticks = step_ticks(T, width, label)  # 0 … T − 1 (a narrow plot showed a lone "50")
        dy = integer_tick_spacing(H, ticks=4)
        for slot in self.slots:
            bottom = slot.plot.getAxis("bottom")
            bottom.setStyle(hideOverlappingLabels=40)  # the end labels may stick out
            bottom.setTicks([ticks, []])
            slot.plot.getAxis("left").setTickSpacing(dy, dy)

    def _show_values(self, slot: HeatmapSlot, lo: float, hi: float) -> None:
        """Write each value into its cell when there are few (the textbook's 2 × 2)."""
        T, H = slot.data.shape
        count = T * H if T * H <= MAX_VALUE_LABELS else 0
        if count == 0 and not slot.labels:
            return
        while len(slot.labels) < count:
            label = slot.spare.pop() if slot.spare else pg.TextItem(anchor=(0.5, 0.5))
            label.setZValue(20)
            slot.plot.addItem(label, ignoreBounds=True)
            slot.labels.append(label)
        # labels no longer needed leave the scene (even hidden, each one is asked for its
        # bounds on every repaint: 192 of them cost ~1.5 ms per cursor step) but are kept,
        # never deleted, for the next small lesson
        for label in slot.labels[count:]:
            slot.plot.removeItem(label)
            slot.spare.append(label)
        del slot.labels[count:]
        for k, label in enumerate(slot.labels):
            t, u = divmod(k, H)
            self._write_value(label, slot, float(slot.data[t, u]), t, u, lo, hi)

    def _write_value(self, label, slot, value, t, u, lo, hi) -> None:
        if slot.quantity.kind == "gate":
            back = sequential_color((value - lo) / (hi - lo))
        else:
            back = diverging_color(value, hi)
        label.setColor("w" if back.lightness() < 120 else FOREGROUND)
        label.fill = pg.mkBrush(back)
        label.setFont(scaled_font(TITLE_POINT_SIZE, bold=True))
        label.setText(_cell_text(value) if np.isfinite(value) else self.tr("overflow"))
        label.setPos(t, u)

    def set_cursor(self, cursor: int, reveal: bool) -> None:
        """Move the cursor line to step cursor − 1; veil steps ≥ cursor when revealing."""
        step = cursor - 1 if cursor > 0 else None
        framed = self._T * self._H <= MAX_VALUE_LABELS
        for slot in self.slots:
            slot.cursor.set_step(None if framed else step)
            slot.frame.setVisible(framed and step is not None)
            if framed and step is not None:
                slot.frame.setRect(QRectF(step - 0.47, -0.47, 0.94, self._H - 0.06))
            veil = reveal and cursor < self._T
            slot.future.setVisible(veil)
            if veil:
                slot.future.set_rect(QRectF(cursor - 0.5, -0.5, self._T - cursor, self._H), -0.5)
            for k, label in enumerate(slot.labels):  # the written values: none ahead of time
                label.setVisible(not (reveal and k // self._H >= cursor))

    def apply_fonts(self) -> None:
        for slot in self.slots:
            apply_fonts(slot.plot)
            _let_title_shrink(slot.plot)
            style_colorbar(slot.bar)
        self._fit_titles()
        if self._T:
            self._set_ticks(self._T, self._H)

    def _on_plot_resized(self, *_args) -> None:
        self._fit_titles()
        if self._T:
            self._set_ticks(self._T, self._H)

    def _fit_titles(self) -> None:
        """The long title ("f — forget gate (遗忘门)") where it fits the plot's width, else
        the short one ("f (遗忘门)"): a title never runs under the colour bar."""
        metrics = QFontMetricsF(scaled_font(TITLE_POINT_SIZE, bold=True))
        for slot in self.slots:
            room = slot.plot.vb.width() - 4  # the title row spans the view box only
            short = metrics.horizontalAdvance(sq.title(slot.quantity)) > room
            if short != slot.short_title or slot.plot.property("title_text") is None:
                slot.short_title = short
                set_title(slot.plot, sq.title(slot.quantity, short=short))
                _let_title_shrink(slot.plot)

    # ---------------------------------------------------------------- mouse
    def slot_at(self, scene_pos: QPointF) -> tuple[HeatmapSlot, int, int] | None:
        """The heatmap, step t and unit u under a scene position, or None."""
        for slot in self.slots:
            if slot.data is None or not slot.plot.vb.sceneBoundingRect().contains(scene_pos):
                continue
            p = slot.plot.vb.mapSceneToView(scene_pos)
            t, u = int(round(p.x())), int(round(p.y()))
            if 0 <= t < self._T and 0 <= u < self._H:
                return slot, t, u
        return None

    def describe(self, slot: HeatmapSlot, t: int, u: int) -> str:
        value = float(slot.data[t, u])
        shown = format_number(value) if np.isfinite(value) else self.tr("overflow")
        return self.tr("{name}   unit {u}   step t = {t}   value {v}").format(
            name=sq.title(slot.quantity, short=True), u=u, t=t, v=shown
        )

    def _on_mouse_moved(self, args) -> None:
        hit = self.slot_at(args[0])
        self.hovered.emit(self.describe(*hit) if hit else "")

    def _on_mouse_clicked(self, event) -> None:
        hit = self.slot_at(event.scenePos())
        if hit:
            self.unit_clicked.emit(hit[2])


def _let_title_shrink(plot: pg.PlotItem) -> None:
    """A long title may be cut at its ends rather than widen the grid past the dock (which
    would push the last column of heatmaps out of sight); :meth:`HeatmapGrid._fit_titles`
    switches to the short title before that happens.

    pyqtgraph's LabelItem pins its minimum width to its text on every resize (updateMin);
    this wraps that method on the one title item so the minimum width stays 0.
    """
    label = plot.titleLabel
    if getattr(label, "_shrinkable", False):
        return
    pinned = label.updateMin

    def update_min() -> None:
        pinned()
        label.setMinimumWidth(0)
        # neither minimum nor preferred width: the columns stay equal whatever their
        # titles (a long title would otherwise claim a wider column than a short one)
        for which in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
            label._sizeHint[which] = (0, label._sizeHint[which][1])

    label.updateMin = update_min
    label._shrinkable = True
    update_min()


def _cell_text(value: float) -> str:
    """A value written in its cell: three decimals ("0.860", "−1.292", with a real minus
    sign), or the short form ("1.2·10⁵") when it is too large for that."""
    return f"{value:.3f}".replace("-", "−") if abs(value) < 1000 else format_number(value)


def _veil_color() -> QColor:
    color = QColor(FUTURE_GREY)
    color.setAlpha(235)
    return color
