"""Register the bundled fonts, so Chinese text renders even without system CJK fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from ...resource_paths import resource_dir

FONT_DIR = resource_dir("fonts")
FALLBACK_FAMILY = "Droid Sans Fallback"


def install_bundled_fonts() -> list[str]:
    """Add every bundled .ttf as an application font and make Droid Sans Fallback the
    substitute of the default families. Returns the families added (empty if none)."""
    families: list[str] = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if FALLBACK_FAMILY in families:
        for family in (QFont().family(), "Sans Serif", "DejaVu Sans", "Monospace"):
            QFont.insertSubstitution(family, FALLBACK_FAMILY)
    return families
