"""Shared paths and notebook loaders for the tests."""

# The arithmetic environment (one BLAS thread, NumPy's and OpenBLAS's CPU code
# fixed) is set by the project's top-level conftest.py, which pytest loads first.
import ast
from pathlib import Path

import matplotlib
import nbformat
import pytest

# Figures in unit tests are drawn off-screen; nothing is shown.
matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
SOURCE_DIR = ROOT / "notebook_src"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def read_notebook(path):
    """Load a stored notebook (nbformat 4)."""
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def markdown_text(nb):
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


def parse_code(nb):
    """Parse a notebook's code cells as one module, IPython magics removed."""
    lines = []
    for cell in code_cells(nb):
        for line in cell.source.splitlines():
            stripped = line.lstrip()
            # %magic and !shell lines are IPython, not Python.
            lines.append("" if stripped.startswith(("%", "!")) else line)
        lines.append("")
    return ast.parse("\n".join(lines))


@pytest.fixture(autouse=True)
def _close_figures():
    """Close figures a test opened so they do not pile up across tests."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
