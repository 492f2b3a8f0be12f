"""The gradient-flow plot: ‖dh_t‖ = ‖∂L/∂h_t‖ per step on a log axis (and ‖dc_t‖ for the LSTM).

Values a log axis cannot show are never dropped silently: exactly 0 ("vanished") becomes a
▼ at the bottom, inf / NaN ("overflow") a red ▲ at the top, and the label above the plot
counts them. A dashed line of slope ρ per step (anchored at the last step) shows what the
spectral radius alone predicts; dashed verticals mark the chunk boundaries of truncated
BPTT. Compare mode overlays the ‖dh_t‖ of RNN, LSTM and GRU on the same input.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from . import plot_helpers as ph
from .plot_style import (
    BACKGROUND,
    FOREGROUND,
    CursorMarker,
    RefreshWhenSeen,
    apply_fonts,
    style_plot,
)
from .theme import CELL_COLORS, OVERFLOW_COLOR, font_scale, scaled_font

DC_COLOR = "#CC79A7"
REFERENCE_COLOR = "#707070"
BOUNDARY_COLOR = "#404040"
CELL_NAMES = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}


class GradientFlowView(QWidget):
    """‖dh_t‖ (and ‖dc_t‖) against t on a log axis, following the session.

    Attributes
    ----------
    dh_curve, dc_curve, reference_curve : the single-cell curves.
    compare_curves : {"rnn", "lstm", "gru"} → curve, shown in compare mode only.
    vanished_markers, overflow_markers : the ▼ / ▲ markers of 0 and inf/NaN values.
    """

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.compare = QCheckBox(self.tr("Compare RNN / LSTM / GRU on the same input"))
        self.summary_label = QLabel()
        self.legend_label = QLabel()
        self.status_label = QLabel()
        self.plot_widget = pg.PlotWidget(background=BACKGROUND)
        self.plot = self.plot_widget.getPlotItem()
        self._build_items()
        self._build_layout()
        self._refresh = RefreshWhenSeen(self, self._show_trace, self._show_cursor)
        self.compare.toggled.connect(self._on_compare_toggled)
        session.trace_changed.connect(self._on_trace_changed)
        session.cursor_changed.connect(self._on_cursor_changed)
        font_scale().scale_changed.connect(self._on_font_scale_changed)
        self._on_font_scale_changed()
        self._on_trace_changed()

    # ---------------------------------------------------------------- construction
    def _build_items(self) -> None:
        plot = self.plot
        style_plot(plot, self.tr("step t"), self.tr("gradient norm (log scale)"))
        plot.setLogMode(x=False, y=True)
        plot.showGrid(x=False, y=True, alpha=0.3)
        plot.enableAutoRange(False)
        self.boundaries = self._curve(pg.mkPen(BOUNDARY_COLOR, width=2, style=Qt.DashLine))
        self.boundaries.setData([], [], connect="pairs")
        self.reference_curve = self._curve(pg.mkPen(REFERENCE_COLOR, width=2.5, style=Qt.DashLine))
        self.dc_curve = self._curve(pg.mkPen(DC_COLOR, width=3))
        self.dh_curve = self._curve(pg.mkPen(CELL_COLORS["rnn"], width=3.5))
        self.compare_curves = {
            cell: self._curve(pg.mkPen(color, width=3.5)) for cell, color in CELL_COLORS.items()
        }
        self.vanished_markers = self._markers("t", FOREGROUND)
        self.overflow_markers = self._markers("t1", OVERFLOW_COLOR)
        self.reference_curve.setZValue(3)
        self.cursor = CursorMarker(plot)

    def _curve(self, pen) -> pg.PlotDataItem:
        curve = pg.PlotDataItem(pen=pen, connect="finite")
        self.plot.addItem(curve)
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
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.compare)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.status_label)

    # ---------------------------------------------------------------- handlers
    def _on_trace_changed(self) -> None:
        self._refresh.request(full=True)

    def _on_cursor_changed(self, _cursor: int) -> None:
        self._refresh.request()

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

    # ---------------------------------------------------------------- drawing
    def _show_single(self) -> None:
        """‖dh_t‖ (+ ‖dc_t‖), the ρ reference line (RNN) and the truncation boundaries."""
        grads, cell = self.session.grads, self.session.model.cell
        self.dh_curve.setPen(pg.mkPen(CELL_COLORS[cell], width=3.5))
        entries = [("━━", CELL_COLORS[cell], self.tr("‖dh_t‖ = ‖∂L/∂h_t‖"))]
        series = [("dh", grads.dh_norm, self.dh_curve, CELL_COLORS[cell])]
        if grads.dc_norm is not None:
            series.append(("dc", grads.dc_norm, self.dc_curve, DC_COLOR))
            entries.append(("━━", DC_COLOR, self.tr("‖dc_t‖ = ‖∂L/∂c_t‖")))
        reference = None
        if cell == "rnn":
            rho = self.session.recurrent_stats()["spectral_radius"]
            reference = ph.reference_line(grads.dh_norm, rho)
            text = self.tr("slope ρ per step, ρ = {r}").format(r=f"{rho:.2f}")
            entries.append(("╺ ╸", REFERENCE_COLOR, text))
        self._set_visible(single=True, has_dc=grads.dc_norm is not None, reference=cell == "rnn")
        self._draw(series, reference)
        self._set_legend(entries)
        self.summary_label.setText(self._single_summary(grads))

    def _single_summary(self, grads) -> str:
        if grads.dc_norm is None:
            return self._summary(grads.dh_norm, "h")
        dh = self.tr("(‖dh‖: {f})").format(f=self._change_text(grads.dh_norm))
        return f"{self._summary(grads.dc_norm, 'c')}&nbsp;&nbsp;{dh}"

    def _show_compare(self) -> None:
        """The ‖dh_t‖ of the three cells on the same input, in the cells' colours."""
        results = self.session.compare_results()
        series = [
            (cell, results[cell].grads.dh_norm, self.compare_curves[cell], CELL_COLORS[cell])
            for cell in ("rnn", "lstm", "gru")
        ]
        self._set_visible(single=False, has_dc=False, reference=False)
        self._draw(series, None)
        self._set_legend(
            [("━━", CELL_COLORS[c], f"{CELL_NAMES[c]} ‖dh_t‖") for c in ("rnn", "lstm", "gru")]
        )
        parts = [
            f"<span style='color:{CELL_COLORS[c]}'><b>{CELL_NAMES[c]}</b></span> "
            + self._change_text(results[c].grads.dh_norm)
            for c in ("rnn", "lstm", "gru")
        ]
        self.summary_label.setText(
            self.tr("From the last step back to t = 0: ") + ",  ".join(parts)
        )

    def _set_visible(self, single: bool, has_dc: bool, reference: bool) -> None:
        self.dh_curve.setVisible(single)
        self.dc_curve.setVisible(single and has_dc)
        self.reference_curve.setVisible(reference)
        for curve in self.compare_curves.values():
            curve.setVisible(not single)

    def _draw(self, series, reference) -> None:
        """Set the curves, the markers, the boundaries and a y range that shows them all."""
        T = self.session.T
        t = np.arange(T)
        shown = [ph.log_safe(values)[0] for _, values, _, _ in series]
        current = self.plot.property("shown_y")
        lo, hi = ph.sticky_range(tuple(current) if current else None, ph.log_range(shown))
        for values, (_, _, curve, _) in zip(shown, series, strict=True):
            curve.setData(t, values)
        if reference is not None:
            self.reference_curve.setData(t, reference)
        self._draw_markers(series, lo, hi)
        self._draw_boundaries(lo, hi)
        if self.plot.property("shown_T") != T:
            self.plot.setProperty("shown_T", T)
            self.plot.setXRange(-0.5, T - 0.5, padding=0)
        if self.plot.property("shown_y") != [lo, hi]:
            self.plot.setProperty("shown_y", [lo, hi])
            self.plot.setYRange(lo, hi, padding=0)
            self.plot.getAxis("left").setTicks([ph.decade_ticks(lo, hi, count=8), []])

    def _draw_markers(self, series, lo: float, hi: float) -> None:
        """▼ at the bottom for exact zeros (in the curve's colour), red ▲ at the top for
        inf / NaN; the status label counts them."""
        xs_v, xs_o, brushes, counts = [], [], [], []
        for name, values, _, color in series:
            _, vanished, overflow = ph.log_safe(values)
            xs_v.append(np.flatnonzero(vanished))
            xs_o.append(np.flatnonzero(overflow))
            brushes += [pg.mkBrush(color)] * int(vanished.sum())
            counts.append((name, int(vanished.sum()), int(overflow.sum())))
        xv, xo = np.concatenate(xs_v), np.concatenate(xs_o)
        self.vanished_markers.setData(xv, np.full(xv.size, 10 ** (lo + 0.25)), symbolBrush=brushes)
        self.overflow_markers.setData(xo, np.full(xo.size, 10 ** (hi - 0.25)))
        self.status_label.setText(self._status(counts))

    def _draw_boundaries(self, lo: float, hi: float) -> None:
        steps = ph.chunk_boundaries(self.session.T, self.session.config.truncate)
        x, y = ph.boundary_segments(steps, 10.0**lo, 10.0**hi)
        self.boundaries.setData(x, y, connect="pairs")

    def _set_legend(self, entries) -> None:
        """The legend as one line of text above the plot (it never hides a curve)."""
        k = self.session.config.truncate
        if ph.chunk_boundaries(self.session.T, k).size:
            entries.append(
                ("┆", BOUNDARY_COLOR, self.tr("truncation cut, every k = {k}").format(k=k))
            )
        if _count(self.overflow_markers):
            entries.append(("▲", OVERFLOW_COLOR, self.tr("overflow (inf / NaN)")))
        if _count(self.vanished_markers):
            entries.append(("▼", FOREGROUND, self.tr("vanished (exactly 0)")))
        self.legend_label.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f"<b style='color:{color}'>{sample}</b>&nbsp;{escape(text)}"
                for sample, color, text in entries
            )
        )

    # ---------------------------------------------------------------- text
    def _change_text(self, values) -> str:
        decades = ph.decades_change(values)
        if decades is None:
            return self.tr("not finite")
        factor = ph.format_number(10.0**decades) if abs(decades) < 300 else f"10^{decades:.0f}"
        return "×" + factor

    def _summary(self, values, symbol: str) -> str:
        """ "‖dh‖ from the last step back to t = 0: ×4.4e-32 (fell 31 orders of magnitude)"."""
        decades = ph.decades_change(values)
        head = self.tr("‖d{s}‖ from the last step back to t = 0: ").format(s=symbol)
        if decades is None:
            return head + self._unreadable_end(values)
        if decades <= -1:
            verdict = self.tr("<b>fell {n:.1f} orders of magnitude</b>").format(n=-decades)
        elif decades >= 1:
            verdict = self.tr("<b style='color:{c}'>grew {n:.1f} orders of magnitude</b>").format(
                n=decades, c=OVERFLOW_COLOR
            )
        else:
            verdict = self.tr("<b>stayed within a factor of 10</b>")
        return f"{head}{self._change_text(values)} — {verdict}"

    def _unreadable_end(self, values) -> str:
        """Why the change cannot be given: an end vanished to 0 or overflowed."""
        ends = np.asarray(values, dtype=float)[[0, -1]]
        if not np.all(np.isfinite(ends)):
            return self.tr("<b style='color:{c}'>overflow</b> (▲ markers)").format(c=OVERFLOW_COLOR)
        return self.tr("<b>vanished to exactly 0</b> (▼ markers)")

    def _status(self, counts) -> str:
        parts = []
        for name, vanished, overflow in counts:
            label = CELL_NAMES.get(name, f"‖{name}‖")
            if vanished:
                parts.append(
                    self.tr("{n}: {k} steps vanished to exactly 0 (▼)").format(n=label, k=vanished)
                )
            if overflow:
                parts.append(
                    self.tr(
                        "<span style='color:{c}'>{n}: {k} steps overflowed to inf/NaN (▲)</span>"
                    ).format(n=label, k=overflow, c=OVERFLOW_COLOR)
                )
        return "   ".join(parts)


def _count(markers: pg.PlotDataItem) -> int:
    return 0 if markers.xData is None else int(markers.xData.size)
