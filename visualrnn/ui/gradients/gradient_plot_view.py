"""The gradient-flow plot: ‖dh_t‖ = ‖∂L/∂h_t‖ per step on a log axis (and ‖dc_t‖ for the LSTM).

The gradient flows from the loss at the end back in time: the x axis carries an arrow
"⟵ gradient flows back in time" and the headline reads the curve from the last step to
t = 0. Values a log axis cannot show are never dropped silently: exactly 0 ("vanished") becomes a
▼ at the bottom, inf / NaN ("overflow") a red ▲ at the top, and the label above the plot
counts them. A dashed line of slope ρ per step (anchored at the last step) shows what the
spectral radius alone predicts (RNN, full BPTT only: under truncation no path is longer
than k, so the line would wrongly suggest the curve "should" explode); dark red dashed
verticals (the network's cut colour) mark the chunk boundaries of truncated BPTT, where
the curve breaks (no gradient crosses a cut) and the headline reports the change per chunk.
Compare mode overlays the ‖dh_t‖ of RNN, LSTM and GRU on the same input and the LSTM's
‖dc_t‖, drawn as in single mode.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...engine.cellspec import CELL_SPECS, CellSpec, cell_spec
from ...session import LessonSession
from ..common import plot_helpers as ph
from ..common.cell_text import cell_label
from ..common.plot_items import StepLine
from ..common.plot_style import (
    BACKGROUND,
    FOREGROUND,
    apply_fonts,
    follow_cursor_cheaply,
    peak_downsampling,
    plain_text,
    replay_when_exposed,
    set_axis_labels,
    style_plot,
)
from ..common.refresh import SessionRefresh
from ..common.theme import CURSOR_COLOR, CUT_COLOR, OVERFLOW_COLOR, font_scale, scaled_font
from . import gradient_text as gt
from .steps_back_axis import show_steps_back

#: ‖dc_t‖ of a cell with a memory state: a colour of its own in single mode (solid: a
#: dashed pen on a long path is slow to draw); in compare mode dashed in its cell's colour,
#: so the two LSTMs stay apart.
DC_COLOR = "#CC79A7"
#: The memory path alone (last step's gradient × the memory gates): thin, dashed, grey.
PATH_COLOR = "#555555"
#: Lessons larger than this (T·H) skip the memory-path curve (it redoes the backward pass).
MAX_PATH_WORK = 400_000
DC_WIDTH = 3
REFERENCE_COLOR = "#707070"
#: The truncation cuts: the same dark red as the cut marks in the network.
BOUNDARY_COLOR = CUT_COLOR
MIN_PLOT_HEIGHT = 230  # with both axes' labels: below it the panel scrolls, never overlaps


class GradientFlowView(QWidget):
    """‖dh_t‖ (and ‖dc_t‖) against t on a log axis, following the session.

    The gradient flows from the loss (right, t = T−1) back in time to t = 0 (left); the x
    axis says so with an arrow, and the headline reads the curve in that direction.

    Attributes
    ----------
    dh_curve, dc_curve, reference_curve : the single-cell curves.
    compare_curves : cell → ‖dh_t‖ curve, shown in compare mode only (every cell type).
    compare_dc_curves : cell → ‖dc_t‖ curve of each cell with a memory state (compare mode).
    vanished_markers, overflow_markers : the ▼ / ▲ markers of 0 and inf/NaN values.
    """

    def __init__(self, session: LessonSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.compare = QCheckBox(self.tr("Compare RNN / LSTM / GRU on the same input"))
        self.summary_label = QLabel()
        self.legend_label = QLabel()
        self.status_label = QLabel()
        self.plot_widget = pg.PlotWidget(background=BACKGROUND, enableMenu=False)
        follow_cursor_cheaply(self.plot_widget)
        self.plot = self.plot_widget.getPlotItem()
        self._y_range: tuple[float, float] | None = None
        self._build_items()
        self._build_layout()
        self._refresh = SessionRefresh(self, session, self._show_trace, self._show_cursor)
        self.compare.toggled.connect(self._on_compare_toggled)
        self.plot.vb.sigResized.connect(self._on_plot_resized)
        font_scale().scale_changed.connect(self._on_font_scale_changed)
        self._on_font_scale_changed()
        self._refresh.request_trace()

    # ---------------------------------------------------------------- construction
    def _build_items(self) -> None:
        plot = self.plot
        step = self.tr("step t") + "&nbsp;&nbsp;&nbsp;&nbsp;"
        #: the axis note, long and short: the short one when the long one would be cut
        self._x_labels = (
            step + self.tr("<b>⟵ gradient flows back in time (BPTT), from the loss</b>"),
            step + self.tr("<b>⟵ back in time (BPTT)</b>"),
        )
        self._y_label = self.tr("norm (log scale)")
        style_plot(plot, self._x_labels[0], self._y_label)
        plot.setLogMode(x=False, y=True)
        plot.showGrid(x=False, y=True, alpha=0.3)
        plot.enableAutoRange(False)
        boundary_pen = pg.mkPen(BOUNDARY_COLOR, width=2, style=Qt.DashLine)
        self.boundaries = self._curve(boundary_pen, downsample=False)  # pairs, not a curve
        self.boundaries.setData([], [], connect="pairs")
        self.reference_curve = self._curve(pg.mkPen(REFERENCE_COLOR, width=2.5, style=Qt.DashLine))
        first = next(iter(CELL_SPECS.values()))  # pens are set again per trace
        self.dc_curve = self._curve(pg.mkPen(DC_COLOR, width=DC_WIDTH))
        self.path_curve = self._curve(pg.mkPen(PATH_COLOR, width=2, style=Qt.PenStyle.DashLine))
        self.dh_curve = self._curve(pg.mkPen(first.color, width=3.5))
        self.compare_curves = {
            key: self._curve(pg.mkPen(spec.color, width=3.5)) for key, spec in CELL_SPECS.items()
        }
        self.compare_dc_curves = {
            key: self._curve(dc_pen(spec))
            for key, spec in CELL_SPECS.items()
            if spec.memory_state is not None
        }
        self.vanished_markers = self._markers("t", FOREGROUND)
        self.overflow_markers = self._markers("t1", OVERFLOW_COLOR)
        self.reference_curve.setZValue(3)
        self.cursor = StepLine(plot)

    def _curve(self, pen, downsample: bool = True) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=pen, connect="finite")
        self.plot.addItem(curve)
        if downsample:  # a cursor step repaints it: its cost follows the width, not T
            peak_downsampling(curve)
        replay_when_exposed(curve.curve)
        return curve

    def _markers(self, symbol: str, color: str) -> pg.PlotDataItem:
        markers = pg.PlotDataItem(
            pen=None, symbol=symbol, symbolSize=14, symbolBrush=color, symbolPen=None
        )
        self.plot.addItem(markers)
        return markers

    def _build_layout(self) -> None:
        for label in (self.summary_label, self.status_label, self.legend_label):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.compare)
        bottom.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(bottom)

    # ---------------------------------------------------------------- handlers
    def _show_trace(self) -> None:
        if self.compare.isChecked():
            self._show_compare()
        else:
            self._show_single()
        self._show_cursor()

    def _show_cursor(self) -> None:
        cursor = self.session.cursor
        self.cursor.set_step(cursor - 1 if cursor > 0 else None)

    def _on_compare_toggled(self, _checked: bool) -> None:
        self._refresh.request(full=True)
        self._refresh.flush()

    def _on_font_scale_changed(self, _scale: float = 1.0) -> None:
        apply_fonts(self.plot)
        font = scaled_font()
        for widget in (self.compare, self.status_label, self.legend_label):
            widget.setFont(font)
        self.summary_label.setFont(scaled_font(font.pointSizeF() / font_scale().scale + 2))
        self.plot_widget.setMinimumHeight(int(MIN_PLOT_HEIGHT * font_scale().scale))
        self._set_y_ticks()
        self._fit_x_label()

    def _on_plot_resized(self, *_args) -> None:
        self._set_y_ticks()
        self._fit_x_label()

    def _fit_x_label(self) -> None:
        """The long axis note if it fits under the plot, else the short one."""
        long, short = self._x_labels
        bold = QFontMetricsF(scaled_font(bold=True))  # the note is bold: measure it so
        room = self.plot.vb.width() - 8
        label = long if bold.horizontalAdvance(plain_text(long)) <= room else short
        if self.plot.property("x_label") != label:
            set_axis_labels(self.plot, label, self._y_label)

    def figure_data(self) -> dict:
        """The curves shown, for "Export data (CSV)": step t and ‖dh_t‖ (‖dc_t‖ for a cell
        with a memory, the slope-ρ line when it is drawn) — or, comparing, each cell's."""
        self._refresh.flush()
        columns = {"t": np.arange(self.session.T)}
        if self.compare.isChecked():
            for cell, result in self.session.compare_results().items():
                columns[f"{cell} ‖dh_t‖"] = result.grads.dh_norm
                if result.grads.dc_norm is not None:
                    columns[f"{cell} ‖dc_t‖"] = result.grads.dc_norm
            return columns
        grads = self.session.grads
        columns["‖dh_t‖"] = grads.dh_norm
        if grads.dc_norm is not None:
            columns["‖dc_t‖"] = grads.dc_norm
        if self.reference_curve.isVisible():
            columns["slope ρ"] = self._reference(grads.dh_norm)
        return columns

    # ---------------------------------------------------------------- drawing
    def _truncation(self) -> int | None:
        """k when truncated BPTT cuts this trace at least once, else None."""
        k = self.session.config.truncate
        return k if ph.chunk_boundaries(self.session.T, k).size else None

    def _show_single(self) -> None:
        """‖dh_t‖ (+ ‖dc_t‖), the ρ reference line (RNN) and the truncation boundaries."""
        grads, spec = self.session.grads, cell_spec(self.session.model.cell)
        self.dh_curve.setPen(pg.mkPen(spec.color, width=3.5))
        entries = [("━━", spec.color, self.tr("‖dh<sub>t</sub>‖ = ‖∂L/∂h<sub>t</sub>‖"))]
        series = [("‖dh‖", grads.dh_norm, self.dh_curve, spec.color)]
        if grads.dc_norm is not None:
            series.append(("‖dc‖", grads.dc_norm, self.dc_curve, DC_COLOR))
            entries.append(("━━", DC_COLOR, self.tr("‖dc<sub>t</sub>‖ = ‖∂L/∂c<sub>t</sub>‖")))
        path = self._memory_path()
        if path is not None:
            series.append((self.tr("memory path"), path, self.path_curve, PATH_COLOR))
            entries.append(("╺ ╸", PATH_COLOR, self.tr("the memory path alone")))
        self.path_curve.setVisible(path is not None)
        reference = None
        # the slope-ρ line describes the simple RNN's W_h products only
        show_reference = spec.has_activation_choice and not self._truncation()
        if show_reference:
            reference = self._reference(grads.dh_norm)
            entries.append(("╺ ╸", REFERENCE_COLOR, self._reference_text()))
        self._set_visible(single=True, has_dc=grads.dc_norm is not None, reference=show_reference)
        self._draw(series, reference)
        self._set_legend(entries)
        self.summary_label.setText(self._single_summary(grads))

    def _memory_path(self) -> np.ndarray | None:
        """‖the last step's gradient × the memory gates back to t‖ (a gated cell; computed
        by the session once per trace — not for lessons too large to redo at once)."""
        spec, trace = cell_spec(self.session.model.cell), self.session.trace
        if spec.memory_gate is None and spec.memory_state is None:
            return None
        if trace.T * trace.H > MAX_PATH_WORK or self._truncation():
            return None
        return self.session.breakdown().memory_path

    def _reference(self, dh_norm) -> np.ndarray:
        """Slope ρ per step from the last step back (full BPTT only)."""
        rho = self.session.recurrent_stats()["spectral_radius"]
        return ph.reference_line(dh_norm, rho)

    def _reference_text(self) -> str:
        rho = ph.format_number(self.session.recurrent_stats()["spectral_radius"])
        return self.tr("slope ρ per step, ρ = {r}").format(r=rho)

    def _single_summary(self, grads) -> str:
        if grads.dc_norm is None:
            return self._summary(grads.dh_norm, "h")
        dh = self.tr("(‖dh‖: {f})").format(f=self._change_text(grads.dh_norm))
        return f"{self._summary(grads.dc_norm, 'c')}&nbsp;&nbsp;{dh}"

    def _show_compare(self) -> None:
        """The ‖dh_t‖ of the three cells on the same input, in the cells' colours, and the
        LSTM's ‖dc_t‖ (its memory path) in the same style as in single mode."""
        results = self.session.compare_results()  # a cell too large to compute is missing
        cells = [c for c in CELL_SPECS if c in results]
        series = [
            (c, results[c].grads.dh_norm, self.compare_curves[c], CELL_SPECS[c].color)
            for c in cells
        ]
        entries = [
            ("━━", CELL_SPECS[c].color, self._cell_name(c) + " ‖dh<sub>t</sub>‖") for c in cells
        ]
        for c in cells:
            dc = results[c].grads.dc_norm
            if dc is not None and c in self.compare_dc_curves:
                label = cell_label(CELL_SPECS[c])
                series.append((f"{label} ‖dc‖", dc, self.compare_dc_curves[c], CELL_SPECS[c].color))
                entries.append(("╺ ╸", CELL_SPECS[c].color, f"{label} ‖dc<sub>t</sub>‖"))
        self._set_visible(single=False, has_dc=False, reference=False)
        for c, curve in self.compare_curves.items():
            curve.setVisible(c in results)
        for c, curve in self.compare_dc_curves.items():
            curve.setVisible(c in results and results[c].grads.dc_norm is not None)
        self._draw(series, None)
        self._set_legend(entries)
        self.summary_label.setText(self._compare_summary(results))

    def _cell_name(self, cell: str) -> str:
        """ "LSTM (b_f + 3)": the cell and the memory bias its weights carry, if any (the
        other cells get a sensible one when the lesson sets none: session/derived.py)."""
        spec, session = CELL_SPECS[cell], self.session
        own = cell == session.model.cell
        bias = session.config.forget_bias if own else session.compare_memory_bias()
        if spec.memory_gate is None or not bias:
            return cell_label(spec)
        if cell == self.session.model.cell and self.session.config.model_source != "init":
            return cell_label(spec)
        sign = "+" if bias > 0 else "−"
        gate_bias = f"b<sub>{spec.memory_gate}</sub>"
        return f"{cell_label(spec)} ({gate_bias} {sign} {ph.format_number(abs(bias))})"

    def _compare_summary(self, results) -> str:
        parts = []
        for c, spec in CELL_SPECS.items():
            text = f"<b style='color:{spec.color}'>{cell_label(spec)}</b> "
            if c not in results:
                parts.append(text + self.tr("too large to compute live"))
                continue
            text += self._change_text(results[c].grads.dh_norm)
            dc = results[c].grads.dc_norm
            if dc is not None:
                text += self.tr(" (‖dc‖ {f})").format(f=self._change_text(dc))
            parts.append(text)
        head = self._direction_head()
        return head + self.tr("‖dh‖ ") + ",&nbsp; ".join(parts)

    def _set_visible(self, single: bool, has_dc: bool, reference: bool) -> None:
        self.dh_curve.setVisible(single)
        self.dc_curve.setVisible(single and has_dc)
        self.path_curve.setVisible(single and self.path_curve.isVisible())
        self.reference_curve.setVisible(reference)
        for curve in [*self.compare_curves.values(), *self.compare_dc_curves.values()]:
            curve.setVisible(not single)

    def _draw(self, series, reference) -> None:
        """Set the curves (broken at truncation cuts), the markers, the boundaries and a y
        range that shows them all."""
        T = self.session.T
        cuts = ph.chunk_boundaries(T, self.session.config.truncate)
        shown = [ph.log_safe(values)[0] for _, values, _, _ in series]
        current = self.plot.property("shown_y")
        lo, hi = ph.sticky_range(tuple(current) if current else None, ph.log_range(shown))
        for values, (_, _, curve, _) in zip(shown, series, strict=True):
            curve.setData(*ph.with_gaps(values, cuts))
        if reference is not None:
            self.reference_curve.setData(*ph.with_gaps(reference, cuts))
        self._draw_markers(series, lo, hi)
        self._draw_boundaries(lo, hi)
        if self.plot.property("shown_T") != T:
            self.plot.setProperty("shown_T", T)
            show_steps_back(self.plot, T)
            self.plot.setXRange(-0.5, T - 0.5, padding=0)
            dx = ph.integer_tick_spacing(T, ticks=8)
            self.plot.getAxis("bottom").setTickSpacing(dx, dx)
        if self.plot.property("shown_y") != [lo, hi]:
            self.plot.setProperty("shown_y", [lo, hi])
            # room above the top decade (and below the bottom one) for half a tick label,
            # whatever the span: pyqtgraph drops a label that would stick out of the axis
            span = hi - lo
            self.plot.setYRange(lo - 0.1 - 0.03 * span, hi + 0.4 + 0.06 * span, padding=0)
            self._y_range = (lo, hi)
            self._set_y_ticks()

    def _set_y_ticks(self) -> None:
        """Decade ticks, as many as the plot's height has room for."""
        if self._y_range is None:
            return
        count = ph.tick_count(self.plot.vb.height(), spacing=3.5 * scaled_font().pointSizeF())
        ticks = ph.decade_ticks(*self._y_range, count=count)
        if self.plot.property("y_ticks") != ticks:
            self.plot.setProperty("y_ticks", ticks)
            self.plot.getAxis("left").setTicks([ticks, []])

    def _draw_markers(self, series, lo: float, hi: float) -> None:
        """▼ at the bottom for exact zeros (in the curve's colour), red ▲ at the top for
        inf / NaN; the status label counts them."""
        xs_v, xs_o, brushes, counts = [], [], [], []
        T = self.session.T  # one marker per pixel column at most: the same picture, cheaper
        for name, values, _, color in series:
            _, vanished, overflow = ph.log_safe(values)
            xs_v.append(ph.thin_steps(np.flatnonzero(vanished), T))
            xs_o.append(ph.thin_steps(np.flatnonzero(overflow), T))
            brushes += [pg.mkBrush(color)] * xs_v[-1].size
            counts.append((name, int(vanished.sum()), int(overflow.sum())))
        xv, xo = np.concatenate(xs_v), np.concatenate(xs_o)
        self.vanished_markers.setData(xv, np.full(xv.size, 10 ** (lo + 0.25)), symbolBrush=brushes)
        self.overflow_markers.setData(xo, np.full(xo.size, 10 ** (hi - 0.25)))
        self.status_label.setText(gt.marker_status(counts))

    def _draw_boundaries(self, lo: float, hi: float) -> None:
        steps = ph.chunk_boundaries(self.session.T, self.session.config.truncate)
        x, y = ph.boundary_segments(steps, 10.0**lo, 10.0**hi)
        self.boundaries.setData(x, y, connect="pairs")

    def _set_legend(self, entries) -> None:
        """The legend as one line of text above the plot (it never hides a curve).

        ``entries`` : (sample, colour, rich text) — the text may hold <sub> markup.
        """
        k = self._truncation()
        if k:
            entries.append(
                (
                    "┆",
                    BOUNDARY_COLOR,
                    self.tr("truncation cut every k = {k}: no gradient crosses").format(k=k),
                )
            )
        if _count(self.overflow_markers):
            entries.append(("▲", OVERFLOW_COLOR, self.tr("overflow (inf / NaN)")))
        if _count(self.vanished_markers):
            entries.append(("▼", FOREGROUND, self.tr("vanished (exactly 0)")))
        entries.append(("┃", CURSOR_COLOR, self.tr("the lesson's step t")))
        self.legend_label.setText(
            "&nbsp;&nbsp;&nbsp; ".join(
                f"<span style='white-space:nowrap'><b style='color:{color}'>{sample}</b>"
                f"&nbsp;{text}</span>"
                for sample, color, text in entries
            )
        )

    # ---------------------------------------------------------------- text
    def _change_text(self, values) -> str:
        return gt.change_text(values, self._truncation())

    def _direction_head(self) -> str:
        return gt.direction_head(self.session.T, self._truncation())

    def _summary(self, values, symbol: str) -> str:
        return gt.summary(values, symbol, self.session.T, self._truncation())


def _count(markers: pg.PlotDataItem) -> int:
    return 0 if markers.xData is None else int(markers.xData.size)


def dc_pen(spec: CellSpec):
    """The pen of a cell's ‖dc_t‖ curve in compare mode: its colour, dashed."""
    return pg.mkPen(spec.color, width=DC_WIDTH, style=Qt.PenStyle.DashLine)
