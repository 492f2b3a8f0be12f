"""Where the pulses of the unrolled network are at animation progress p (0 … 1).

Stepping forward into step t: values travel from x_t and from A_{t−1} (along h, and c for
the LSTM) into A_t during the first half, then from A_t up to y_t and on towards A_{t+1}.
Backward mode sweeps from the last step to the first, one arrow at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF

from .step_layout import StepLayout

#: The forward animation's phases: (start, end) of progress p.
ARRIVE, LEAVE = (0.0, 0.45), (0.55, 1.0)


@dataclass(frozen=True)
class Segment:
    """A pulse moving from ``a`` to ``b`` while p goes from ``p0`` to ``p1``."""

    a: QPointF
    b: QPointF
    p0: float
    p1: float

    def at(self, p: float) -> QPointF | None:
        """The pulse's position at progress p, or None when it is not travelling."""
        if not self.p0 <= p <= self.p1:
            return None
        u = (p - self.p0) / (self.p1 - self.p0)
        return QPointF(
            self.a.x() + u * (self.b.x() - self.a.x()), self.a.y() + u * (self.b.y() - self.a.y())
        )


def forward_segments(L: StepLayout, t: int, last: bool) -> list[Segment]:
    """The pulses of stepping into step t (scene coordinates)."""
    cx = t * L.dx
    h_y = L.h_row.center().y()
    prev_right = cx - L.dx + L.box.right() if t > 0 else cx + L.box.left() - 70
    segs = [
        Segment(QPointF(cx, L.x_node.top()), QPointF(cx, L.box.bottom()), *ARRIVE),
        Segment(QPointF(prev_right, h_y), QPointF(cx + L.box.left(), h_y), *ARRIVE),
        Segment(QPointF(cx, L.box.top()), QPointF(cx, L.y_node.bottom()), *LEAVE),
    ]
    if L.c_row is not None:
        c_y = L.c_row.center().y()
        segs.append(Segment(QPointF(prev_right, c_y), QPointF(cx + L.box.left(), c_y), *ARRIVE))
    gap_end = cx + L.box.right() + (50 if last else (L.dx - L.box.width()) * 0.8)
    segs.append(Segment(QPointF(cx + L.box.right(), h_y), QPointF(gap_end, h_y), *LEAVE))
    return segs


def reveal_level(p: float) -> int:
    """What the arriving cell shows at progress p: 0 inputs only, 1 + h (and c), 2 + y."""
    return 0 if p < ARRIVE[1] else (1 if p < 1.0 else 2)


def sweep_order(T: int) -> list[int]:
    """Backward mode visits the steps from the last to the first: T−1, …, 0."""
    return list(range(T - 1, -1, -1))


def sweep_position(T: int, p: float) -> tuple[int, float]:
    """The step the backward sweep is at for progress p, and the progress within it."""
    k = min(T - 1, int(p * T))
    return T - 1 - k, p * T - k


def backward_segment(L: StepLayout, t: int, last: bool) -> Segment:
    """The gradient dh_t travelling right to left along the arrow between A_t and A_{t+1}."""
    cx = t * L.dx
    h_y = L.h_row.center().y()
    right = cx + (L.box.right() + 60 if last else L.dx - L.box.width() / 2)
    return Segment(QPointF(right, h_y), QPointF(cx + L.box.right(), h_y), 0.0, 1.0)
