"""The Qt interface (``ui`` → ``session`` → ``engine``).

Importing it turns off Qt's GUI thread pool (``QT_NO_GUI_THREADPOOL``, read once, at the
first large fill): Qt's raster engine hands every large fill, blend or image draw to that
pool and waits for it. On the two-core laptops the app is taught on, with the interface
thread busy, the hand-off cost more than the fills: a cursor step with every panel
floating took 18 ms with the pool and 14.5 ms without (``benchmarks/bench_scaling.py``).
A value the user set is kept.
"""

import os

os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
