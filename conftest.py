"""One BLAS thread for every test and every kernel the tests start.

The course's networks are small: more BLAS threads only add overhead, and on a
busy two-core machine multi-threaded OpenBLAS ran up to 20 times slower. This
file sits at the top of the project so that pytest loads it first, whatever it
runs (``pytest``, ``pytest notebooks/``), before NumPy loads. It does not
choose the CPU code NumPy and OpenBLAS run: the notebooks must hold on every
machine's own arithmetic (``make test-other-cpu`` checks another one).
"""

import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
