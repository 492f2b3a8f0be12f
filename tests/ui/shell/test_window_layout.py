"""Where the panels sit, which one a preset brings forward, and what the status bar says."""

from PySide6.QtCore import Qt

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def test_panels_sit_in_their_areas(window):
    areas = {key: window.dockWidgetArea(dock) for key, dock in window.docks.items()}
    assert areas["sequence"] == LEFT and areas["lab"] == LEFT
    assert areas["cell"] == RIGHT and areas["step_table"] == RIGHT
    assert areas["equations"] == BOTTOM and areas["heatmaps"] == BOTTOM
    assert areas["gradients"] == BOTTOM
    assert window.corner(Qt.Corner.BottomLeftCorner) == LEFT


def _front(window, keys):
    """The dock among ``keys`` whose tab is in front (the one with a visible region)."""
    shown = [k for k in keys if not window.docks[k].visibleRegion().isEmpty()]
    assert len(shown) == 1, shown
    return shown[0]


def test_presets_bring_their_story_panel_forward(window, qtbot):
    bottom = ["equations", "heatmaps", "gradients"]
    assert _front(window, bottom) == "equations"  # textbook: the worked example
    window.select_preset("vanishing")
    qtbot.waitUntil(lambda: _front(window, bottom) == "gradients")
    window.select_preset("sine")
    qtbot.waitUntil(lambda: _front(window, bottom) == "heatmaps")


def test_status_bar_names_the_current_cell_and_reads_loss_compactly(window, qtbot):
    assert "no step taken yet" in window.status_text()
    window.session.step_forward()
    window.session.step_forward()
    assert "step 2 / 2" in window.status_text() and "cell A₁ (t = 1)" in window.status_text()
    window.select_preset("exploding")
    window.session.update(clip=None)
    text = window.status_text()
    loss = text.split("L = ")[1].split(" ")[0]
    assert "·10" in loss  # a huge loss in the axis style, e.g. 2.6·10⁹


def test_short_screens_give_the_bottom_plots_half_the_height(window, qtbot):
    window.resize(1280, 720)
    window._size_docks()
    qtbot.wait(50)
    dock = window.docks["equations"]  # the tab in front
    assert dock.height() >= 0.4 * 720


def test_no_stale_tab_bar_is_left_over_the_panels(window, qtbot):
    from PySide6.QtWidgets import QTabBar

    direct = Qt.FindChildOption.FindDirectChildrenOnly

    def visible_bars():
        return [b for b in window.findChildren(QTabBar, options=direct) if b.isVisible()]

    for size in ((1600, 1000), (1280, 720)):
        window.resize(*size)
        qtbot.waitUntil(lambda: len(visible_bars()) == 3)  # left, right and bottom groups
    texts = sorted(b.tabText(0) for b in visible_bars())
    assert texts == ["Equations", "Input sequence", "Inside the cell"]
    window.select_preset("vanishing")  # switching tabs keeps working on the live bars
    qtbot.waitUntil(lambda: not window.docks["gradients"].visibleRegion().isEmpty())


def test_the_input_columns_tabs_read_in_full_at_1600(app_window):
    """ "Input s…  Grad…  T…" says nothing to a class: at 1600 px the input column is wide
    enough for its tab titles (and no wider than a quarter of the window)."""
    from PySide6.QtWidgets import QTabBar

    window = app_window("lstm_memory", 1600, 1000)
    title = window.docks["sequence"].windowTitle()
    bars = [
        bar
        for bar in window.findChildren(QTabBar)
        if bar.isVisible() and title in [bar.tabText(k) for k in range(bar.count())]
    ]
    assert len(bars) == 1
    bar = bars[0]
    for k in range(bar.count()):
        assert bar.tabRect(k).width() >= bar.tabSizeHint(k).width(), bar.tabText(k)
    assert window.docks["sequence"].width() <= 0.25 * window.width()
