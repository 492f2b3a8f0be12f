"""Figures of a panel for slides: an image (clipboard, PNG at 1×/2×/4×), a vector SVG, and
the numbers the panel shows as CSV.

Pictures are painted by the widget itself through a QPainter (``widget.render``): a PNG at
scale s is rendered into an image s times the widget's size with the painter scaled by s,
so lines and text are drawn at that resolution (not a screen grab blown up); an SVG is the
same painting recorded by QtSvg's ``QSvgGenerator`` (paths and ``<text>``; heatmap images
stay pixel images inside it).

**Data protocol.** A view that shows numbers offers ``figure_data() -> dict``: column name
→ values, each a 1-D sequence (numbers or strings) or a 2-D array whose columns become
``name[0]``, ``name[1]``, …; shorter columns are padded with empty cells. The panel's
widget or any widget inside it may offer it (:func:`data_source`).

Every file is written atomically (a temporary file beside the target, then ``os.replace``,
see :func:`visualrnn.engine.weights.write_atomic`): a failed export leaves no partial file
and never a damaged previous one; failures raise :class:`FigureExportError`, one line.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from ...engine.weights import write_atomic
from .refresh import RefreshWhenSeen

#: The PNG resolutions offered (times the panel's size on screen).
SCALES = (1, 2, 4)
#: The largest image a PNG export renders (pixels per side), whatever the scale.
MAX_SIDE = 16_000

_RENDER_FLAGS = QWidget.RenderFlag.DrawChildren | QWidget.RenderFlag.DrawWindowBackground
_HINTS = (
    QPainter.RenderHint.Antialiasing
    | QPainter.RenderHint.TextAntialiasing
    | QPainter.RenderHint.SmoothPixmapTransform
)


class FigureExportError(Exception):
    """An export that could not be written: ``"<path>: <reason>"`` on one line."""

    def __init__(self, path, reason: str):
        self.path, self.reason = os.fspath(path), " ".join(str(reason).split())
        super().__init__(f"{self.path}: {self.reason}")


# --- pictures -----------------------------------------------------------------------------


def prepare(widget: QWidget) -> None:
    """Bring ``widget`` up to date before it is painted: a deferred refresh (a panel
    tabbed away), running animations jumped to their end."""
    for refresh in widget.findChildren(RefreshWhenSeen):
        refresh.flush()
    for w in (widget, *widget.findChildren(QWidget)):
        finish = getattr(w, "finish_animations", None)
        if callable(finish):
            finish()
    if widget.layout() is not None:
        widget.layout().activate()


def image_size(widget: QWidget, scale: float) -> QSize:
    """The pixel size of ``widget`` rendered at ``scale``."""
    return QSize(max(1, round(widget.width() * scale)), max(1, round(widget.height() * scale)))


def render_image(widget: QWidget, scale: float = 1.0) -> QImage:
    """``widget`` painted into an image ``scale`` times its size (opaque, RGB32)."""
    size = image_size(widget, scale)
    if max(size.width(), size.height()) > MAX_SIDE:
        raise ValueError(
            f"{size.width()} × {size.height()} pixels is larger than {MAX_SIDE} per side"
        )
    image = QImage(size, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ValueError(f"not enough memory for a {size.width()} × {size.height()} image")
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    painter.setRenderHints(_HINTS)
    painter.scale(scale, scale)
    widget.render(painter, QPoint(), QRegion(), _RENDER_FLAGS)
    painter.end()
    return image


def png_bytes(widget: QWidget, scale: float = 1.0) -> bytes:
    """A PNG of ``widget`` at ``scale`` (see :func:`render_image`)."""
    return image_bytes(render_image(widget, scale), "PNG")


def image_bytes(image: QImage, fmt: str = "PNG") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt):
        raise ValueError(f"Qt could not encode the {fmt} image")
    buffer.close()
    return bytes(data.data())


def svg_bytes(widget: QWidget, title: str = "") -> bytes:
    """An SVG of ``widget``: its painting recorded as vector paths and text."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(QPoint(0, 0), widget.size()))
    generator.setResolution(96)
    generator.setTitle(title or widget.windowTitle() or "VisualRNN")
    generator.setDescription("VisualRNN")
    painter = QPainter()
    if not painter.begin(generator):
        raise ValueError("Qt could not start the SVG painter")
    painter.setRenderHints(_HINTS)
    with _items_uncached(widget):
        widget.render(painter, QPoint(), QRegion(), _RENDER_FLAGS)
    painter.end()
    buffer.close()
    return bytes(data.data())


@contextlib.contextmanager
def _items_uncached(widget: QWidget):
    """Scene items that cache their painting as pixmaps (cell boxes, axes) paint
    themselves while this lasts, so that an SVG gets their paths and text, not images."""
    views = [w for w in (widget, *widget.findChildren(QWidget)) if isinstance(w, QGraphicsView)]
    cached = [
        (item, item.cacheMode())
        for view in views
        if view.scene() is not None
        for item in view.scene().items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    for item, _ in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


def copy_image(widget: QWidget, scale: float = 1.0) -> QImage:
    """Put ``widget``'s picture on the clipboard; returns the image."""
    image = render_image(widget, scale)
    QGuiApplication.clipboard().setImage(image)
    return image


# --- numbers ------------------------------------------------------------------------------


def data_source(widget: QWidget) -> Callable[[], dict] | None:
    """The ``figure_data`` of ``widget`` or, failing that, of the first widget inside it
    that has one; None when the panel shows no numbers to export."""
    for w in (widget, *widget.findChildren(QWidget)):
        method = getattr(w, "figure_data", None)
        if callable(method):
            return method
    return None


def table_of(data: dict) -> tuple[list[str], list[list]]:
    """The header and the rows of a ``figure_data()`` mapping (see the module doc)."""
    header, columns = [], []
    for name, values in data.items():
        if isinstance(values, np.ndarray) and values.ndim == 2:
            for k in range(values.shape[1]):
                header.append(f"{name}[{k}]")
                columns.append(list(values[:, k]))
        else:
            header.append(str(name))
            columns.append(list(np.ravel(values) if isinstance(values, np.ndarray) else values))
    length = max((len(c) for c in columns), default=0)
    rows = [[_cell(c[i]) if i < len(c) else "" for c in columns] for i in range(length)]
    return header, rows


def _cell(value) -> str:
    """A number in full precision (Python's shortest round-trip form), inf / nan by name."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    number = float(value)
    if math.isnan(number):
        return "nan"
    return repr(number) if math.isfinite(number) else ("inf" if number > 0 else "-inf")


def csv_bytes(data: dict) -> bytes:
    """The CSV of a ``figure_data()`` mapping: UTF-8 with a BOM (spreadsheets then read
    the subscripts and Chinese names right), comma-separated, a header row."""
    header, rows = table_of(data)
    if not header:
        raise ValueError("the panel has no numbers to export")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


# --- files --------------------------------------------------------------------------------


def write_file(path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; :class:`FigureExportError` on failure."""
    folder = os.path.dirname(os.path.abspath(os.fspath(path)))
    if not os.path.isdir(folder):
        raise FigureExportError(path, "the folder does not exist")
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise FigureExportError(path, f"cannot write: {exc.strerror or exc}") from exc


def export_png(widget: QWidget, path, scale: float = 1.0) -> QSize:
    """Write ``widget`` as a PNG at ``scale``; returns the image size."""
    prepare(widget)
    try:
        image = render_image(widget, scale)
        data = image_bytes(image, "PNG")
    except (ValueError, MemoryError) as exc:
        raise FigureExportError(path, str(exc)) from exc
    write_file(path, data)
    return image.size()


def export_svg(widget: QWidget, path, title: str = "") -> None:
    """Write ``widget`` as an SVG."""
    prepare(widget)
    try:
        data = svg_bytes(widget, title)
    except ValueError as exc:
        raise FigureExportError(path, str(exc)) from exc
    write_file(path, data)


def export_csv(widget: QWidget, path) -> None:
    """Write the numbers ``widget`` shows (its :func:`data_source`) as CSV."""
    source = data_source(widget)
    if source is None:
        raise FigureExportError(path, "this panel shows no numbers to export")
    try:
        data = csv_bytes(source())
    except ValueError as exc:
        raise FigureExportError(path, str(exc)) from exc
    write_file(path, data)
