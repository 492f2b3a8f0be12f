"""The equation panel: the current cell's equations with the current step's numbers."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...session import LessonSession
from ..common.number_format import NumberFormat, number_settings
from ..common.refresh import SessionRefresh
from ..common.theme import CURSOR_COLOR, font_scale, scaled_font
from .backward_text import backward_equations
from .equation_text import MAX_WRITTEN_OUT, Equation, cell_equations

MONO = "'DejaVu Sans Mono', 'Consolas', 'Menlo', monospace"
#: Cells with more equations than this (the LSTM's six) get a smaller substituted line, so
#: that all of them fit the panel at its default size.
MANY_EQUATIONS = 5


def line_style(n_equations: int) -> str:
    """The character style of a substituted line (its paragraph sets it too; see _render)."""
    size = "medium" if n_equations > MANY_EQUATIONS else "large"
    return f"font-family:{MONO}; font-size:{size}"


_SUB_BRACED = re.compile(r"([A-Za-z])_\{([^}]*)\}")
_SUB_PLAIN = re.compile(r"([A-Za-z])_([A-Za-z0-9]+)")


def subscripts(text: str) -> str:
    """``h_{t−1}`` → ``h<sub>t−1</sub>``, ``W_f`` → ``W<sub>f</sub>`` (HTML)."""
    return _SUB_PLAIN.sub(r"\1<sub>\2</sub>", _SUB_BRACED.sub(r"\1<sub>\2</sub>", text))


class EquationPanel(QWidget):
    """One line per equation of the current cell, the step's numbers substituted.

    At the textbook preset, t0 reads
    ``h = tanh([0, 0, 1] · W + b) = tanh([0.6, 0.5]) = [0.537, 0.462]``.
    """

    FIRST_UNITS = 3

    def __init__(self, session: LessonSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._refresh = SessionRefresh(self, session, self._show_trace, self._render)
        self._layout_key = None  # what the document's captions show (see _render)
        self._build()
        session.direction_changed.connect(self._on_direction_changed)
        font_scale().scale_changed.connect(self._on_scale_changed)
        self._refresh.request_trace()

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        self.digits = QSpinBox(minimum=2, maximum=6, value=number_settings().digits)
        self.digits.setToolTip(self.tr("Significant digits of every number (in every panel)"))
        self.show_all = QCheckBox(self.tr("Show all units"))
        self.show_weights = QCheckBox(self.tr("Write out W and b"))
        self.show_weights.setToolTip(
            self.tr("The simple RNN's W = [Wₕ; Wₓ] and b with their numbers, as Fig. 8.5 does")
        )
        self.unit = QSpinBox(minimum=0, maximum=0)
        self.unit.setToolTip(self.tr("A hidden unit that is always written out"))
        self._unit_label = QLabel(self.tr("Unit:"))
        controls = QHBoxLayout()
        self.digit_mode = QComboBox()
        self.digit_mode.addItem(self.tr("significant"), False)
        self.digit_mode.addItem(self.tr("after the point"), True)
        self.digit_mode.setCurrentIndex(int(number_settings().decimals))
        self.digit_mode.setToolTip(
            self.tr("Count significant digits (2.73) or places after the point (2.727)")
        )
        controls.addWidget(QLabel(self.tr("Digits:")))
        controls.addWidget(self.digits)
        controls.addWidget(self.digit_mode)
        controls.addSpacing(12)
        controls.addWidget(self._unit_label)
        controls.addWidget(self.unit)
        controls.addWidget(self.show_all)
        controls.addWidget(self.show_weights)
        controls.addStretch(1)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setUndoRedoEnabled(False)  # in-place edits every step: keep no history
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.browser, 1)
        self.digits.valueChanged.connect(self._on_digits_edited)
        self.digit_mode.currentIndexChanged.connect(self._on_digit_mode_chosen)
        number_settings().digits_changed.connect(self.digits.setValue)
        self.show_all.toggled.connect(self._render)
        self.show_weights.toggled.connect(self._render)
        self.unit.valueChanged.connect(self._render)
        self._on_scale_changed(font_scale().scale)

    # ---------------------------------------------------------------- reading
    def number_format(self) -> NumberFormat:
        """The format the controls ask for (digits, units shown, selected unit), as HTML."""
        return NumberFormat(
            digits=self.digits.value(),
            first=self.FIRST_UNITS,
            selected=self.unit.value() if self.unit.isEnabled() else None,
            show_all=self.show_all.isChecked(),
            rich=True,
        )

    def plain_text(self) -> str:
        """What the panel shows, as plain text."""
        self._refresh.flush()
        return self.browser.toPlainText()

    # ---------------------------------------------------------------- handlers
    def _show_trace(self) -> None:
        H = self.session.trace.H
        long = H > self.FIRST_UNITS + 1
        self.unit.setMaximum(max(0, H - 1))
        for w in (self.unit, self._unit_label, self.show_all):
            w.setEnabled(long)
            w.setVisible(long)
        model = self.session.model
        small = (
            model.spec.has_activation_choice
            and (model.input_size + model.hidden_size) * (model.hidden_size) <= MAX_WRITTEN_OUT
        )
        self.show_weights.setVisible(small)  # only where W and b are small enough to read
        self._render()

    def _on_digit_mode_chosen(self, index: int) -> None:
        number_settings().set_decimals(bool(self.digit_mode.itemData(index)))
        self._render()

    def _on_digits_edited(self, digits: int) -> None:
        number_settings().set_digits(digits)
        self._render()

    def _on_scale_changed(self, _scale: float) -> None:
        self.browser.setFont(scaled_font(15.0))
        self._layout_key = None
        self._render()

    # ---------------------------------------------------------------- rendering
    def _render(self, *_args) -> None:
        session = self.session
        t = session.step
        if t is None:
            self._layout_key = None
            self.browser.setHtml(self._hint_html())
            return
        fmt = self.number_format()
        eqs = self._equations(t, fmt)
        key = (fmt, tuple((e.key, e.name, e.general) for e in eqs))
        if key != self._layout_key or not self._replace_numbers(t, eqs):
            self.browser.setHtml(
                self._header_html(t) + "".join(_equation_html(e, len(eqs)) for e in eqs)
            )
            self._layout_key = key

    def _equations(self, t: int, fmt: NumberFormat) -> list[Equation]:
        """Forwards: the cell's equations; backwards (BPTT): the gradients' equations."""
        session = self.session
        if session.backward:
            pieces = session.breakdown()
            return backward_equations(t, session.trace, session.grads, pieces, session.model, fmt)
        weights = self.show_weights.isChecked()
        return cell_equations(session.trace.step(t), session.model, fmt, weights)

    def _on_direction_changed(self, _backward: bool) -> None:
        self._layout_key = None
        self._refresh.request_trace()

    def _replace_numbers(self, t: int, eqs: list[Equation]) -> bool:
        """Rewrite only the step line and the substituted lines in place (the captions
        stay laid out, the scroll position stays); False if the document has another shape.

        The document is: the step line, then per equation a caption and a substituted line.
        """
        doc = self.browser.document()
        if doc.blockCount() != 1 + 2 * len(eqs):
            return False
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        _replace_block(cursor, doc.findBlockByNumber(0), self._header_inline(t))
        for k, eq in enumerate(eqs):
            line = f'<span style="{line_style(len(eqs))}">{_substituted_html(eq)}</span>'
            _replace_block(cursor, doc.findBlockByNumber(2 + 2 * k), line)
        cursor.endEditBlock()
        return True

    def _header_html(self, t: int) -> str:
        return f'<p style="margin:0 0 2px 0">{self._header_inline(t)}</p>'

    def _header_inline(self, t: int) -> str:
        title = self.tr("Step t = {t}").format(t=t)
        if self.session.backward:
            title = self.tr("Backwards (BPTT), step t = {t}").format(t=t)
        of = self.tr("({n} of {T})").format(n=t + 1, T=self.session.T)
        return (
            f'<b style="color:{CURSOR_COLOR}">{html.escape(title)}</b> '
            f"<span style='color:#666'>{html.escape(of)}</span>"
        )

    def _hint_html(self) -> str:
        hint = self.tr("Press → (or Step) to take the first step.")
        sub = self.tr("The equations of the cell appear here with the step's numbers.")
        return (
            f'<p style="font-size:large"><b>{html.escape(hint)}</b></p>'
            f'<p style="color:#666">{html.escape(sub)}</p>'
        )


def _equation_html(eq: Equation, n_equations: int) -> str:
    """A grey caption (name and symbols) above the substituted line in large monospace."""
    general = subscripts(html.escape(eq.general))
    return (
        f'<p style="margin:3px 0 0 0; color:#444">{_caption(eq.name)} '
        f'<span style="font-family:{MONO}">{general}</span></p>'
        f'<p style="margin:0 0 0 12px; {line_style(n_equations)}">'
        f"{_substituted_html(eq)}</p>"
    )


def _caption(name: str) -> str:
    """ "hidden state h (隐藏状态):" / "隐藏状态 h：" — the colon of the interface's language."""
    return QCoreApplication.translate("EquationPanel", "{name}:").format(name=html.escape(name))


def _substituted_html(eq: Equation) -> str:
    """The substituted line (already HTML), its result in bold blue."""
    left, _, result = eq.substituted.rpartition(" = ")
    # a no-break space before "=": the result never wraps onto a line of its own
    return subscripts(left) + "\u00a0=\u00a0" + f'<b style="color:#0B4F8A">{result}</b>'


def _replace_block(cursor: QTextCursor, block: QTextBlock, inline_html: str) -> None:
    """Replace the text of ``block`` (keeping its paragraph format) with ``inline_html``."""
    cursor.setPosition(block.position())
    cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertHtml(inline_html)
