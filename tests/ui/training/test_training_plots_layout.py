"""The four training plots stay readable on a projector: side by side when the panel is
wide enough, two by two when it is not (or the text is large), never squeezed below a
readable height — the panel scrolls instead."""

from __future__ import annotations

import pytest

from tests.ui.axis_labels import left_tick_labels
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.training.learning_gradient_view import LearningGradientView
from visualrnn.ui.training.training_plots import ROW_HEIGHT, TrainingPlots


@pytest.fixture(autouse=True)
def _normal_text_size():
    font_scale().set_scale(1.0)
    yield
    font_scale().set_scale(1.0)


def _shown(qtbot, widget, width: int, height: int):
    """``widget`` shown at ``width`` × ``height`` (closed by qtbot after the test)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _grid(plots: TrainingPlots) -> list[tuple[int, int]]:
    """(row, column) of the loss, metric, ‖g‖ and gate plots in the layout."""
    cells = plots.ci.items
    shown = (plots.loss_plot, plots.metric_plot, plots.grad_plot, plots.gate_plot)
    return [cells[p][0] for p in shown]


def test_a_wide_panel_has_the_plots_in_a_row_a_narrow_one_two_by_two(qtbot):
    plots = _shown(qtbot, TrainingPlots(), 1400, 300)
    assert plots.columns == 4
    assert _grid(plots) == [(0, 0), (0, 1), (0, 2), (0, 3)]
    plots.resize(900, 400)
    qtbot.waitUntil(lambda: plots.columns == 2)
    assert _grid(plots) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert plots.minimumHeight() == 2 * ROW_HEIGHT  # two rows, each readable
    plots.resize(1400, 400)
    qtbot.waitUntil(lambda: plots.columns == 4)
    assert _grid(plots)[3] == (0, 3)


def test_large_text_lays_the_plots_out_two_by_two_and_taller(qtbot):
    plots = _shown(qtbot, TrainingPlots(), 1400, 300)
    assert (plots.columns, plots.minimumHeight()) == (4, ROW_HEIGHT)
    font_scale().set_scale(1.6)  # 4 plots × 300 px × 1.6 no longer fit in 1400 px
    assert plots.columns == 2
    assert plots.minimumHeight() == int(2 * ROW_HEIGHT * 1.6)
    font_scale().set_scale(1.0)
    assert (plots.columns, plots.minimumHeight()) == (4, ROW_HEIGHT)


def test_the_gradient_images_keep_a_readable_height_at_large_text(qtbot):
    view = LearningGradientView()
    qtbot.addWidget(view)
    assert view.minimumHeight() == ROW_HEIGHT
    font_scale().set_scale(1.6)
    assert view.minimumHeight() == int(ROW_HEIGHT * 1.6)


@pytest.mark.parametrize("task_name", ["sky_color", "adding"])
def test_the_chance_and_solved_labels_are_inside_the_plot(qtbot, task_name):
    from visualrnn.engine import init_model
    from visualrnn.engine.training import make_task

    plots = _shown(qtbot, TrainingPlots(), 1400, 360)
    task = make_task(task_name, 10)
    plots.set_task(task, init_model("lstm", task.input_size, 8, task.output_size, seed=0))
    plots.show_log(_empty_log(), None)
    qtbot.wait(50)
    view = plots.metric_plot.vb.sceneBoundingRect()
    for line in (plots.chance_line, plots.solved_line):
        label = line.label.sceneBoundingRect()
        assert view.contains(label), (line.label.toPlainText(), label, view)


def _empty_log():
    from visualrnn.session.training_log import TrainingLog

    return TrainingLog()


def test_a_long_run_status_never_widens_the_panel(qtbot):
    """'Sky colour (§8.1) · finished · update 300 · 300 updates done: …' at 160 % pushed
    the curves past the dock's right edge (a horizontal scroll bar)."""
    from visualrnn.session import LessonSession
    from visualrnn.ui.training.training_panel import TrainingPanel

    panel = TrainingPanel(LessonSession())
    qtbot.addWidget(panel)
    font_scale().set_scale(1.6)
    short = panel.minimumSizeHint().width()
    panel.status.setText("a very long status line · " * 12)
    text = panel.status.fontMetrics().horizontalAdvance(panel.status.text())
    assert panel.minimumSizeHint().width() == short < text / 2


def test_a_fraction_axis_labels_0_half_and_1_even_on_a_short_row(qtbot):
    """Accuracy and the mean forget gate are fractions: 0, 0.5 and 1 are labelled on the
    ~60 px tall plot of a docked row (pyqtgraph had kept only 0.2 … 0.8, or 0.5 alone)."""
    from visualrnn.engine import init_model
    from visualrnn.engine.training import make_task

    plots = _shown(qtbot, TrainingPlots(), 1400, ROW_HEIGHT)
    task = make_task("sky_color", 5)
    plots.set_task(task, init_model("lstm", task.input_size, 8, task.output_size, seed=0))
    qtbot.wait(20)
    assert plots.metric_plot.vb.height() < 80
    assert left_tick_labels(plots.metric_plot) == ["0", "0.5", "1"]
    assert left_tick_labels(plots.gate_plot) == ["0", "0.5", "1"]
