"""Start the VisualRNN window:
``python main.py [LESSON.vrnn] [--preset NAME] [--step T] [--screenshot PNG]``.

``--screenshot`` renders the window offscreen at 1600×1000 (or ``--size``), after moving to
step T, saves the PNG and exits — for documentation and for checking the picture without a
display.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

# Small matrix products (one step of a cell) are 5-10x slower with OpenBLAS threads than
# without on a 2-core laptop; set before NumPy is first imported (the session imports it).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from . import __version__
from .session.presets import DEFAULT_PRESET, load_presets

EXIT_USAGE = 2
DEFAULT_SIZE = (1600, 1000)
#: Interface languages: the English source strings, and translations/visualrnn_zh_CN.qm.
LANGUAGES = ("zh_CN", "en")


def _parser(presets: dict) -> argparse.ArgumentParser:
    lines = [f"  {name:<14} {preset.title}" for name, preset in presets.items()]
    parser = argparse.ArgumentParser(
        prog="visualrnn",
        description="See recurrent neural networks think: step an RNN, LSTM or GRU through "
        "a sequence and watch its gates, states and gradients.",
        epilog="presets:\n" + "\n".join(lines),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "lesson",
        nargs="?",
        metavar="LESSON",
        help="a lesson file (.vrnn) to open; --screenshot renders it",
    )
    parser.add_argument(
        "--preset",
        metavar="NAME",
        default=DEFAULT_PRESET,
        help=f"the lesson to open (default: {DEFAULT_PRESET}; see the list below)",
    )
    parser.add_argument(
        "--step",
        metavar="T",
        type=int,
        help="move the cursor to step T (0 … T; default: the lesson's step, else 0)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="render the window offscreen, save it as a PNG at PATH and exit",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        type=_size,
        default=DEFAULT_SIZE,
        help="window size of the screenshot (default: 1600x1000)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="interface language: zh_CN (中文) or en (default: the one chosen last time in "
        "View → Language, else the system's language)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--measure-startup", action="store_true", help=argparse.SUPPRESS)
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1000, not {text!r}") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"size {text} is out of range (320x240 … 8000x8000)")
    return width, height


#: Shared libraries Qt's X11 plugin needs that minimal Linux installs often lack, and the
#: Debian/Ubuntu packages that bring them.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_display_libraries(environ=os.environ, find=None) -> list[str]:
    """The Debian packages Qt would need to open an X11 window here, if any are missing.

    Checked only on Linux when an X11 display is going to be used; without them Qt aborts
    the process with a long message, so the app says what to install instead.
    """
    if not sys.platform.startswith("linux") or not environ.get("DISPLAY"):
        return []
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and environ.get("WAYLAND_DISPLAY"):
        return []
    if find is None:
        from ctypes.util import find_library as find
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if find(lib) is None]


def _fail(message: str) -> int:
    print(f"visualrnn: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """Run the application; returns the process exit code."""
    presets, preset_errors = load_presets()
    args = _parser(presets).parse_args(argv)
    if args.preset not in presets:
        names = ", ".join(presets) or "none found"
        return _fail(f"unknown preset {args.preset!r}; choose one of: {names}")
    if args.screenshot or args.measure_startup:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    missing = missing_display_libraries()
    if missing:
        return _fail(
            "Qt needs system libraries to open a window on X11: "
            f"sudo apt install {' '.join(missing)}"
        )
    app, window = _create_window(presets, args.preset, preset_errors, args.lang)
    batch = bool(args.screenshot or args.measure_startup)
    if not batch:
        _fit_to_screen(window)
        _use_preferences(window)
    if args.lesson and not window.lessons.open(args.lesson, ask=False) and batch:
        return _fail(window.error_label.text())
    session = window.session
    session.wait_until_computed()  # a large lesson is computed off the interface's thread
    if batch and session.errors:
        return _fail(window.error_label.text())
    what = f"lesson {args.lesson!r}" if args.lesson else f"preset {args.preset!r}"
    if args.step is not None and not 0 <= args.step <= session.T:
        return _fail(f"--step {args.step} is outside 0 … {session.T} ({what})")
    if args.step is not None:
        session.set_cursor(args.step)
    if args.screenshot:
        return _screenshot(app, window, args.screenshot, args.size)
    if args.measure_startup:
        return _measure_startup(app, window)
    window.show()
    return _run(app, window)


def _fit_to_screen(window) -> None:
    """The first start: 1600×1000, or less to fit the screen's free area (a 1280×720
    projector), centred on it; later starts restore the size the teacher left."""
    screen = window.screen() or window.windowHandle()
    area = screen.availableGeometry() if screen is not None else None
    if area is None or area.width() <= 0:
        window.resize(*DEFAULT_SIZE)
        return
    width = min(DEFAULT_SIZE[0], int(area.width() * 0.96))
    height = min(DEFAULT_SIZE[1], int(area.height() * 0.94))
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def _use_preferences(window) -> None:
    """The app (not a screenshot) remembers the window, text size, speed and recent
    lessons between runs, and asks before unsaved changes are dropped."""
    from .ui.shell.preferences import Preferences

    preferences = Preferences()
    window.preferences = window.lessons.preferences = preferences
    window.lessons.confirm_unsaved = True
    preferences.restore_window(window)


def _run(app, window) -> int:
    """The event loop; then the window goes before the application does."""
    code = app.exec()
    window.close()
    window.deleteLater()
    app.processEvents()
    return code


def _create_window(
    presets: dict, preset_name: str, preset_errors: list[str], lang: str | None = None
):
    from PySide6.QtWidgets import QApplication

    from .session import LessonSession
    from .ui.common.fonts import install_bundled_fonts
    from .ui.common.garbage import collect_garbage_on_gui_thread
    from .ui.shell.exception_hook import ExceptionHook
    from .ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("VisualRNN")
    app.setOrganizationName("VisualRNN")
    collect_garbage_on_gui_thread()  # never in a worker thread, never inside a paint
    install_bundled_fonts()  # CJK fallback for the textbook's Chinese names
    _set_base_font(app)
    install_translators(app, lang or _remembered_language())
    session = LessonSession(presets[preset_name].config)
    window = MainWindow(session, presets)
    window.model_toolbar.select_preset(preset_name)
    hook = ExceptionHook(session, window)
    hook.exception_caught.connect(window.show_exception)
    hook.install()
    app.aboutToQuit.connect(hook.uninstall)
    window.exception_hook = hook
    for message in preset_errors:
        window.statusBar().showMessage(message, 10_000)
    return app, window


def system_language() -> str:
    """ "zh_CN" when the system locale is Chinese, else "en" (see ui/shell/language.py)."""
    from .ui.shell.language import system_language as language

    return language()


def _remembered_language() -> str | None:
    """The language chosen last time in View → Language (None: never chosen)."""
    from .ui.shell.preferences import Preferences

    return Preferences().language


def install_translators(app, lang: str | None = None) -> str:
    """Translate the interface into ``lang`` before any widget is built (None: the
    system's language); see ui/shell/language.py."""
    from .ui.shell.language import install_translators as install

    return install(app, lang)


def _set_base_font(app) -> None:
    """A projector-friendly base size (theme.BASE_POINT_SIZE) for every plain widget."""
    from .ui.common.theme import BASE_POINT_SIZE

    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)


def _screenshot(app, window, path: str, size: tuple[int, int]) -> int:
    window.resize(*size)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.finish_animations()
    app.processEvents()
    pixmap = window.grab()
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    if not pixmap.save(path, "PNG"):
        print(f"visualrnn: error: could not write {path}", file=sys.stderr)
        return 1
    print(f"saved {path} ({pixmap.width()}×{pixmap.height()})")
    return 0


class _FirstPaint:
    """Event filter that reports the first paint of a window and quits."""

    def __init__(self, app, window):
        from PySide6.QtCore import QEvent, QObject, QTimer

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
                if event.type() == QEvent.Type.Paint and not self.done:
                    self.done = True
                    print(f"FIRST_PAINT {time.time():.6f}", flush=True)
                    QTimer.singleShot(0, app.quit)
                return False

        self.filter = Filter(window)
        self.filter.done = False
        window.installEventFilter(self.filter)


def _measure_startup(app, window) -> int:
    probe = _FirstPaint(app, window)
    window.resize(*DEFAULT_SIZE)
    window.show()
    code = _run(app, window)
    return code if probe.filter.done else 1
