"""Start VisualRNN: python main.py [--preset NAME] [--step T] [--screenshot PNG]."""

from visualrnn.app import main

raise SystemExit(main())
