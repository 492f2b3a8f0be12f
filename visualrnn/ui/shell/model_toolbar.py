"""The model toolbar: lesson preset, cell type, hidden size H, spectral radius ρ, seed with
"re-roll", and "reset to the same initialisation".

Every control changes the session through its methods; ``config_changed`` brings the
controls back in line (with their signals blocked, so nothing is computed twice).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from ...session.config import MAX_HIDDEN
from ..common.cell_text import CELL_SPECS, cell_label
from .fit_combo_box import FitComboBox


class ModelToolbar(QToolBar):
    """Preset menu and the model's main settings.

    Signals
    -------
    preset_chosen(str) : the preset of this name was applied.
    preset_requested(str) : the user picked this preset in the box (the window applies it).
    """

    preset_chosen = Signal(str)
    #: The user picked the preset of this name in the box (not applied yet).
    preset_requested = Signal(str)

    def __init__(self, session, presets: dict, parent: QWidget | None = None):
        super().__init__(self.tr("Model"), parent)
        self.setObjectName("model_toolbar")
        self.setMovable(False)
        self._session = session
        self._presets = presets
        self._applied: str | None = None  # the preset the lesson came from, if any
        self.preset_box = self._preset_box()
        self.modified_label = QLabel(self.tr("(changed)"), self)
        self.modified_label.setToolTip(
            self.tr("The lesson differs from the preset; choose the preset again to restore it")
        )
        self.cell_box = self._cell_box()
        self.hidden_spin = self._spin(QSpinBox(self), 1, MAX_HIDDEN, self._on_hidden_chosen)
        self.rho_spin = self._rho_spin()
        self.seed_spin = self._spin(QSpinBox(self), 0, 99_999, self._on_seed_chosen)
        self.reroll_button = self._button(
            QStyle.StandardPixmap.SP_BrowserReload,
            self.tr("Re-roll"),
            self.tr("Draw a new random seed: new initial weights, everything else the same"),
            session.reroll_seed,
        )
        self.reset_button = self._button(
            QStyle.StandardPixmap.SP_DialogResetButton,
            self.tr("Reset weights"),
            self.tr("Back to the lesson's own weights (the textbook's, or its seed)"),
            self._on_reset_clicked,
        )
        self._lay_out()
        self._tooltips()
        self._fix_spin_sizes()
        session.config_changed.connect(self._on_config_changed)
        self._on_config_changed(session.config)

    # ---------------------------------------------------------------- building
    def _lay_out(self) -> None:
        for label, widget in (
            (self.tr("Lesson"), self.preset_box),
            (self.tr("Cell"), self.cell_box),
            (self.tr("Hidden size H"), self.hidden_spin),
            (self.tr("Spectral radius ρ"), self.rho_spin),
            (self.tr("Seed"), self.seed_spin),
        ):
            self.addWidget(_label(label, widget, self))
            self.addWidget(widget)
            if widget is self.preset_box:
                self._modified_action = self.addWidget(self.modified_label)
                self.addSeparator()
        self.addWidget(self.reroll_button)
        self.addWidget(self.reset_button)

    def _tooltips(self) -> None:
        self.preset_box.setToolTip(self.tr("A preset sets the whole lesson"))
        self.cell_box.setToolTip(self.tr("Simple RNN, LSTM or GRU (switching uses seeded weights)"))
        self.hidden_spin.setToolTip(self.tr("H, the number of hidden units"))
        self.rho_spin.setToolTip(
            self.tr(
                "Scale the recurrent weights W_h to spectral radius ρ:\n"
                "ρ < 1 lets gradients vanish, ρ > 1 lets them explode ("
                "“default” keeps the initialiser's own scale)"
            )
        )
        self.seed_spin.setToolTip(self.tr("The random seed of the initial weights"))

    def _preset_box(self) -> QComboBox:
        box = FitComboBox(self)
        for name, preset in self._presets.items():
            box.addItem(QCoreApplication.translate("presets", preset.title), name)
            tip = QCoreApplication.translate("presets", preset.description)
            box.setItemData(box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        # never cut the lesson's name: with less room the toolbar's » menu takes the rest
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        box.activated.connect(self._on_preset_activated)
        return box

    def _cell_box(self) -> QComboBox:
        box = FitComboBox(self)
        for spec in CELL_SPECS.values():  # the user picks a cell here
            box.addItem(cell_label(spec), spec.key)
        box.activated.connect(self._on_cell_activated)
        return box

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fix_spin_sizes)  # not after the toolbar is gone

    def _fix_spin_sizes(self) -> None:
        """Fixed-size spin boxes: a widget whose minimum equals its maximum does not ask the
        main window to lay out again when its value changes (which repainted everything on
        every slider move that the toolbar follows)."""
        for spin in (self.hidden_spin, self.rho_spin, self.seed_spin):
            spin.setMinimumSize(0, 0)
            spin.setMaximumSize(16_777_215, 16_777_215)
            spin.setFixedSize(spin.sizeHint())

    def _spin(self, spin, low, high, slot):
        spin.setRange(low, high)
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        spin.valueChanged.connect(slot)
        return spin

    def _rho_spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setDecimals(2)
        spin.setSingleStep(0.05)
        spin.setSpecialValueText(self.tr("default"))
        return self._spin(spin, 0.0, 5.0, self._on_rho_chosen)

    def _button(self, icon, text, tip, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(slot)
        return button

    # ---------------------------------------------------------------- user → session
    def select_preset(self, name: str) -> bool:
        """Apply the preset ``name`` to the session and show it as chosen."""
        if name not in self._presets:
            return False
        with QSignalBlocker(self.preset_box):
            self.preset_box.setCurrentIndex(self.preset_box.findData(name))
        ok = self._session.set_config(self._presets[name].config)
        if ok:
            self._applied = name
            self._session.rewind()  # a lesson opens at its first step
            self.preset_chosen.emit(name)
        else:
            self.show_preset(self._applied)
        return ok

    def _show_default_rho(self) -> None:
        """ "default (0.64)": the ρ the seeded weights have, the number the gradient lab
        shows for the same quantity (one ρ, one value, wherever it is shown)."""
        rho = float(self._session.recurrent_stats()["spectral_radius"])
        text = _rho_text(rho, trained=self._session.config.model_source != "init")
        if text != self.rho_spin.specialValueText():
            self.rho_spin.setSpecialValueText(text)
            self._fix_spin_sizes()

    def show_preset(self, name: str | None) -> None:
        """Show ``name`` as the chosen lesson without applying it (a rebuilt toolbar; None:
        a lesson that is no preset, the box stays empty)."""
        self._applied = name if name in self._presets else None
        with QSignalBlocker(self.preset_box):
            self.preset_box.setCurrentIndex(self.preset_box.findData(self._applied))
        self._on_config_changed(self._session.config)

    def current_preset(self) -> str | None:
        return self.preset_box.currentData()

    def _on_preset_activated(self, index: int) -> None:
        """The window decides (it may ask about unsaved changes first); the box shows the
        lesson that is really open until then."""
        name = self.preset_box.itemData(index)
        self.show_preset(self._applied)
        self.preset_requested.emit(name)

    def _on_reset_clicked(self) -> None:
        """The lesson's own weights again: the textbook's for the textbook lesson (after
        text mode or a weight change replaced them), else the same seed's initialisation."""
        preset = self._presets.get(self.current_preset())
        config = self._session.config
        if preset is not None and _same_network(preset.config, config):
            own = preset.config.model_source
            if own not in ("file", config.model_source) and self._session.update(model_source=own):
                return
        self._session.reset_initialisation()

    def _on_cell_activated(self, index: int) -> None:
        self._session.set_cell(self.cell_box.itemData(index))

    def _on_hidden_chosen(self, value: int) -> None:
        if value != self._session.model.hidden_size:
            self._session.update(hidden_size=value, model_source="init")

    def _on_rho_chosen(self, value: float) -> None:
        self._session.update(spectral_radius=value if value > 0 else None, model_source="init")

    def _on_seed_chosen(self, value: int) -> None:
        self._session.update(seed=value, model_source="init")

    # ---------------------------------------------------------------- session → view
    def _on_config_changed(self, config) -> None:
        model = self._session.model
        with QSignalBlocker(self.cell_box):
            self.cell_box.setCurrentIndex(self.cell_box.findData(model.cell))
        with QSignalBlocker(self.hidden_spin):
            self.hidden_spin.setValue(model.hidden_size)
        with QSignalBlocker(self.rho_spin):
            self.rho_spin.setValue(config.spectral_radius or 0.0)
        self._show_default_rho()
        with QSignalBlocker(self.seed_spin):
            self.seed_spin.setValue(int(config.seed))
        preset = self._presets.get(self.current_preset())
        self._modified_action.setVisible(preset is not None and preset.config != config)
        fixed = config.model_source != "init"
        note = self.tr("(the weights are fixed: changing this switches to seeded weights)")
        self.seed_spin.setStatusTip(note if fixed else "")


def _rho_text(rho: float, trained: bool = False) -> str:
    """ "default (0.64)" for seeded weights; "of the weights (2.06)" for trained or loaded
    ones (their ρ is no default: it is what training or the file made it)."""
    if trained:
        text = QCoreApplication.translate("ModelToolbar", "of the weights ({0})")
    else:
        text = QCoreApplication.translate("ModelToolbar", "default ({0})")
    return text.format(f"{rho:.2f}")


def _same_network(a, b) -> bool:
    """Whether two lessons have the same cell, size and input mode (only weights differ)."""
    keys = ("cell", "hidden_size", "input_mode", "activation")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def _label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(f" {text} ", parent)
    label.setBuddy(buddy)
    return label
