"""Figures through the real context menu of every panel: Copy image, PNG at 1×/2×/4×, SVG
with the drawn text, CSV that reads back to the numbers shown, an animated GIF of the
steps; refused exports leave nothing behind."""

import csv
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu

from visualrnn.ui.common.figure_menu import RecordDialog
from visualrnn.ui.step_values.step_table_view import format_value

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PANELS = ["network", "cell", "equations", "heatmaps", "gradients", "lab", "step_table"]


@pytest.fixture
def save_as(monkeypatch):
    """The path the save dialog answers with (set ``save_as.path``)."""

    class Answer:
        path = ""

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(Answer.path), ""))
    )
    return Answer


def right_click(window, key, child=None):
    """A context-menu event on ``child`` (default: the panel itself), as a mouse right-click
    sends it; returns the menu that popped up."""
    window.raise_panel(key)
    panel = window.panel_widget(key)
    target = child or panel
    window.figures.last_menu = None
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(50, 50))
    QApplication.sendEvent(target, event)
    menu = window.figures.last_menu
    assert isinstance(menu, QMenu) and menu.isVisible()
    return menu


def action(menu, text):
    for a in menu.actions():
        if a.text().startswith(text):
            return a
        if a.menu() is not None:
            try:
                return action(a.menu(), text)
            except LookupError:
                pass
    raise LookupError(text)


def close(menu):
    menu.close()


@pytest.fixture
def at_step_one(window):
    window.session.set_cursor(1)
    return window


@pytest.mark.parametrize("key", PANELS)
def test_every_panel_exports_png_at_each_scale_and_svg(at_step_one, save_as, tmp_path, key):
    window = at_step_one
    panel = window.panel_widget(key)
    for scale in (1, 2, 4):
        menu = right_click(window, key)
        save_as.path = tmp_path / f"{key}@{scale}.png"
        action(menu, f"{scale}×").trigger()
        close(menu)
        data = save_as.path.read_bytes()
        assert data.startswith(PNG_MAGIC)
        image = QImage(str(save_as.path))
        assert (image.width(), image.height()) == (panel.width() * scale, panel.height() * scale)
    menu = right_click(window, key)
    save_as.path = tmp_path / f"{key}.svg"
    action(menu, "Export SVG").trigger()
    close(menu)
    root = ET.parse(save_as.path).getroot()
    texts = [t.text.strip() for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text]
    assert texts, "the SVG has no text elements"
    assert window.error_label.text() == ""


def svg_texts(path):
    """The SVG's text elements in document order (a label may come as one element per
    word: after a language switch Qt writes "step t" as "step" and "t")."""
    root = ET.parse(path).getroot()
    texts = (t.text.strip() for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text)
    return [text for text in texts if text]


def test_svg_holds_the_drawn_numbers_as_text(at_step_one, tmp_path):
    window = at_step_one
    for key, expected in [("network", "0.537"), ("cell", "0.537"), ("heatmaps", "step t")]:
        window.raise_panel(key)
        path = tmp_path / f"{key}.svg"
        assert window.figures.export_svg(window.panel_widget(key), path)
        assert expected in " ".join(svg_texts(path)), key


def test_a_right_click_on_a_plot_inside_the_panel_opens_the_menu(window):
    plot = window.panel_widget("gradients").plot_view.plot_widget
    menu = right_click(window, "gradients", plot.viewport())
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0] == "Copy image" and "Record animation (GIF)…" in texts
    close(menu)


def test_copy_image_puts_the_panel_on_the_clipboard(window):
    menu = right_click(window, "cell")
    action(menu, "Copy image").trigger()
    close(menu)
    image = QGuiApplication.clipboard().image()
    panel = window.panel_widget("cell")
    assert (image.width(), image.height()) == (panel.width(), panel.height())
    assert "Copied" in window.statusBar().currentMessage()


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def test_step_table_csv_reads_back_to_the_shown_numbers(window, save_as, tmp_path):
    window.select_preset("lstm_memory")
    window.session.set_cursor(4)
    table = window.step_table
    save_as.path = tmp_path / "step.csv"
    menu = right_click(window, "step_table")
    action(menu, "Export data (CSV)").trigger()
    close(menu)
    header, rows = read_csv(save_as.path)
    assert header[:3] == ["quantity", "t", "0"]
    assert [r[0] for r in rows] == table.row_symbols()
    for row in rows:
        assert row[1] == "3"
        shown = [format_value(float(v)) for v in row[2:] if v != ""]
        assert shown == table.row_texts(row[0])


def test_gradient_norms_csv_holds_the_exact_norms(window, save_as, tmp_path):
    window.select_preset("lstm_memory")
    save_as.path = tmp_path / "grads.csv"
    menu = right_click(window, "gradients")
    action(menu, "Export data (CSV)").trigger()
    close(menu)
    header, rows = read_csv(save_as.path)
    assert header == ["t", "‖dh_t‖", "‖dc_t‖"]
    values = np.array(rows, dtype=float)
    grads = window.session.grads
    np.testing.assert_array_equal(values[:, 0], np.arange(window.session.T))
    np.testing.assert_array_equal(values[:, 1], grads.dh_norm)
    np.testing.assert_array_equal(values[:, 2], grads.dc_norm)


def test_heatmap_csv_holds_the_arrays(window, save_as, tmp_path):
    save_as.path = tmp_path / "heat.csv"
    menu = right_click(window, "heatmaps")
    action(menu, "Export data (CSV)").trigger()
    close(menu)
    header, rows = read_csv(save_as.path)
    assert header == ["t", "a[0]", "a[1]", "h[0]", "h[1]"]
    values = np.array(rows, dtype=float)
    np.testing.assert_array_equal(values[:, 3:], window.session.trace.h)


def test_panels_without_numbers_offer_no_csv(window):
    menu = right_click(window, "cell")
    assert not action(menu, "Export data (CSV)").isEnabled()
    close(menu)


def test_record_gif_from_the_menu(window, save_as, tmp_path, qtbot, monkeypatch):
    window.select_preset("sine")
    window.session.set_cursor(7)

    def accept(dialog):
        dialog.first_spin.setValue(2)
        dialog.last_spin.setValue(9)
        dialog.fps_spin.setValue(4)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecordDialog, "exec", accept)
    save_as.path = tmp_path / "network.gif"
    menu = right_click(window, "network")
    with qtbot.waitSignal(window.figures.reported, timeout=20_000) as done:
        action(menu, "Record animation (GIF)").trigger()
        close(menu)
        steps = []
        window.figures.recorder.progress.connect(lambda k, n: steps.append(window.session.cursor))
    assert done.args[1] is False, done.args[0]
    assert steps == list(range(2, 10))  # one frame per step, the window kept running
    with Image.open(save_as.path) as gif:
        assert gif.format == "GIF" and gif.n_frames == 8 and gif.info["loop"] == 0
        assert gif.info["duration"] == 250
        panel = window.panel_widget("network")
        assert gif.size == (panel.width(), panel.height())
    assert window.session.cursor == 7  # put back


def test_a_cancelled_recording_writes_nothing(window, tmp_path, qtbot):
    window.select_preset("sine")
    path = tmp_path / "cancelled.gif"
    recorder = window.figures.record(window.panel_widget("network"), path, 0, 30)
    with qtbot.waitSignal(recorder.failed, timeout=10_000) as failed:
        recorder.progress.connect(
            lambda k, n: k == 3 and window.figures.progress_dialog.canceled.emit()
        )
    assert "cancelled" in failed.args[0] and not recorder.running
    assert list(tmp_path.iterdir()) == [] and window.session.cursor == 0


def test_too_many_frames_are_refused(window, tmp_path):
    window.session.set_input_text(", ".join(["1"] * 400))
    assert window.figures.record(window.panel_widget("network"), tmp_path / "x.gif", 0, 400) is None
    assert "at most 200 frames" in window.error_label.text()


def test_an_unwritable_export_is_refused_in_one_line_and_leaves_nothing(window, tmp_path):
    panel = window.panel_widget("heatmaps")
    figures = window.figures
    assert not figures.export_png(panel, tmp_path / "missing" / "x.png")
    assert "the folder does not exist" in window.error_label.text()
    (tmp_path / "taken.svg").mkdir()
    assert not figures.export_svg(panel, tmp_path / "taken.svg")
    assert "cannot write" in window.error_label.text() and "\n" not in window.error_label.text()
    assert not figures.export_csv(panel, tmp_path / "missing" / "x.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.svg"]
    assert list((tmp_path / "taken.svg").iterdir()) == []


def test_the_file_menu_offers_the_figure_of_the_panel_in_front(window):
    window.figures.last_menu = None
    right_click(window, "gradients").close()
    window.file_menu._fill_figure_menu()
    texts = [a.text() for a in window.file_menu.figure_menu.actions() if a.text()]
    assert texts[0] == "Panel: Gradient flow" and "Export SVG…" in texts


def test_figure_menus_survive_a_language_switch(window):
    window.rebuild()
    menu = right_click(window, "heatmaps")
    assert action(menu, "Export data (CSV)").isEnabled()
    close(menu)
