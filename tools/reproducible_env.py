"""The arithmetic settings the stored notebook outputs are computed under.

Training a network amplifies rounding: a last-bit difference in one matrix
product grows, over thousands of epochs, into a different loss and accuracy.
Which last bit you get depends on the code NumPy and OpenBLAS choose for the
CPU: OpenBLAS has a matrix kernel per processor family (SkylakeX, Haswell,
Zen, ...), and NumPy uses AVX-512 code, including Intel's SVML for functions
such as ``sin``, where the CPU has it. Built on an AVX-512 machine, notebooks
10-22 printed different numbers in 44 cells on an AVX2 machine.

So the course fixes the choice wherever it runs code whose output is stored or
compared: ``make lab``, ``make test``, ``make notebooks``, the build script
and the tests all use ``environment()``:

- one BLAS thread (faster for these small networks, see the Makefile);
- NumPy without its AVX-512 code (``NPY_DISABLE_CPU_FEATURES``; names NumPy
  does not know on a machine, such as these on ARM, are ignored);
- OpenBLAS's Haswell kernels (AVX2 and FMA: Intel processors since 2013, AMD
  since 2015) on x86-64 processors that have AVX2; elsewhere OpenBLAS picks.

Any x86-64 machine with AVX2 then computes exactly the stored outputs. ARM
machines (Apple silicon) and older x86 processors compute slightly different
numbers in the training notebooks. ``make bench`` does not pin the kernels: it
measures the speed of the machine's own code (on an AVX-512 machine the pinned
code made the 3,000-point benchmark 40 % slower).

Run as a script, it prints the settings as ``NAME=value`` words for ``env``.
"""

import platform
import re
from pathlib import Path

# The NumPy 2.4 names of the dispatch targets above x86-64-v3 (AVX2 + FMA).
NUMPY_DISABLED_FEATURES = "X86_V4 AVX512_ICL AVX512_SPR"
OPENBLAS_CORE = "Haswell"
THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def has_avx2(cpuinfo=Path("/proc/cpuinfo")):
    """Whether this is an x86-64 processor with AVX2, as Linux reports it."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    try:
        text = cpuinfo.read_text()
    except OSError:  # not Linux: let OpenBLAS choose
        return False
    return re.search(r"^flags\s*:.*\bavx2\b", text, flags=re.MULTILINE) is not None


def environment():
    """The environment variables to set before NumPy loads, as a dict."""
    env = dict(THREADS, NPY_DISABLE_CPU_FEATURES=NUMPY_DISABLED_FEATURES)
    if has_avx2():
        env["OPENBLAS_CORETYPE"] = OPENBLAS_CORE
    return env


if __name__ == "__main__":
    # Quoted for the shell: the NumPy value holds spaces.
    print(" ".join(f"{name}='{value}'" for name, value in environment().items()))
