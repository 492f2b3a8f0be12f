"""Start VisualRNN: python main.py [--preset NAME] [--step T] [--screenshot PNG]."""

from visualrnn.app import main

# Guarded: the training lab's worker process ("spawn") imports this file again.
if __name__ == "__main__":
    raise SystemExit(main())
