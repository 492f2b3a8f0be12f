"""VisualRNN's bundled files, installed as the package ``visualrnn.resources``.

This folder stays at the top of the repository; ``setup.py`` and ``pyproject.toml`` map it
to ``visualrnn.resources`` so that wheels, sdists and editable installs all carry it. Code
finds the files only through :mod:`visualrnn.resource_paths` (``importlib.resources``).
"""
