"""The projector look of this module's pyqtgraph plots: white ground, dark text, scaled fonts.

Every plot of the heatmaps and the gradient lab is styled through :func:`style_plot` and
re-styled through :func:`apply_fonts` when the projector font scale changes, so axis ticks,
axis labels and titles grow together with the rest of the window.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from .plot_items import VerticalLine
from .theme import BASE_POINT_SIZE, CURSOR_COLOR, font_scale, scaled_font

BACKGROUND = "w"
FOREGROUND = "#202020"
TICK_POINT_SIZE = BASE_POINT_SIZE - 1
LABEL_POINT_SIZE = BASE_POINT_SIZE
TITLE_POINT_SIZE = BASE_POINT_SIZE + 1


def _pt(size: float) -> str:
    return f"{size * font_scale().scale:.1f}pt"


#: Pixels a bottom axis's end label may reach past the axis (pyqtgraph hides it otherwise:
#: a plot of 300 updates was labelled only up to 250).
EDGE_LABEL_ROOM = 14


def style_plot(plot: pg.PlotItem, x_label: str = "", y_label: str = "") -> None:
    """Dark axes on white, no mouse zoom or context menu (a projected lesson, not a lab)."""
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(FOREGROUND)
        axis.setTextPen(FOREGROUND)
        axis.enableAutoSIPrefix(False)
        if name == "bottom":  # the last label ("300") may reach a little past the axis end
            axis.setStyle(hideOverlappingLabels=EDGE_LABEL_ROOM)
        cache_axis(axis)
    plot.setProperty("x_label", x_label)
    plot.setProperty("y_label", y_label)
    apply_fonts(plot)


def follow_cursor_cheaply(view: pg.GraphicsView) -> None:
    """Keep no spatial index in ``view``'s scene: its cursor line and veil move on every
    step, and re-indexing them cost more than the index saves (a heatmap grid of ~250 items
    painted a step 0.65 ms faster without it; finding items under the mouse still works)."""
    view.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)


def cache_axis(axis: pg.AxisItem) -> None:
    """Keep the painted axis as a pixmap: while a slider is dragged the images and curves
    change on every frame, the axes rarely; replaying their text each frame is the
    slowest part of a redraw."""
    axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def replay_when_exposed(*items: QGraphicsItem) -> None:
    """Keep each item's picture as a pixmap, redrawn only when the item changes (its data,
    the zoom). A cursor step moves a thin line over a curve: Qt repaints the strip under
    the old and the new line, and an uncached curve draws itself whole (clipped) for that
    strip — 1–2 ms per plot on every step. Exports paint the
    items themselves (see ``figure_export``), so a figure gets vectors, not the pixmap."""
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def label_below(line: pg.InfiniteLine, below: bool, left: bool = False) -> None:
    """Put a horizontal line's label under it (a line near the top of the plot, like
    "solved" at 99 % accuracy, whose label above would be cut off) or over it; ``left``:
    its text starts at the label's position (a label at the left end of the line)."""
    x = 0 if left else 1
    line.label.anchors = [(x, 0), (x, 0)] if below else [(x, 1), (x, 1)]
    line.label.updatePosition()


def peak_downsampling(curve: pg.PlotDataItem, samples_per_pixel: float = 1.0) -> None:
    """Draw a long curve as each pixel column's minimum and maximum ("peak"): the same
    picture, but a repaint costs the plot's width instead of T — a cursor step repaints
    every curve under the moving line, and 10,000 points of a thick pen cost ~3 ms.

    Call it after ``plot.addItem(curve)``: pyqtgraph 0.14's PlotItem.addItem sets the
    plot's own downsampling on the curve, and PlotDataItem ignores ``autoDownsample``
    passed to its constructor.
    """
    curve.opts["autoDownsampleFactor"] = float(samples_per_pixel)
    curve.setDownsampling(auto=True, method="peak")


def plain_text(rich: str) -> str:
    """What a rich-text label shows, as plain text (to measure it)."""
    return QTextDocumentFragment.fromHtml(rich).toPlainText()


def set_axis_labels(plot: pg.PlotItem, x_label: str | None, y_label: str | None) -> None:
    """Change the axis labels (None hides one), keeping the scaled font."""
    plot.setProperty("x_label", x_label or "")
    plot.setProperty("y_label", y_label or "")
    apply_fonts(plot)


def apply_fonts(plot: pg.PlotItem) -> None:
    """Tick fonts, axis labels and the title at the current projector scale."""
    for name, key in (("bottom", "x_label"), ("left", "y_label")):
        axis = plot.getAxis(name)
        axis.setTickFont(scaled_font(TICK_POINT_SIZE))
        text = plot.property(key) or ""
        if text:
            axis.setLabel(text, color=FOREGROUND, **{"font-size": _pt(LABEL_POINT_SIZE)})
        else:
            axis.showLabel(False)
    set_title(plot, plot.property("title_text"))


def set_title(plot: pg.PlotItem, text: str | None) -> None:
    """A bold title at the current scale, with a title row tall enough not to clip it."""
    plot.setProperty("title_text", text or "")
    if not text:
        plot.setTitle(None)
        return
    plot.setTitle(text, color=FOREGROUND, size=_pt(TITLE_POINT_SIZE), bold=True)
    height = int(2.2 * TITLE_POINT_SIZE * font_scale().scale) + 6
    plot.titleLabel.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)


def style_colorbar(bar: pg.ColorBarItem) -> None:
    """The colour bar's value axis in the plots' font and colour."""
    bar.axis.setPen(FOREGROUND)
    bar.axis.setTextPen(FOREGROUND)
    bar.axis.enableAutoSIPrefix(False)
    for name in ("left", "right", "top", "bottom"):
        cache_axis(bar.getAxis(name))
    bar.axis.setTickFont(scaled_font(TICK_POINT_SIZE))
    bar.axis.setWidth(int(40 * font_scale().scale) + 8)


def style_legend(legend: pg.LegendItem, point_size: float = LABEL_POINT_SIZE) -> None:
    """Legend text in the plots' colour at the current projector scale."""
    legend.setLabelTextColor(FOREGROUND)
    legend.setLabelTextSize(_pt(point_size))
    legend.setBrush(pg.mkBrush(255, 255, 255, 220))
    legend.setPen(pg.mkPen("#909090"))


class CursorMarker:
    """The cursor line at the current step: theme.CURSOR_COLOR with a dark outline, so it
    stands out on yellow and on blue alike. One item created once, moved with setPos."""

    def __init__(self, plot: pg.PlotItem, width: int = 3):
        outline = pg.mkPen(FOREGROUND, width=width + 3)
        self.line = VerticalLine(outline, pg.mkPen(CURSOR_COLOR, width=width))
        self.line.setZValue(10)
        plot.addItem(self.line, ignoreBounds=True)

    def set_step(self, step: int | None) -> None:
        """Put the line at x = step, or hide it (None: no step taken yet)."""
        self.line.setVisible(step is not None)
        if step is not None:
            self.line.setPos(step)

    def value(self) -> float:
        return self.line.value()

    def isVisible(self) -> bool:  # noqa: N802 (Qt-style, like the item it wraps)
        return self.line.isVisible()


class FollowFontScale(QObject):
    """Re-styles ``plots`` (ticks, axis labels, titles), ``legends``, colour ``bars`` and
    text ``labels`` on the plots (pg.TextItem) whenever the projector text size changes
    (View → Text size, presenter mode).

    A child of ``owner``, so the connection ends with the owner's widget.
    """

    def __init__(self, owner: QObject, plots=(), legends=(), bars=(), labels=()):
        super().__init__(owner)
        self._plots, self._legends, self._bars = list(plots), list(legends), list(bars)
        self._labels = list(labels)
        self._style_labels()
        font_scale().scale_changed.connect(self._restyle)

    def _style_labels(self) -> None:
        """Text on the plots (a line's "chance" / "solved") in the axis labels' size."""
        for label in self._labels:
            label.setFont(scaled_font(LABEL_POINT_SIZE))

    def _restyle(self, _scale: float = 1.0) -> None:
        for plot in self._plots:
            apply_fonts(plot)
        for legend in self._legends:
            style_legend(legend)
            for _, label in legend.items:  # a label keeps its size until drawn again
                label.setText(label.text)
            legend.updateSize()
        for bar in self._bars:
            style_colorbar(bar)
        self._style_labels()
