"""One ``session.recurrent_stats()`` per trace, shared by the views that show it.

σ_max and ρ need an SVD and an eigen-decomposition of every recurrent block (tens of ms at
H = 128); the readout, the gradient plot and the lab controls all want them after the same
``trace_changed``, so they ask here and the session is asked once per result.
"""

from __future__ import annotations

_CACHE: dict[int, tuple[object, dict]] = {}


def recurrent_stats(session) -> dict:
    """``session.recurrent_stats()``, computed once per ``session.result``."""
    result = session.result
    hit = _CACHE.get(id(session))
    if hit is None or hit[0] is not result:
        _CACHE[id(session)] = (result, session.recurrent_stats())
    return _CACHE[id(session)][1]
