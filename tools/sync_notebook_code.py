"""Copy the code of nnfs_helpers.py into the notebook sources that teach it.

A notebook defines the class or function it teaches in a cell, identical to its
copy in ``nnfs_helpers.py`` (``tests/test_notebook_sync.py`` checks this). The
helper module is the one place to edit; this script then rewrites, in every
``notebook_src/NN_*.py``, each top-level ``def`` and each method of each top-level
``class`` whose name the helper module also defines:

- a function is replaced by the helper's function, whole;
- a method is replaced by the helper's method. The class line and docstring
  stay as the notebook has them, and so do the methods it does not show: a
  class grows where each idea is taught, either as a first ``class DenseLayer:``
  with some methods or as ``class DenseLayer(DenseLayer):``, which adds or
  replaces methods of the class imported or defined before;
- an *earlier version*, listed in ``EARLIER_VERSIONS``, is left alone: a method
  a later notebook replaces (notebook 01's ``DenseLayer.__init__`` has no
  penalties; notebook 16's does). ``tests/test_earlier_versions.py`` proves
  each behaves like the helper in its notebook's setting.

To show a new method in a notebook, add a stub ``def name(self): ...`` inside
its class there and run this script: ``python tools/sync_notebook_code.py``
(``--check`` only reports), then ``make notebooks`` to rebuild the outputs.
"""

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "notebook_src"
HELPERS = ROOT / "nnfs_helpers.py"
CELL_MARKER = "# %%"

# (notebook, class or None for a function, name): versions that a later
# notebook replaces, kept as the notebook teaches them.
EARLIER_VERSIONS = {
    ("01_dense_layer", "DenseLayer", "__init__"),
    ("08_backprop_dense_relu", "DenseLayer", "backward"),
    ("10_gradient_check", None, "gradient_check"),
    ("11_sgd", "DenseLayer", "__init__"),
    ("11_sgd", "Optimizer", "__init__"),
    ("11_sgd", "Optimizer", "step"),
    ("11_sgd", "SGD", "__init__"),
    ("11_sgd", "SGD", "update"),
    ("11_sgd", "SGD", "__repr__"),
}


def top_level_defs(tree):
    """Name -> node for the classes and functions at the top of a module."""
    return {node.name: node for node in tree.body
            if isinstance(node, ast.ClassDef | ast.FunctionDef)}


def node_lines(node):
    """(first, last) 1-based line numbers of a node, decorators included."""
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return first, node.end_lineno


def helper_lines_of(node, helper_lines):
    first, last = node_lines(node)
    return helper_lines[first - 1:last]


def split_cells(text):
    """Split a percent-format source into cells (lists of lines, marker first)."""
    cells, current = [], []
    for line in text.splitlines():
        if line.startswith(CELL_MARKER) and current:
            cells.append(current)
            current = []
        current.append(line)
    if current:
        cells.append(current)
    return cells


def sync_cell(cell, stem, helper_lines, helper_defs):
    """Return the cell's lines with every shared definition replaced."""
    marker, code = cell[0], cell[1:]
    if "[markdown]" in marker:
        return cell
    # IPython magics are commented out in percent sources, so the code parses.
    try:
        tree = ast.parse("\n".join(code))
    except SyntaxError:
        return cell
    replacements = []  # (node in the cell, node in the helper module)
    for node in tree.body:
        helper = helper_defs.get(getattr(node, "name", None))
        if helper is None or type(helper) is not type(node):
            continue
        if isinstance(node, ast.FunctionDef):
            if (stem, None, node.name) not in EARLIER_VERSIONS:
                replacements.append((node, helper))
            continue
        helper_methods = {m.name: m for m in helper.body if isinstance(m, ast.FunctionDef)}
        for method in node.body:
            if (isinstance(method, ast.FunctionDef) and method.name in helper_methods
                    and (stem, node.name, method.name) not in EARLIER_VERSIONS):
                replacements.append((method, helper_methods[method.name]))
    for node, helper in sorted(replacements, key=lambda pair: pair[0].lineno, reverse=True):
        first, last = node_lines(node)
        code[first - 1:last] = helper_lines_of(helper, helper_lines)
    return [marker] + code


def sync_source(path, helper_lines, helper_defs):
    """Return the synced text of one notebook source."""
    text = path.read_text(encoding="utf-8")
    cells = [sync_cell(cell, path.stem, helper_lines, helper_defs)
             for cell in split_cells(text)]
    return "\n".join(line for cell in cells for line in cell) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="report the sources that are out of step; change nothing")
    args = parser.parse_args(argv)
    helper_text = HELPERS.read_text(encoding="utf-8")
    helper_lines = helper_text.splitlines()
    helper_defs = top_level_defs(ast.parse(helper_text))
    changed = []
    for path in sorted(SOURCES.glob("[0-9][0-9]_*.py")):
        new_text = sync_source(path, helper_lines, helper_defs)
        if new_text != path.read_text(encoding="utf-8"):
            changed.append(path.stem)
            if not args.check:
                path.write_text(new_text, encoding="utf-8")
    verb = "out of step" if args.check else "updated"
    print(f"{verb}: {', '.join(changed)}" if changed else "all notebook sources in step")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
