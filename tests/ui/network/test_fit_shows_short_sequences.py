"""'Fit' shows every step of a short sequence (it used to do nothing visible at T = 5)."""

from __future__ import annotations

from visualrnn.session import LessonSession
from visualrnn.ui.network.unrolled_network_view import UnrolledNetworkView


def test_fit_brings_all_five_steps_into_view(qtbot):
    session = LessonSession()
    session.set_input_text("1, 2, 3, 4, 5")
    view = UnrolledNetworkView(session)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    network = view.network
    assert len(network.visible_steps()) < 5  # the default zoom: about 2.4 steps across
    view.fit_button.click()
    assert list(network.visible_steps()) == [0, 1, 2, 3, 4]
