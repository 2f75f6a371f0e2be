"""Build the course notebooks: execute each source on a fresh kernel, in order.

Sources are the jupytext "percent" files in ``notebook_src/``; each becomes
``notebooks/<same name>.ipynb`` with its outputs, exactly as a fresh kernel
printed them. Stored outputs are never edited by hand: change the source and
run ``make notebooks`` (or ``python tools/build_notebooks.py 03_softmax``).

The script prints how long each notebook took and fails if one went over its
time budget, so a slow notebook is caught when it is built.
"""

import argparse
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "notebook_src"
NOTEBOOKS = ROOT / "notebooks"

# One BLAS thread: the course's networks are small, so more threads only add
# overhead, and on a busy two-core machine they ran up to 20 times slower.
# Kernels inherit it; the Makefile and the tests set the same. The CPU code of
# NumPy and OpenBLAS is the machine's own: stored outputs hold on any machine.
THREADS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)",
              "language": "python"}


# Seconds a notebook may take on a two-core machine, seed studies included.
TIME_BUDGET = 20.0
# Notebook 23 times the training loop again and again, version by version, to
# measure each speed-up: that is its lesson, and it gets a little more time.
BUDGETS = {"23_fast_training": 30.0}


def load_source(path):
    """Read a percent-format source as a notebook with stable cell ids and metadata."""
    nb = jupytext.read(path)
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for index, cell in enumerate(nb.cells):
        # Stable ids keep rebuilt notebooks' diffs down to what really changed.
        cell["id"] = f"cell-{index:03d}"
    return nb


def build(path):
    """Execute one source and write its notebook; return the seconds it took."""
    nb = load_source(path)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    nbformat.validate(nb)
    nbformat.write(nb, NOTEBOOKS / f"{path.stem}.ipynb")
    return elapsed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*",
                        help="notebooks to build, e.g. 03_softmax (default: all)")
    args = parser.parse_args(argv)
    sources = sorted(SOURCES.glob("[0-9][0-9]_*.py"))
    if args.names:
        wanted = {name.removesuffix(".py").removesuffix(".ipynb") for name in args.names}
        sources = [s for s in sources if s.stem in wanted]
        missing = wanted - {s.stem for s in sources}
        if missing:
            parser.error(f"no source for {sorted(missing)} in {SOURCES}")
    for variable, value in THREADS.items():
        os.environ.setdefault(variable, value)
    NOTEBOOKS.mkdir(exist_ok=True)
    too_slow = []
    for path in sources:
        elapsed = build(path)
        budget = BUDGETS.get(path.stem, TIME_BUDGET)
        flag = "" if elapsed <= budget else f"  OVER the {budget:.0f} s budget"
        print(f"{path.stem:<40} {elapsed:6.1f} s{flag}", flush=True)
        if flag:
            too_slow.append(path.stem)
    if too_slow:
        print(f"too slow: {', '.join(too_slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
