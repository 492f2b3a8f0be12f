"""VisualRNN: see a recurrent neural network think, one time step at a time."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("visualrnn")
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
