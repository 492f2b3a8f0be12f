"""The unrolled network panel (textbook Fig. 8.2), animated as the cursor steps through time.

:class:`UnrolledNetworkView` is the panel: a toolbar (rolled / backward / fit), the colour
legend, the rolled cell of Fig. 8.1 (optional) and the scene
(:class:`~.network_graphics_view.NetworkGraphicsView`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..common import theme
from ..common.color_legend import ColorLegend
from .network_graphics_view import NetworkGraphicsView
from .rolled_cell_view import RolledCellView


class UnrolledNetworkView(QWidget):
    """The network panel: toolbar, legend, the rolled cell (Fig. 8.1) and the unrolled one."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.network = NetworkGraphicsView(session)
        self.rolled = RolledCellView(session)
        self.legend = ColorLegend()
        self.rolled_button = self._toggle(self._rolled_text(False), self._on_rolled_toggled)
        self.rolled_button.setToolTip(self.tr("Show the compact form: one cell with a loop"))
        self.backward_button = self._toggle(
            self.tr("Backward: gradient ‖∂L/∂h‖"), self._on_backward_toggled
        )
        self.backward_button.setToolTip(
            self.tr("Animate the gradient flowing back in time; thickness and colour by ‖∂L/∂hₜ‖")
        )
        self.fit_button = QToolButton(text=self.tr("Fit"))
        self.fit_button.setToolTip(
            self.tr(
                "Show every step of a short sequence, else the default zoom "
                "(wheel zooms, drag pans)"
            )
        )
        self.fit_button.clicked.connect(self.network.fit)
        self._equals = QLabel("=")
        # small minimums: a short dock shrinks the diagram, it never scrolls the legend away
        self.network.setMinimumHeight(60)
        self.rolled.setMinimumHeight(60)
        self._build()
        session.trace_changed.connect(self._on_trace_changed)
        session.direction_changed.connect(self._on_direction_changed)
        if session.backward:  # a panel made anew (another language) while reading backwards
            self._on_direction_changed(True)
        theme.font_scale().scale_changed.connect(self._on_scale_changed)
        self._on_scale_changed(theme.font_scale().scale)
        self._on_rolled_toggled(False)
        self._on_trace_changed()

    def finish_animations(self) -> None:
        """Jump every running animation to its end state (call before a screenshot)."""
        self.network.finish_animations()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        """No: the diagram scales to any height. (The legend's height-for-width, passed up,
        made the dock's scroll area give the panel more height than the dock has, so the
        legend was scrolled out of view.)"""
        return False

    def heightForWidth(self, _width: int) -> int:  # noqa: N802 (Qt override)
        return -1

    def _toggle(self, text: str, slot) -> QToolButton:
        button = QToolButton(text=text)
        button.setCheckable(True)
        button.toggled.connect(slot)
        return button

    def _build(self) -> None:
        bar = QHBoxLayout()
        for w in (self.rolled_button, self.backward_button, self.fit_button):
            bar.addWidget(w)
        bar.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.rolled)
        row.addWidget(self._equals)
        row.addWidget(self.network, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addLayout(row, 1)
        layout.addWidget(self.legend)

    def _rolled_text(self, on: bool) -> str:
        return self.tr("Hide rolled form") if on else self.tr("Show rolled form (Fig. 8.1)")

    def _on_rolled_toggled(self, on: bool) -> None:
        self.rolled.setVisible(on)
        self._equals.setVisible(on)
        self.rolled_button.setText(self._rolled_text(on))

    def _on_backward_toggled(self, on: bool) -> None:
        """The button reads the lesson backwards for every view (the session's direction)."""
        self._session.set_backward(on)

    def _on_direction_changed(self, backward: bool) -> None:
        if self.backward_button.isChecked() != backward:
            self.backward_button.setChecked(backward)
        self.network.set_backward(backward)
        self._update_legend()

    def _on_trace_changed(self) -> None:
        if self.backward_button.isChecked():
            self.network.set_backward(True)
        self._update_legend()

    def _update_legend(self) -> None:
        builder = self.network._builder
        self.legend.set_truncation(self.network.cuts.k)
        if self.backward_button.isChecked():
            self.legend.set_log(
                *builder.grad_range, loss_last=self._session.config.loss_at == "last"
            )
        else:
            self.legend.set_scales(list(builder.scales.items()))

    def _on_scale_changed(self, _scale: float) -> None:
        font = theme.scaled_font(12.0)
        for w in (self.rolled_button, self.backward_button, self.fit_button):
            w.setFont(font)
        self._equals.setFont(theme.scaled_font(28.0, True))
