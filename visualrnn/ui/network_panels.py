"""Panels of the unrolled network, the cell internals and the equations (issue 4)."""

from __future__ import annotations


def create_panels(session) -> list:
    """Return the PanelSpecs of this module's views (none yet)."""
    return []
