"""The inside of the current cell: textbook Fig. 8.4 (RNN), Fig. 8.6/8.7 (LSTM), the GRU.

Every gate is a σ or tanh box showing its output as bars per unit; the pointwise × and +
nodes, the c (LSTM) or h (GRU) path on top, the states entering on the left and leaving on
the right. Hovering a unit highlights it in every box of the same size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QLabel, QVBoxLayout, QWidget

from ...engine.cell_diagrams import Diagram
from ...engine.cellspec import cell_spec
from ...session import LessonSession
from ..common import theme
from ..common.cell_text import quantity_name
from ..common.color_legend import ColorLegend
from ..common.color_scales import Scale, value_scales
from ..common.number_format import number_settings
from ..common.refresh import SessionRefresh
from .cell_items import BarsItem, OpItem, WireItem

#: Boxes whose values come from another key of the step record.
VALUE_KEY = {"h_out": "h"}
#: Margin (scene units) kept around the diagram when it is fitted to the view.
MARGIN = 8.0
#: Below this zoom (≈ 8 px text) the diagram is covered by a note asking for more room.
MIN_READABLE_SCALE = 0.38


class CellDiagramView(QGraphicsView):
    """The diagram of one cell type, bars updated to the session's current step."""

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QColor("#FBFBF8"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.diagram: Diagram | None = None
        self.bars: dict[str, BarsItem] = {}
        self.ops: list[OpItem] = []
        self.wires: list[WireItem] = []
        self._scene: QGraphicsScene | None = None
        self.hover_unit: int | None = None
        self.too_small = QLabel(
            self.tr("Too small to read: make this panel larger (drag its edge or undock it)."),
            self.viewport(),
        )
        self.too_small.setWordWrap(True)
        self.too_small.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.too_small.setStyleSheet("background: #FBFBF8; color: #444; padding: 8px;")
        self.too_small.hide()

    def build(self, cell: str, activation: str = "tanh") -> None:
        """A new scene for ``cell`` (the old one and its items are dropped together); the
        simple RNN's layer box is labelled with its ``activation``."""
        self.diagram = d = cell_spec(cell).diagram(activation)
        scene = QGraphicsScene(self)
        self.bars = {b.key: BarsItem(b, self._on_hover) for b in d.boxes}
        self.ops = [OpItem(o.text, o.center) for o in d.ops]
        self.wires = [WireItem(w) for w in d.wires] + [
            WireItem(w, main=True, arrow=k == len(d.main_wires) - 1)
            for k, w in enumerate(d.main_wires)
        ]
        for item in [*self.bars.values(), *self.ops, *self.wires]:
            scene.addItem(item)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        old, self._scene = self._scene, scene
        self.setScene(scene)
        if old is not None:
            old.deleteLater()
        self._fit()

    def set_step(self, step: dict | None, ranges: dict) -> None:
        """Show ``Trace.step(t)`` (None: nothing computed yet)."""
        for key, item in self.bars.items():
            k = VALUE_KEY.get(key, key)
            values = None if step is None else step.get(k)
            item.set_values(values, ranges.get(k, 1.0))

    def set_fonts(self) -> None:
        for item in self.bars.values():
            item.set_fonts()

    def _on_hover(self, unit: int | None, source: BarsItem) -> None:
        """Highlight ``unit`` in every box with as many units as the hovered one."""
        self.hover_unit = unit
        size = None if source.values is None else source.values.size
        for item in self.bars.values():
            same = item.values is not None and item.values.size == size
            item.set_hover_unit(unit if same else None)

    def sizeHint(self) -> QSize:
        return QSize(480, 340)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 80)

    def readable(self) -> bool:
        """Whether the fitted diagram is large enough to read (else the note covers it)."""
        return self.transform().m11() >= MIN_READABLE_SCALE

    def _fit(self) -> None:
        if self._scene is not None:
            self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.too_small.setGeometry(self.viewport().rect())
        self.too_small.setFont(theme.scaled_font(12.0))
        self.too_small.setVisible(not self.readable())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()


class CellInternalsView(QWidget):
    """The cell panel: the diagram and, below it, the textbook's names of the gates."""

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._cell: tuple | None = None
        self._ranges: dict = {}
        self.diagram_view = CellDiagramView(session)
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.legend = ColorLegend(compact=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.diagram_view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.key)
        self._refresh = SessionRefresh(self, session, self._show_trace, self._show_cursor)
        theme.font_scale().scale_changed.connect(self._on_scale_changed)
        number_settings().digits_changed.connect(self._on_digits_changed)
        self._on_scale_changed(theme.font_scale().scale)
        self._refresh.request_trace()

    def _on_digits_changed(self, _digits: int) -> None:
        self.diagram_view.viewport().update()
        for item in self.diagram_view.bars.values():
            item.update()

    def heightForWidth(self, _width: int) -> int:  # noqa: N802 (Qt override)
        """None: the diagram scales to any height, so the panel (in its dock's scroll area)
        must not ask for the height the wrapped key wants with the diagram at its preferred
        size — that only added a vertical scroll bar (slow to paint, on every step)."""
        return -1

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A short panel gives its height to the diagram: the names go first, then the key."""
        super().resizeEvent(event)
        self.key.setVisible(self.height() >= 560)
        self.legend.setVisible(self.height() >= 440)

    def _show_trace(self) -> None:
        tr = self.session.trace
        if (tr.cell, tr.activation) != self._cell:
            self._cell = (tr.cell, tr.activation)
            self.diagram_view.build(tr.cell, tr.activation)
            self.key.setText(self._key_text(tr.cell))
        ranges = value_scales(tr)
        candidates = {
            q.key: Scale(1.0) for q in cell_spec(tr.cell).gates() if q.kind == "candidate"
        }
        self._ranges = {**ranges, "h_prev": ranges["h"], **candidates}
        if "c" in ranges:
            self._ranges["c_prev"] = ranges["c"]
        self._show_legend(tr.cell, ranges)
        self._show_cursor()

    def _show_legend(self, cell: str, ranges: dict) -> None:
        """The colour key: each value's scale (a candidate, z or n, is a tanh: ±1), gates."""
        spec = cell_spec(cell)
        scales = list(ranges.items())
        for q in spec.gates():
            if q.kind == "candidate":
                scales.insert(2, (q.key, Scale(1.0)))
        self.legend.set_scales(scales, gates=bool(spec.gates()), future=False)

    def _show_cursor(self) -> None:
        t = self.session.step
        step = None if t is None else self.session.trace.step(t)
        self.diagram_view.set_step(step, self._ranges)

    def _on_scale_changed(self, _scale: float) -> None:
        self.key.setFont(theme.scaled_font(12.0))
        self.diagram_view.set_fonts()

    def _key_text(self, cell: str) -> str:
        spec = cell_spec(cell)
        names = [quantity_name(q) for q in spec.gates()]
        if not names:  # a cell without gates: its state and the output layer
            names = [
                quantity_name(spec.quantity("h")),
                self.tr("output layer y (用于输出的全连接层)"),
            ]
        items = " &nbsp;·&nbsp; ".join(f"<b>{name}</b>" for name in names)
        legend = self.tr("One bar per unit (0, 1, …); hover a bar for its value.")
        return f"{items}<br><span style='color:#555'>{legend}</span>"
