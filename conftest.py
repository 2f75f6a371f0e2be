"""Run every test, and every kernel the tests start, under one fixed arithmetic.

This file sits at the top of the project so pytest loads it first, whatever it
is asked to run (``pytest``, ``pytest notebooks/``, one test file): the
environment must be set before NumPy loads, and the kernels nbval and the
browser tests start inherit it. ``tools/reproducible_env.py`` explains the
settings; ``tools/build_notebooks.py`` stores the outputs under the same ones.
They override the shell's: the stored outputs are only reproduced under them.
"""

# ruff: noqa: E402 (the environment is set before anything imports NumPy)
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from reproducible_env import environment

os.environ.update(environment())
