"""Only the package list lives here; everything else is in pyproject.toml.

The folder ``resources/`` (top of the repository) is installed as the package
``visualrnn.resources`` (``[tool.setuptools.package-dir]`` in pyproject.toml). pyproject's
``packages.find`` cannot add a package from a mapped folder, so the list is built here.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["visualrnn", "visualrnn.*"]), "visualrnn.resources"])
