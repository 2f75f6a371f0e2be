"""The settings that make this x86-64 machine compute like another CPU.

Training a network amplifies rounding: a last-bit difference in one matrix
product grows, over thousands of epochs, into a different loss and accuracy.
Which last bit you get depends on the code NumPy and OpenBLAS choose for the
CPU (OpenBLAS has a matrix kernel per processor family; NumPy has AVX2 and
AVX-512 versions of many loops), so an Apple-silicon laptop, an older PC and a
new server each print slightly different numbers in the training notebooks.

The notebooks are written to hold on all of them: nbval compares exactly only
what every machine prints alike, and claims about training are checked as
claims. ``make test-other-cpu`` proves it by validating the notebooks a second
time under these settings, which stand in for another CPU:

- OpenBLAS's SandyBridge kernels (AVX without FMA: other blocking, other
  rounding in every matrix product);
- NumPy without its AVX2/FMA3 and AVX-512 code (``NPY_DISABLE_CPU_FEATURES``),
  so its loops and maths functions take their baseline SSE paths.

Run as a script, it prints the settings as ``NAME='value'`` words for ``env``;
``--check`` verifies, from inside a process started with them, that NumPy and
OpenBLAS really run the other code (exit status 1 if not).
"""

import sys

NUMPY_DISABLED_FEATURES = "X86_V3 X86_V4 AVX512_ICL AVX512_SPR"
OPENBLAS_CORE = "SandyBridge"


def environment():
    """The environment variables to set before NumPy loads, as a dict."""
    return {"OPENBLAS_CORETYPE": OPENBLAS_CORE,
            "NPY_DISABLE_CPU_FEATURES": NUMPY_DISABLED_FEATURES}


def problems():
    """What, in this process, is not running the other CPU's code; empty if all is."""
    from numpy._core._multiarray_umath import __cpu_features__
    from threadpoolctl import threadpool_info

    found = []
    enabled = [name for name in NUMPY_DISABLED_FEATURES.split()
               if __cpu_features__.get(name)]
    if enabled:
        found.append(f"NumPy still uses {', '.join(enabled)}")
    kernels = {info.get("architecture") for info in threadpool_info()
               if info.get("internal_api") == "openblas"}
    if kernels != {"Sandybridge"}:
        found.append(f"OpenBLAS runs {sorted(map(str, kernels))} kernels, not Sandybridge")
    return found


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        found = problems()
        for problem in found:
            print(f"other-CPU emulation is not in effect: {problem}", file=sys.stderr)
        if not found:
            print("other-CPU emulation in effect: OpenBLAS SandyBridge kernels, "
                  "NumPy without AVX2/FMA3/AVX-512 code")
        sys.exit(1 if found else 0)
    # Quoted for the shell: the NumPy value holds spaces.
    print(" ".join(f"{name}='{value}'" for name, value in environment().items()))
