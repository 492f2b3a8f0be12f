"""Panels of the heatmaps and the gradient-flow lab (issue 5)."""

from __future__ import annotations


def create_panels(session) -> list:
    """Return the PanelSpecs of this module's views (none yet)."""
    return []
