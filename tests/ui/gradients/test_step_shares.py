"""Each step's share of ∂L/∂W_h, as bars: with a vanishing gradient only the last steps
contribute, and the bars are the engine's numbers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.gradients.gradients_panel import GradientsPanel


def test_the_bars_show_where_w_h_learns_from(qtbot):
    session = LessonSession(load_presets()[0]["vanishing"].config)
    panel = GradientsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    view = panel.step_shares
    assert not view.plot_widget.isVisible()  # on request only
    qtbot.mouseClick(view.toggle, Qt.MouseButton.LeftButton)
    assert view.plot_widget.isVisible()
    heights = np.asarray(view.bars.opts["height"])
    np.testing.assert_allclose(heights, session.breakdown().step_norms["W_h"])
    assert heights[-10:].sum() > 0.99 * heights.sum()  # the last ten steps: all of it
    session.set_config(load_presets()[0]["lstm_memory"].config)
    later = np.asarray(view.bars.opts["height"])
    assert later.size == 100 and later[:50].sum() > 0.01 * later.sum()  # the LSTM reaches back
