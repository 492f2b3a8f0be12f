from visualrnn.cli import main

raise SystemExit(main())
