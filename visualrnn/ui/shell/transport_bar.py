"""Transport controls: reset, step back, play / pause, step forward, jump to end, speed and
the timeline slider with its ``step 12 / 100 (t = 11)`` label.

The actions carry the keyboard shortcuts (Space, ←, →, Home, End). The main window also
adds them to itself, so they work wherever the focus is — except in text fields, which
claim those keys for typing (Qt's shortcut-override), so typing a space in the sequence
editor never starts playback.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QSlider, QStyle, QToolBar, QWidget

from ...session import SPEEDS

ICON_SIZE = 36
#: The timeline drawn flat: it repaints on every step, and the Fusion style's gradients cost
#: ten times as much to paint (≈ 0.5 ms at full window width).
TIMELINE_STYLE = (
    "QSlider::groove:horizontal { height: 8px; background: #C8C8C8; border-radius: 4px; }"
    "QSlider::sub-page:horizontal { background: #3B7DD8; border-radius: 4px; }"
    "QSlider::handle:horizontal { width: 18px; margin: -6px 0; border-radius: 9px;"
    " background: #FAFAFA; border: 1px solid #606060; }"
)


class TransportBar(QToolBar):
    """Drives the session's cursor and playback; shows where the cursor is."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(self.tr("Transport"), parent)
        self.setObjectName("transport")
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setMovable(False)
        self._session = session
        self.reset_action = self._action(
            QStyle.StandardPixmap.SP_MediaSkipBackward,
            self.tr("Reset"),
            self.tr("Back to the start, before step t = 0"),
            Qt.Key.Key_Home,
            session.rewind,
        )
        self.back_action = self._action(
            QStyle.StandardPixmap.SP_MediaSeekBackward,
            self.tr("Step back"),
            self.tr("Undo the last step"),
            Qt.Key.Key_Left,
            session.step_back,
        )
        self.play_action = self._action(
            QStyle.StandardPixmap.SP_MediaPlay,
            self.tr("Play"),
            self.tr("Play the steps one after another"),
            Qt.Key.Key_Space,
            session.toggle_play,
        )
        self.forward_action = self._action(
            QStyle.StandardPixmap.SP_MediaSeekForward,
            self.tr("Step forward"),
            self.tr("Take the next step"),
            Qt.Key.Key_Right,
            session.step_forward,
        )
        self.end_action = self._action(
            QStyle.StandardPixmap.SP_MediaSkipForward,
            self.tr("Jump to end"),
            self.tr("Show all steps at once"),
            Qt.Key.Key_End,
            session.jump_to_end,
        )
        self.addSeparator()
        self.speed_box = self._speed_box()
        self.addWidget(QLabel(self.tr(" Speed ")))
        self.addWidget(self.speed_box)
        self.addSeparator()
        self.slider = self._slider()
        self.addWidget(self.slider)
        self.position_label = QLabel(self)
        self.position_label.setContentsMargins(8, 0, 8, 0)
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        self._bold_label()
        self.addWidget(self.position_label)
        session.trace_changed.connect(self._on_trace_changed)
        session.cursor_changed.connect(self._on_cursor_changed)
        session.playing_changed.connect(self._on_playing_changed)
        session.speed_changed.connect(self._on_speed_changed)
        self._on_trace_changed()
        self._on_playing_changed(session.playing)

    @property
    def actions_with_shortcuts(self) -> list[QAction]:
        return [
            self.reset_action,
            self.back_action,
            self.play_action,
            self.forward_action,
            self.end_action,
        ]

    # ---------------------------------------------------------------- building
    def _action(self, icon, text, tip, key, slot) -> QAction:
        action = QAction(self.style().standardIcon(icon), text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(self._tip(text, tip, key))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @staticmethod
    def _tip(text: str, tip: str, key) -> str:
        shortcut = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        return f"<b>{text}</b> ({shortcut})<br>{tip}"

    def _speed_box(self) -> QComboBox:
        box = QComboBox(self)
        for speed in SPEEDS:
            box.addItem(self.tr("{0:g} steps/s").format(speed), speed)
        box.setToolTip(self.tr("Playback speed, in steps per second"))
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box.currentIndexChanged.connect(self._on_speed_chosen)
        return box

    def _slider(self) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        slider.setMinimumWidth(160)
        slider.setToolTip(self.tr("Timeline: drag to show the first t steps"))
        slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        slider.setStyleSheet(TIMELINE_STYLE)
        slider.valueChanged.connect(self._on_slider_moved)
        return slider

    def _bold_label(self) -> None:
        """Bold, and a fixed size: a label of fixed size changing its text on every step
        does not make the tool bar lay itself out again."""
        font = self.font()
        font.setBold(True)
        label = self.position_label
        label.setFont(font)
        margins = label.contentsMargins()
        width = label.fontMetrics().horizontalAdvance("step 00000 / 00000 (t = 00000)")
        height = max(label.fontMetrics().height(), self.iconSize().height() + 7)
        label.setFixedSize(width + margins.left() + margins.right(), height)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A flat panel with a hairline on top: the Fusion style's gradient toolbar costs
        1–2 ms per paint at full window width, and the bar repaints on every step."""
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        painter.setPen(self.palette().mid().color())
        painter.drawLine(0, 0, self.width(), 0)
        painter.end()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._bold_label()

    # ---------------------------------------------------------------- user → session
    def _on_speed_chosen(self, index: int) -> None:
        self._session.set_speed(self.speed_box.itemData(index))

    def _on_slider_moved(self, value: int) -> None:
        self._session.set_cursor(value)

    # ---------------------------------------------------------------- session → view
    def _on_trace_changed(self) -> None:
        self.slider.blockSignals(True)
        self.slider.setRange(0, self._session.T)
        self.slider.setPageStep(max(1, self._session.T // 10))
        self.slider.blockSignals(False)
        self._on_cursor_changed(self._session.cursor)
        self._on_speed_changed(self._session.speed)

    def _on_cursor_changed(self, cursor: int) -> None:
        T = self._session.T
        self.slider.blockSignals(True)
        self.slider.setValue(cursor)
        self.slider.blockSignals(False)
        self.position_label.setText(self.position_text(cursor, T))
        self.position_label.setToolTip(
            self.tr("{0} of {1} steps taken; the current cell is A{2} (time index t = {2})").format(
                cursor, T, cursor - 1
            )
            if cursor
            else self.tr("No step taken yet")
        )
        self.back_action.setEnabled(cursor > 0)
        self.reset_action.setEnabled(cursor > 0 or self._session.playing)
        self.forward_action.setEnabled(cursor < T)
        self.end_action.setEnabled(cursor < T)

    def position_text(self, cursor: int, T: int) -> str:
        """ "step 2 / 2 (t = 1)": steps taken of T, and the time index t of the cell shown
        (the textbook's t₀, t₁, …). "t" always means the time index, as in the equations."""
        text = self.tr("step {0} / {1}").format(cursor, T)
        return text + (self.tr(" (t = {0})").format(cursor - 1) if cursor else "")

    def _on_playing_changed(self, playing: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_action.setIcon(self.style().standardIcon(icon))
        text = self.tr("Pause") if playing else self.tr("Play")
        tip = self.tr("Stop at this step") if playing else self.tr("Play the steps one by one")
        self.play_action.setText(text)
        self.play_action.setToolTip(self._tip(text, tip, Qt.Key.Key_Space))
        self.reset_action.setEnabled(self._session.cursor > 0 or playing)

    def _on_speed_changed(self, speed: float) -> None:
        index = self.speed_box.findData(speed)
        if index < 0:
            self.speed_box.addItem(self.tr("{0:g} steps/s").format(speed), speed)
            index = self.speed_box.count() - 1
        self.speed_box.blockSignals(True)
        self.speed_box.setCurrentIndex(index)
        self.speed_box.blockSignals(False)
