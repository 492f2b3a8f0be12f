"""Record a panel stepping from step a to step b as an animated GIF (for a slide).

:class:`GifRecorder` moves the session's cursor one step per frame and paints the panel
into an image each time, one frame per turn of the event loop (a zero-interval QTimer), so
the window keeps painting and a progress dialog can cancel it. Each frame is reduced to a
palette of 256 colours as it is taken (Pillow); at the end the GIF is encoded in memory and
written atomically. The cursor and playback are put back as they were afterwards, whether
the recording finished, failed or was cancelled.
"""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from ...session import LessonSession
from .figure_export import FigureExportError, prepare, render_image, write_file

#: At most this many frames (a slide's GIF, and the memory its frames take).
MAX_FRAMES = 200
#: Frames per second offered, and the default.
DEFAULT_FPS = 2.0


class GifRecorder(QObject):
    """Records ``widget`` for cursor positions ``first`` … ``last`` (inclusive; either
    direction) into ``path``.

    Signals
    -------
    progress(int, int) : frames taken so far, frames in all.
    finished(str) : the GIF was written to this path.
    failed(str) : one line: why no GIF was written (also after :meth:`cancel`).
    """

    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        session: LessonSession,
        widget: QWidget,
        path,
        first: int,
        last: int,
        fps: float = DEFAULT_FPS,
        scale: float = 1.0,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        first, last = int(first), int(last)
        if not (0 <= first <= session.T and 0 <= last <= session.T):
            raise ValueError(f"steps must lie within 0 … {session.T}")
        if abs(last - first) + 1 > MAX_FRAMES:
            raise ValueError(f"at most {MAX_FRAMES} frames (steps {first} … {last} are more)")
        if not 0.1 <= fps <= 50:
            raise ValueError("frames per second must lie within 0.1 … 50")
        self.session, self.widget, self.path = session, widget, path
        direction = 1 if last >= first else -1
        self.steps = list(range(first, last + direction, direction))
        self.fps, self.scale = float(fps), float(scale)
        self.frames: list[Image.Image] = []
        self._restore = (session.cursor, session.playing)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._take_frame)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Begin (returns at once; frames follow from the event loop)."""
        self.session.pause()
        self._running = True
        self._timer.start()

    def cancel(self) -> None:
        """Stop; nothing is written."""
        if self._running:
            self._end()
            self.failed.emit(self.tr("Recording cancelled"))

    def run_to_end(self) -> None:
        """Take every frame and write the file now, without the event loop (scripts)."""
        self.session.pause()
        self._running = True
        while self._running:
            self._take_frame()

    # ---------------------------------------------------------------- the frames
    def _take_frame(self) -> None:
        if not self._running:
            return
        try:
            self.session.set_cursor(self.steps[len(self.frames)])
            prepare(self.widget)
            self.frames.append(_palette_image(render_image(self.widget, self.scale)))
        except (ValueError, MemoryError, OSError) as exc:
            self._end()
            self.failed.emit(self.tr("Recording failed: {0}").format(exc))
            return
        self.progress.emit(len(self.frames), len(self.steps))
        if len(self.frames) < len(self.steps):
            if not self._timer.isActive():
                self._timer.start()
            return
        self._write()

    def _write(self) -> None:
        try:
            write_file(self.path, gif_bytes(self.frames, self.fps))
        except FigureExportError as exc:
            self._end()
            self.failed.emit(str(exc))
            return
        except (ValueError, OSError) as exc:  # Pillow could not encode
            self._end()
            self.failed.emit(str(FigureExportError(self.path, str(exc))))
            return
        self._end()
        self.finished.emit(str(self.path))

    def _end(self) -> None:
        self._running = False
        self._timer.stop()
        cursor, playing = self._restore
        self.session.set_cursor(cursor)
        if playing:
            self.session.play()


def _palette_image(image: QImage) -> Image.Image:
    """A Qt image as a Pillow image with an adaptive palette of 256 colours."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    rgb = Image.frombuffer("RGB", (width, height), data, "raw", "RGB", image.bytesPerLine(), 1)
    return rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def gif_bytes(frames: list[Image.Image], fps: float = DEFAULT_FPS) -> bytes:
    """The animated GIF of ``frames`` at ``fps``, looping; the last frame is held 3× longer
    so that the end of the sequence can be read before the loop starts again."""
    if not frames:
        raise ValueError("no frames to write")
    duration = max(20, round(1000 / fps))
    durations = [duration] * len(frames)
    durations[-1] = duration * 3
    out = io.BytesIO()
    frames[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations if len(frames) > 1 else duration,
        loop=0,
        disposal=1,
        optimize=False,
    )
    return out.getvalue()
