"""The lab controls change the session live and follow it when a preset is loaded."""

import pytest
from PySide6.QtCore import Qt

from visualrnn.session.lesson import LessonSession
from visualrnn.session.presets import load_presets
from visualrnn.ui.gradients.gradient_lab_controls import GradientLabControls

PRESETS = load_presets()[0]


@pytest.fixture
def lab(qtbot):
    session = LessonSession()
    widget = GradientLabControls(session)
    qtbot.addWidget(widget)
    widget.resize(380, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_presets_sync_the_controls_without_feedback(lab, qtbot):
    session = lab.session
    with qtbot.waitSignals([session.config_changed], timeout=1000):
        session.set_config(PRESETS["vanishing"].config)
    config = session.config
    assert lab.rho.value() == pytest.approx(0.5)
    assert lab.loss_last.isChecked() and lab.activation.isEnabled()
    assert not lab.forget_bias.isEnabled()
    assert lab.length.value() == 100 and not lab.truncate_on.isChecked()
    assert session.config is config  # syncing did not call session.update
    session.set_config(PRESETS["lstm_memory"].config)
    assert lab.forget_bias.value() == pytest.approx(4.0) and lab.forget_bias.isEnabled()
    assert not lab.activation.isEnabled()
    session.set_config(PRESETS["truncated"].config)
    assert lab.truncate_on.isChecked() and lab.truncate.value() == 20
    assert lab.loss_all.isChecked()
    session.set_config(PRESETS["exploding"].config)
    assert lab.clip_on.isChecked() and lab.clip.value() == pytest.approx(1.0)
    assert lab.activation.currentText() == "identity"


def test_slider_drag_updates_the_session_live(lab, qtbot):
    session = lab.session
    session.set_config(PRESETS["vanishing"].config)
    computed = []
    session.trace_changed.connect(lambda: computed.append(session.config.spectral_radius))
    for rho in (0.6, 0.8, 1.2):
        lab.rho.slider.setValue(lab.rho.to_position(rho))  # valueChanged, as while dragging
        qtbot.waitUntil(lambda r=rho: session.config.spectral_radius == pytest.approx(r))
    assert computed == pytest.approx([0.6, 0.8, 1.2])
    assert lab.rho.spin.value() == pytest.approx(1.2)
    # a drag faster than the recompute: the moves in between are merged into one
    for rho in (0.7, 0.9, 1.1, 1.3):
        lab.rho.slider.setValue(lab.rho.to_position(rho))
    qtbot.waitUntil(lambda: session.config.spectral_radius == pytest.approx(1.3))
    assert computed[3:] == pytest.approx([1.3])
    assert session.config.model_source == "init"


def test_activation_and_forget_bias(lab, qtbot):
    session = lab.session
    session.set_config(PRESETS["vanishing"].config)
    lab.activation.setCurrentIndex(lab.activation.findData("relu"))
    assert session.config.activation == "relu" and session.model.activation == "relu"
    session.set_config(PRESETS["lstm_memory"].config)
    lab.forget_bias.spin.setValue(1.0)
    qtbot.waitUntil(lambda: session.config.forget_bias == pytest.approx(1.0))


def test_sequence_length_typed(lab, qtbot):
    session = lab.session
    session.set_config(PRESETS["vanishing"].config)
    lab.length.spin.selectAll()
    qtbot.keyClicks(lab.length.spin, "250")
    qtbot.keyClick(lab.length.spin, Qt.Key.Key_Return)
    assert session.T == 250
    assert lab.truncate.spin.maximum() == 250


def test_loss_truncation_and_clipping(lab, qtbot):
    session = lab.session
    session.set_config(PRESETS["vanishing"].config)
    qtbot.mouseClick(lab.loss_all, Qt.MouseButton.LeftButton)
    assert session.config.loss_at == "all"
    lab.truncate_on.click()
    assert session.config.truncate == 20 and lab.truncate.isEnabled()
    lab.truncate.spin.setValue(10)
    assert session.config.truncate == 10
    lab.truncate_on.click()
    assert session.config.truncate is None
    lab.clip_on.click()
    assert session.config.clip == pytest.approx(1.0)
    lab.clip.slider.setValue(lab.clip.to_position(0.1))
    assert session.config.clip == pytest.approx(0.1, rel=0.02)
    assert session.grads.grad_norm_clipped <= session.config.clip * (1 + 1e-9)


def test_errors_are_shown_and_cleared(lab):
    session = lab.session
    session.set_input_text("1, x, 3")
    assert lab.error_label.text()
    assert "x" in lab.error_label.text()
    session.set_input_text("1, 2, 3")
    assert lab.error_label.text() == ""


def test_labels_wrap_to_a_narrow_dock(lab, shown_text):
    from PySide6.QtWidgets import QLabel

    assert lab.minimumSizeHint().width() <= 300  # no horizontal scrollbar at ~300 px
    texts = [label.text() for label in lab.findChildren(QLabel)]
    truncation = next(label for label in lab.findChildren(QLabel) if "Truncated" in label.text())
    assert truncation.wordWrap()
    assert any("b_z" in shown_text(text) for text in texts)  # the memory bias opens GRU z too
    lab.session.update(cell="gru", model_source="init")
    assert lab.forget_bias.isEnabled()
