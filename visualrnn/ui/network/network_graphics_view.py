"""The scene of the unrolled network: a pool of step items bound to the visible steps,
zoom and follow, click-to-step, and the forward / backward animations.

:class:`NetworkGraphicsView` keeps a pool of :class:`~.step_item.StepItem` bound to the steps
that are visible, so T = 10,000 builds as fast as T = 20.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene, QGraphicsView, QWidget

from ..common import theme
from ..common.number_format import number_settings
from .network_animation import (
    backward_segment,
    forward_segments,
    reveal_level,
    sweep_order,
    sweep_position,
)
from .step_data import StepDataBuilder, loss_steps, node_sizes, text_of
from .step_item import CURRENT, DONE, FUTURE, StepItem
from .step_layout import StepLayout
from .truncation_cuts import TruncationCuts

#: Zoomed out, at most this many steps are visible (and bound to items).
MAX_VISIBLE = 160
#: Playback faster than this (steps / s) is not animated: the cells just light up.
MAX_ANIMATED_SPEED = 24.0
#: The default zoom shows this many steps across (backward mode too: its numbers must stay
#: as readable as forward mode's) — few enough for a projector.
STEPS_ACROSS = 2.4
#: "Fit" shows every step of a sequence up to this long (longer ones: the default zoom).
FIT_ALL = 12
#: The scene's margin left of A_0 and right of A_{T−1} (their labels, the last h arrow).
SCENE_MARGIN = 100.0


#: The scroll bar drawn flat: it moves on most steps, and the Fusion style's gradients cost
#: ten times as much to paint.
SCROLLBAR_STYLE = (
    "QScrollBar:horizontal { height: 14px; background: #EEEEEE; }"
    "QScrollBar::handle:horizontal { background: #A8A8A8; min-width: 40px; border-radius: 5px;"
    " margin: 2px; }"
    "QScrollBar::handle:horizontal:hover { background: #808080; }"
    "QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal { width: 0px; }"
    "QScrollBar::add-page:horizontal, QScrollBar::sub-page:horizontal { background: none; }"
)


class NetworkGraphicsView(QGraphicsView):
    """The scene of the unrolled network; wheel zooms, drag pans, a click moves the cursor.

    Signals
    -------
    sweep_step_changed(int) : backward mode's sweep reached step t (T−1 first, 0 last).
    """

    sweep_step_changed = Signal(int)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._setup_view()
        self._bound: dict[int, StepItem] = {}
        self._free: list[StepItem] = []
        self._zoom = 1.0
        self._cursor = session.cursor
        self._backward = False
        self._sweep_t: int | None = None
        self._animating_t: int | None = None
        self._segments = []
        self._press = None
        self._pulses = [self._make_pulse() for _ in range(5)]
        self.cuts = TruncationCuts()
        self._scene.addItem(self.cuts)
        self._anim = self._make_animation(self._on_frame, self._on_animation_finished)
        self._sweep = self._make_animation(self._on_sweep_frame, self._on_sweep_finished)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        session.trace_changed.connect(self._on_trace_changed)
        session.cursor_changed.connect(self._on_cursor_changed)
        theme.font_scale().scale_changed.connect(self._on_scale_changed)
        number_settings().digits_changed.connect(self._on_scale_changed)
        self._on_trace_changed()

    def _setup_view(self) -> None:
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setBackgroundBrush(QColor("#FBFBF8"))
        self.horizontalScrollBar().setStyleSheet(SCROLLBAR_STYLE)
        # the diagram's height always fits (fit_area); zoomed in, drag to pan vertically
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    def _make_pulse(self) -> QGraphicsEllipseItem:
        pulse = QGraphicsEllipseItem(-11, -11, 22, 22)
        pulse.setBrush(QColor(theme.CURSOR_COLOR))
        pulse.setPen(QPen(QColor("#5A3A00"), 2.5))
        pulse.setZValue(10)
        pulse.hide()
        self._scene.addItem(pulse)
        return pulse

    def _make_animation(self, on_frame, on_finished) -> QVariantAnimation:
        anim = QVariantAnimation(self)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setEasingCurve(QEasingCurve.Type.Linear)
        anim.valueChanged.connect(on_frame)
        anim.finished.connect(on_finished)
        return anim

    # ---------------------------------------------------------------- reading
    @property
    def layout_(self) -> StepLayout:
        return self._layout

    def cell_items(self) -> dict[int, StepItem]:
        """The items bound right now, by step (all steps when T is small)."""
        return dict(self._bound)

    def item_count(self) -> int:
        """How many step items exist (bound or pooled)."""
        return len(self._bound) + len(self._free)

    def backward_order(self) -> list[int]:
        """The order in which backward mode's animation visits the steps."""
        return sweep_order(self._session.T)

    def sweep_step(self) -> int | None:
        return self._sweep_t

    def cell_center(self, t: int) -> QPointF:
        """The centre of cell A_t in scene coordinates."""
        return QPointF(t * self._layout.dx, self._layout.box.center().y())

    def step_at(self, scene_pos: QPointF) -> int | None:
        """The step whose cell, input or output node is at ``scene_pos``."""
        L = self._layout
        t = round(scene_pos.x() / L.dx)
        if not 0 <= t < self._session.T:
            return None
        local = scene_pos - QPointF(t * L.dx, 0)
        rects = (L.box.adjusted(-10, -10, 10, 10), L.x_node, L.y_node)
        return t if any(r.adjusted(-8, -8, 8, 8).contains(local) for r in rects) else None

    def is_animating(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    # ---------------------------------------------------------------- modes
    def set_backward(self, on: bool) -> None:
        """Show the gradient flowing back (arrow width and colour by ‖dh_t‖) and sweep it."""
        self._backward = bool(on)
        self._stop_animations()
        for item in self._all_items():
            item.set_flags(self._backward, False)
        self._apply_zoom()
        if self._backward:
            self._sweep.setDuration(int(min(6000, max(1500, 150 * self._session.T))))
            self._sweep.start()

    def finish_animations(self) -> None:
        """Jump every running animation (the step's pulses, the backward sweep) to its end
        state — e.g. before a screenshot — and show the current step."""
        self._stop_animations()
        self._follow(self._session.step or 0, force=True)

    def fit(self) -> None:
        """A short sequence (≤ FIT_ALL steps): all of it in view; a longer one: the default
        zoom (the diagram's height fills the view), following the cursor."""
        T = self._session.T
        self._zoom = 1.0
        if T <= FIT_ALL:
            scene = self.sceneRect().width()
            whole = self.fit_area().width() / max(scene, 1.0) / self._fit_scale()
            self._zoom = min(1.0, whole)
        self._apply_zoom()
        self._follow(self._session.step or 0, force=True)

    # ---------------------------------------------------------------- session handlers
    def _on_trace_changed(self) -> None:
        session = self._session
        tr = session.trace
        self._stop_animations()
        digits = number_settings().digits
        text = text_of(session)  # text mode: characters in one box each, not strips
        self._builder = StepDataBuilder(tr, session.grads, digits, loss_steps(session), text)
        I, O = node_sizes(tr, text)  # noqa: E741
        self._layout = StepLayout.build(tr.cell, tr.H, I, O, digits)
        for item in self._all_items():
            item.set_layout(self._layout)
        self._release_all()
        bounds, box = self._layout.bounds(), self._layout.box
        left = box.left() - SCENE_MARGIN
        right = (session.T - 1) * self._layout.dx + box.right() + SCENE_MARGIN
        self._scene.setSceneRect(QRectF(left, bounds.top(), right - left, bounds.height()))
        self.cuts.set_cuts(session.config.truncate, session.T, self._layout)
        self._cursor = session.cursor
        self._apply_zoom()
        self._follow(session.step or 0, force=True)

    def _on_cursor_changed(self, cursor: int) -> None:
        previous, self._cursor = self._cursor, cursor
        self._stop_animations(sweep=False)
        for t, item in self._bound.items():
            item.set_state(self._state(t))
        if cursor > 0:
            self._follow(cursor - 1)
        if cursor == previous + 1 and not self._backward:
            self._animate_step(cursor - 1)

    def _on_scale_changed(self, _scale) -> None:
        self._on_trace_changed()

    def _on_scrolled(self, _value: int) -> None:
        self._sync_items()

    # ---------------------------------------------------------------- the item pool
    def _state(self, t: int) -> str:
        if t == self._cursor - 1:
            return CURRENT
        return DONE if t < self._cursor else FUTURE

    def _all_items(self) -> list[StepItem]:
        return list(self._bound.values()) + self._free

    def _release_all(self) -> None:
        for item in self._bound.values():
            item.hide()
            self._free.append(item)
        self._bound.clear()

    def visible_steps(self) -> range:
        """The steps that are (at least partly) in the viewport."""
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        dx, T = self._layout.dx, self._shown_T()
        lo = max(0, math.floor((rect.left() - dx) / dx))
        hi = min(T - 1, math.ceil((rect.right() + dx / 2) / dx))
        return range(lo, max(lo, hi + 1)) if T else range(0)

    def _sync_items(self) -> None:
        """Re-bind pooled items so that exactly the visible steps have one."""
        steps = self.visible_steps()
        for t in [t for t in self._bound if t not in steps]:
            item = self._bound.pop(t)
            item.hide()
            self._free.append(item)
        last = self._shown_T() - 1
        for t in steps:
            if t in self._bound:
                continue
            item = self._free.pop() if self._free else self._new_item()
            item.bind(self._builder.data(t), last=t == last)
            item.set_state(self._state(t))
            item.set_flags(self._backward, t == self._sweep_t)
            item.show()
            self._bound[t] = item

    def _shown_T(self) -> int:  # noqa: N802 (the textbook's T)
        """T of the shown trace (a relayout may scroll us before we hear of a new one)."""
        return self._builder.trace.T

    def _new_item(self) -> StepItem:
        item = StepItem(self._layout)
        self._scene.addItem(item)
        return item

    # ---------------------------------------------------------------- zoom and follow
    def _fit_scale(self) -> float:
        """The default zoom (the same in both modes): the diagram's height fills the view,
        but at least STEPS_ACROSS steps fit across — and a short sequence whose whole scene
        is not much wider than that fits entirely (T = 2: no scroll bar, cells centred)."""
        height = self._layout.bounds().height() + 20
        needed = STEPS_ACROSS * self._layout.dx
        scene = self.sceneRect().width()
        if scene <= needed + 1.2 * self._layout.dx:
            needed = scene + 8
        area = self.fit_area()
        across = area.width() / needed
        return max(0.02, min(area.height() / height, across))

    def fit_area(self) -> QSize:
        """The viewport the zoom is fitted to: as if the horizontal scroll bar always showed
        (and the vertical one never does). A zoom that depended on whether the bar is shown
        would show it, shrink, hide it, grow … — a resize loop that froze the window."""
        size = self.maximumViewportSize()
        bar = self.horizontalScrollBar().sizeHint().height()
        return QSize(max(1, size.width()), max(1, size.height() - bar))

    def _min_zoom(self) -> float:
        needed = self.fit_area().width() / (MAX_VISIBLE * self._layout.dx)
        return min(1.0, needed / self._fit_scale())

    def _apply_zoom(self) -> None:
        self._zoom = min(4.0, max(self._min_zoom(), self._zoom))
        s = self._fit_scale() * self._zoom
        self.resetTransform()
        self.scale(s, s)
        self._sync_items()

    def _follow(self, t: int, force: bool = False) -> None:
        """Scroll so that cell A_t is in view (centred if it was out of view)."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        cx, dx = t * self._layout.dx, self._layout.dx
        scene = self.sceneRect()
        if scene.width() <= visible.width():
            self.centerOn(QPointF(scene.center().x(), visible.center().y()))
        elif force or not (visible.left() + dx * 0.6 <= cx <= visible.right() - dx * 0.6):
            self.centerOn(QPointF(cx + (dx * 0.5 if not force else 0.0), visible.center().y()))
        self._sync_items()

    def resizeEvent(self, event) -> None:
        """Keep what was in the middle of the view in the middle (the centre of the viewport
        *before* the resize: a view lent to the presenter grows to the right), and the
        current step in view."""
        old = event.oldSize()
        super().resizeEvent(event)
        inset = self.size() - self.viewport().size()  # the frame and the scroll bar
        if old.width() > inset.width() and old.height() > inset.height():
            center = self.mapToScene((old - inset).width() // 2, (old - inset).height() // 2)
        else:
            center = self.mapToScene(self.viewport().rect().center())
        self._apply_zoom()
        self.centerOn(center)
        if self._session.step is not None:
            self._follow(self._session.step)
        self._sync_items()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps == 0:
            return
        self._zoom *= 1.2**steps
        old = self.transform().m11()
        self._zoom = min(4.0, max(self._min_zoom(), self._zoom))
        factor = self._fit_scale() * self._zoom / old
        self.scale(factor, factor)
        self._sync_items()
        event.accept()

    # ---------------------------------------------------------------- clicks
    def mousePressEvent(self, event) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position() - self._press).manhattanLength()
        self._press = None
        if moved < 6:
            t = self.step_at(self.mapToScene(event.position().toPoint()))
            if t is not None:
                self._session.set_cursor(t + 1)

    # ---------------------------------------------------------------- forward animation
    def animation_duration(self) -> int:
        """Milliseconds of one step's animation: 600 when stepping by hand, else 80 % of
        a step's time at the playback speed (0 = too fast to animate)."""
        if not self._session.playing:
            return 600
        speed = self._session.speed
        return 0 if speed > MAX_ANIMATED_SPEED else int(min(600, 800 / speed))

    def _animate_step(self, t: int) -> None:
        duration = self.animation_duration()
        if duration <= 0:
            return
        self._animating_t = t
        self._segments = forward_segments(self._layout, t, last=t == self._session.T - 1)
        self._anim.setDuration(duration)
        self._on_frame(0.0)
        self._anim.start()

    def _on_frame(self, p) -> None:
        """One frame of the step animation at progress p (0 … 1)."""
        p = float(p)
        for pulse, seg in zip(self._pulses, self._segments, strict=False):
            pos = seg.at(p)
            pulse.setVisible(pos is not None)
            if pos is not None:
                pulse.setPos(pos)
        item = self._bound.get(self._animating_t)
        if item is not None:
            item.set_state(CURRENT, reveal_level(p))

    def _on_animation_finished(self) -> None:
        self._on_frame(1.0)
        self._hide_pulses()
        self._animating_t = None

    def _hide_pulses(self) -> None:
        for pulse in self._pulses:
            pulse.hide()

    def _stop_animations(self, sweep: bool = True) -> None:
        if self._anim.state() == QVariantAnimation.State.Running:
            self._anim.stop()
            self._on_animation_finished()
        if sweep and self._sweep.state() == QVariantAnimation.State.Running:
            self._sweep.stop()
            self._on_sweep_finished()

    # ---------------------------------------------------------------- backward sweep
    def _on_sweep_frame(self, p) -> None:
        """Backward mode: the gradient at progress p, travelling from step T−1 to step 0."""
        T = self._session.T
        t, u = sweep_position(T, float(p))
        if t != self._sweep_t:
            self._set_sweep(t)
        seg = backward_segment(self._layout, t, last=t == T - 1)
        pulse = self._pulses[0]
        pulse.setPos(seg.at(min(1.0, max(0.0, u))))
        pulse.show()

    def _set_sweep(self, t: int | None) -> None:
        old = self._bound.get(self._sweep_t)
        if old is not None:
            old.set_flags(self._backward, False)
        self._sweep_t = t
        if t is None:
            return
        self._follow(t)
        item = self._bound.get(t)
        if item is not None:
            item.set_flags(self._backward, True)
        self.sweep_step_changed.emit(t)

    def _on_sweep_finished(self) -> None:
        self._set_sweep(None)
        self._hide_pulses()
