"""The "chance" and "solved" labels on the training and race plots grow with View → Text
size like every other text on a projected plot."""

from __future__ import annotations

import pytest

from visualrnn.ui.common.plot_style import LABEL_POINT_SIZE
from visualrnn.ui.common.theme import font_scale
from visualrnn.ui.training.race_plot import RacePlots
from visualrnn.ui.training.training_plots import TrainingPlots


@pytest.fixture(autouse=True)
def _normal_text_size():
    font_scale().set_scale(1.0)
    yield
    font_scale().set_scale(1.0)


@pytest.mark.parametrize("kind", [RacePlots, TrainingPlots])
def test_line_labels_follow_the_text_size(qtbot, kind):
    plots = kind()
    qtbot.addWidget(plots)
    labels = [plots.chance_line.label, plots.solved_line.label]
    before = [label.textItem.font().pointSizeF() for label in labels]
    assert before == [LABEL_POINT_SIZE] * 2  # the axis labels' size
    font_scale().set_scale(1.6)
    after = [label.textItem.font().pointSizeF() for label in labels]
    assert after == [pytest.approx(1.6 * before[0], rel=0.05)] * 2
