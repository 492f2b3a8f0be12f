"""The training lab: train the lesson's model on a task in a worker process and watch it
learn — the curves, the gradient during learning, the trained weights in every view."""

from PySide6.QtCore import QCoreApplication, Qt

from ..common.panels import PanelSpec


def create_panels(session) -> list[PanelSpec]:
    """The curves (bottom) and the training controls (left)."""
    from .training_panel import TrainingControls, TrainingPanel

    controls = TrainingControls(session)
    curves = QCoreApplication.translate("TrainingPanels", "Training curves")
    lab = QCoreApplication.translate("TrainingPanels", "Training")
    area = Qt.DockWidgetArea
    return [
        PanelSpec("training", curves, TrainingPanel(session, controls), area.BottomDockWidgetArea),
        PanelSpec("training_lab", lab, controls, area.LeftDockWidgetArea, presentable=False),
    ]
