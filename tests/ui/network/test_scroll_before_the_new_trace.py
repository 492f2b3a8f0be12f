"""A relayout may scroll the network before it hears of a new trace (another view's
handler of the same ``trace_changed`` showed a toolbar). Scrolling then binds the steps
of the trace it shows — indexing the new, longer one's steps into the old step data raised
IndexError inside a layout pass, and the window crashed (chaos run, seed 31)."""

from __future__ import annotations

from visualrnn.session import LessonSession
from visualrnn.ui.network.network_graphics_view import NetworkGraphicsView


def test_a_scroll_between_a_new_trace_and_its_signal_binds_the_shown_steps(qtbot):
    session = LessonSession()
    session.generate_input("sine", T=18, period=6.0)
    view = NetworkGraphicsView(session)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    session.blockSignals(True)  # the view has not heard of the new trace yet
    try:
        session.generate_input("sine", T=100, period=6.0)
        assert session.T == 100
        bar = view.horizontalScrollBar()
        view.resize(400, 400)  # the relayout that scrolls it
        bar.setValue(bar.maximum())
        assert max(view.cell_items()) <= 17  # only steps of the trace it shows
    finally:
        session.blockSignals(False)
    session.trace_changed.emit()  # now it hears of it
    bar.setValue(bar.maximum())
    assert max(view.cell_items()) == 99
