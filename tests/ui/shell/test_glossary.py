"""The vocabulary of the screens is defined on screen: Help → Glossary (F1) and tooltips."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from visualrnn.session import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.common.glossary import ENTRIES, tooltip
from visualrnn.ui.shell.main_window import MainWindow


def test_help_glossary_lists_every_term(qtbot):
    window = MainWindow(LessonSession(), load_presets()[0])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.help_menu.glossary_action.shortcut().toString() == "F1"
    window.help_menu.glossary_action.trigger()
    dialog = window.help_menu.glossary
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser).toPlainText()
    for needle in ("spectral radius", "σ_max", "γ", "φ", "overflow", "saturated"):
        assert needle in text
    assert "necessary, not sufficient" in text and "clipping" in text and "truncated" in text
    assert len(ENTRIES) >= 10


def test_the_readout_and_the_lab_define_their_symbols_in_tooltips(qtbot):
    from visualrnn.ui.gradients import create_panels

    panels = {p.key: p.widget for p in create_panels(LessonSession())}
    for widget in panels.values():
        qtbot.addWidget(widget)
    readout, lab = panels["gradients"].readout, panels["lab"]
    assert "spectral radius" in readout.stats_label.toolTip()
    assert "Pascanu" in readout.verdict_label.toolTip()
    assert "C/‖g‖" in lab.clip.toolTip() and "cut every k steps" in lab.truncate.toolTip()
    assert tooltip("rho") in lab.rho.toolTip()


def test_the_gradient_plot_counts_steps_back_from_the_loss(qtbot):
    from visualrnn.ui.gradients import create_panels

    session = LessonSession(load_presets()[0]["vanishing"].config)
    panels = {p.key: p.widget for p in create_panels(session)}
    for widget in panels.values():
        qtbot.addWidget(widget)
    top = panels["gradients"].plot_view.plot.getAxis("top")
    ticks = dict(top._tickLevels[0])
    assert ticks[99.0] == "0" and ticks[79.0] == "20"  # the last step is 0 steps back
    assert "steps back from the loss" in top.labelText
