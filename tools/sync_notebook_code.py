"""Copy the code of nnfs_helpers.py into the notebook sources that teach it.

A notebook defines the class or function it teaches in a cell, identical to its
copy in ``nnfs_helpers.py`` (``tests/test_notebook_sync.py`` checks this). The
helper module is the one place to edit; this script then rewrites, in every
``notebook_src/NN_*.py``, each top-level ``class``/``def`` whose name the helper
module also defines:

- a function is replaced by the helper's function, whole;
- a class is replaced by the helper's class, keeping only the methods the
  notebook already shows (notebook 01 shows ``DenseLayer`` without ``backward``).
  To show a new method in a notebook, add a stub ``def name(self): ...`` inside
  its class there and run this script.

Run ``python tools/sync_notebook_code.py`` (add ``--check`` to only report), then
``make notebooks`` to rebuild the outputs.
"""

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "notebook_src"
HELPERS = ROOT / "nnfs_helpers.py"
CELL_MARKER = "# %%"


def top_level_defs(tree):
    """Name -> node for the classes and functions at the top of a module."""
    return {node.name: node for node in tree.body
            if isinstance(node, ast.ClassDef | ast.FunctionDef)}


def node_lines(node):
    """(first, last) 1-based line numbers of a node, decorators included."""
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return first, node.end_lineno


def method_names(class_node):
    return [n.name for n in class_node.body if isinstance(n, ast.FunctionDef)]


def helper_code(name, helper_lines, helper_defs, keep_methods=None):
    """The helper's source of ``name``; for a class, only ``keep_methods``."""
    node = helper_defs[name]
    first, last = node_lines(node)
    lines = helper_lines[first - 1:last]
    if keep_methods is None or not isinstance(node, ast.ClassDef):
        return lines
    drop = []
    body = [n for n in node.body if isinstance(n, ast.FunctionDef)]
    for method in body:
        if method.name not in keep_methods:
            m_first, m_last = node_lines(method)
            # Take the blank line before the method with it.
            drop.append((m_first - 1 - first, m_last - first))
    kept = []
    for index, line in enumerate(lines):
        if any(start <= index <= end for start, end in drop):
            continue
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


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


def sync_cell(cell, helper_lines, helper_defs):
    """Return the cell's lines with every shared definition replaced."""
    marker, code = cell[0], cell[1:]
    if "[markdown]" in marker:
        return cell
    # IPython magics are commented out in percent sources, so the code parses.
    try:
        tree = ast.parse("\n".join(code))
    except SyntaxError:
        return cell
    shared = [node for node in tree.body
              if isinstance(node, ast.ClassDef | ast.FunctionDef)
              and node.name in helper_defs]
    for node in sorted(shared, key=lambda n: n.lineno, reverse=True):
        first, last = node_lines(node)
        keep = method_names(node) if isinstance(node, ast.ClassDef) else None
        code[first - 1:last] = helper_code(node.name, helper_lines, helper_defs, keep)
    return [marker] + code


def sync_source(path, helper_lines, helper_defs):
    """Return the synced text of one notebook source."""
    text = path.read_text(encoding="utf-8")
    cells = [sync_cell(cell, helper_lines, helper_defs) for cell in split_cells(text)]
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
