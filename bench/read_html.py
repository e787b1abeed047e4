# pandas.read_html (lxml) timed for bench/run.mjs, in the same run: each line on stdin is
# "REPEATS<TAB>PATH"; the answer is one line with the milliseconds of each call, space-separated.
# The page is read from disk once; each call parses it from a string, as parseReport does.
import io
import sys
import time

import lxml  # noqa: F401  (read_html's lxml flavor needs it; fail here if it is missing)
import pandas as pd

print('ready', pd.__version__, flush=True)
for line in sys.stdin:
    repeats, path = line.rstrip('\n').split('\t', 1)
    html = open(path, encoding='utf-8').read()
    times = []
    for _ in range(int(repeats)):
        t0 = time.perf_counter()
        try:
            pd.read_html(io.StringIO(html), flavor='lxml')
        except ValueError:  # no table
            pass
        times.append((time.perf_counter() - t0) * 1000)
    print(' '.join(f'{t:.4f}' for t in times), flush=True)
