"""The rolled form (Fig. 8.1) writes its numbers with the app's Digits setting."""

from __future__ import annotations

from visualrnn.session import LessonSession
from visualrnn.ui.network.unrolled_network_view import UnrolledNetworkView


def test_the_rolled_form_follows_the_digits_setting(qtbot):
    from visualrnn.ui.common.number_format import number_settings

    session = LessonSession()
    view = UnrolledNetworkView(session)
    qtbot.addWidget(view)
    session.set_cursor(1)
    rolled = view.rolled
    before = rolled._builder.data(0).h.texts
    number_settings().set_digits(5)
    try:
        after = rolled._builder.data(0).h.texts
        assert before == ["0.537", "0.462"] and after == ["0.53705", "0.46212"]
    finally:
        number_settings().set_digits(3)
