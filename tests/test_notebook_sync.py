"""Each class or function a notebook teaches is the one in nnfs_helpers.py.

A notebook defines the helper it teaches in a cell, so the learner reads the real
code; later notebooks import it. These tests compare the two by their syntax
trees (comments and layout aside), so the copy a learner reads cannot drift from
the code the course runs.

A class grows where each idea is taught: notebook 01 shows ``DenseLayer`` with
``__init__`` and ``forward``; notebook 08 adds ``backward`` in
``class DenseLayer(DenseLayer):``, which keeps everything the class had and adds
or replaces the methods it shows. So:

- every method a notebook shows equals the helper's, unless it is an *earlier
  version* (``EARLIER_VERSIONS`` in ``tools/sync_notebook_code.py``) that a later
  notebook replaces; ``test_earlier_versions.py`` checks that those behave like
  the helper in their notebook's setting;
- every method and function of the helper is shown, in its final form, by some
  notebook;
- nothing is shown twice: a later notebook imports what an earlier one wrote.
"""

import ast
import importlib.util
import inspect

import pytest

import nnfs_helpers
from conftest import NOTEBOOKS, ROOT, parse_code, read_notebook

HELPER_TREE = ast.parse(inspect.getsource(nnfs_helpers))
HELPER_DEFS = {
    node.name: node
    for node in HELPER_TREE.body
    if isinstance(node, ast.ClassDef | ast.FunctionDef)
}
# Tools the notebooks use but do not teach: input checks, figures, and the
# claim checks and seed studies that keep training results honest (notebook 11
# explains what they do; they are not part of the network library).
NOT_TAUGHT = {
    # The careful reading behind load_model (notebook 22 explains what it checks)
    # and the wording of error messages.
    "ModelArchive",
    "_check_zip_directory",
    "_copy_mode",
    "_count",
    "_describe",
    "_member_name",
    "_read_npy_header",
    "_short",
    "_sync_folder",
    "check_backward_done",
    "check_strokes",
    "check_claim",
    "check_data",
    "check_forward_done",
    "check_hyperparameter",
    "check_inputs",
    "check_labels",
    "check_probabilities",
    "check_size",
    "check_targets",
    "draw_network",
    "draw_shapes_diagram",
    "load_stroke_drawings",
    "plot_decision_regions",
    "plot_seed_study",
    "plot_spiral",
    "print_seed_study",
    "seed_study",
}


def _load_sync_tool():
    spec = importlib.util.spec_from_file_location(
        "sync_notebook_code", ROOT / "tools" / "sync_notebook_code.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


SYNC_TOOL = _load_sync_tool()
EARLIER_VERSIONS = SYNC_TOOL.EARLIER_VERSIONS


def notebook_defs(path):
    """Top-level classes and functions a notebook defines, in order."""
    tree = parse_code(read_notebook(path))
    return [node for node in tree.body if isinstance(node, ast.ClassDef | ast.FunctionDef)]


def methods(class_node):
    return {
        node.name: node
        for node in class_node.body
        if isinstance(node, ast.FunctionDef)
    }


def dump(node):
    return ast.dump(node, include_attributes=False)


def shown(path):
    """(class or None, name, node, is_earlier_version) for each helper the notebook shows."""
    items = []
    for node in notebook_defs(path):
        if node.name not in HELPER_DEFS:
            continue
        if isinstance(node, ast.FunctionDef):
            earlier = (path.stem, None, node.name) in EARLIER_VERSIONS
            items.append((None, node.name, node, earlier))
            continue
        for name, method in methods(node).items():
            earlier = (path.stem, node.name, name) in EARLIER_VERSIONS
            items.append((node.name, name, method, earlier))
    return items


def helper_node(owner, name):
    if owner is None:
        return HELPER_DEFS[name]
    return methods(HELPER_DEFS[owner]).get(name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_definitions_match_helpers(path):
    for node in notebook_defs(path):
        helper = HELPER_DEFS.get(node.name)
        if helper is None:
            continue
        assert type(node) is type(helper), f"{node.name}: class in one, function in the other"
        if isinstance(node, ast.ClassDef):
            bases = [dump(b) for b in node.bases]
            extends_itself = bases == [dump(ast.Name(id=node.name, ctx=ast.Load()))]
            assert extends_itself or bases == [dump(b) for b in helper.bases], (
                f"{path.name}: class {node.name} must be written as in nnfs_helpers.py "
                f"or as class {node.name}({node.name}) to add methods")
    for owner, name, node, earlier in shown(path):
        label = f"{owner}.{name}" if owner else f"{name}()"
        helper = helper_node(owner, name)
        assert helper is not None, (
            f"{path.name} defines {label}, which nnfs_helpers.py does not have")
        if earlier:
            assert dump(node) != dump(helper), (
                f"{path.name}: {label} is listed in EARLIER_VERSIONS but is the same "
                f"as nnfs_helpers.py; remove it from the list")
        else:
            assert dump(node) == dump(helper), (
                f"{path.name} defines {label} differently from nnfs_helpers.py "
                f"(run tools/sync_notebook_code.py, or list an earlier version)")


def test_every_earlier_version_is_in_its_notebook():
    found = {(path.stem, owner, name)
             for path in NOTEBOOKS for owner, name, _, earlier in shown(path) if earlier}
    assert EARLIER_VERSIONS == found, (
        f"listed but not shown: {sorted(EARLIER_VERSIONS - found, key=str)}")


def test_every_helper_is_taught_by_a_notebook():
    """Every function and method appears, in its final form, in some notebook."""
    final = {(owner, name) for path in NOTEBOOKS
             for owner, name, _, earlier in shown(path) if not earlier}
    for name in nnfs_helpers.__all__:
        if name in NOT_TAUGHT:
            continue
        helper = HELPER_DEFS[name]
        if isinstance(helper, ast.FunctionDef):
            assert (None, name) in final, f"no notebook defines nnfs_helpers.{name}"
            continue
        missing = {m for m in methods(helper) if (name, m) not in final}
        assert not missing, f"no notebook shows the final {name}.{sorted(missing)}"


def test_nothing_is_shown_twice():
    """Write once, then import: no notebook repeats code an earlier one showed."""
    first_shown = {}
    for path in NOTEBOOKS:
        for owner, name, node, _ in shown(path):
            key = (owner, name, dump(node))
            label = f"{owner}.{name}" if owner else f"{name}()"
            assert key not in first_shown, (
                f"{path.name} shows {label} again, as {first_shown[key]} did; "
                f"import it instead")
            first_shown[key] = path.name


def test_all_lists_every_public_helper():
    public = {name for name in HELPER_DEFS if not name.startswith("_")}
    assert public == set(nnfs_helpers.__all__)


def test_sync_tool_finds_every_source_in_step(capsys):
    """tools/sync_notebook_code.py (which copies helper code into the sources) agrees."""
    assert SYNC_TOOL.main(["--check"]) == 0, capsys.readouterr().out


def code_lines(node, source_lines):
    """Lines of code in a definition: docstrings, comments and blank lines aside."""
    docstrings = set()
    for child in ast.walk(node):
        body = getattr(child, "body", None)
        if (isinstance(child, ast.ClassDef | ast.FunctionDef) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            docstrings.update(range(body[0].lineno, body[0].end_lineno + 1))
    return sum(1 for number in range(node.lineno, node.end_lineno + 1)
               if number not in docstrings
               and source_lines[number - 1].strip()
               and not source_lines[number - 1].strip().startswith("#"))


# A class a learner reads at once is about as long as the book's: at most this
# many lines of code where it is shown (the book's Model, the longest, grows
# over several chapters too).
BOOK_SIZED = 40


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_class_a_notebook_shows_is_book_sized(path):
    nb = read_notebook(path)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        source = "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                           for line in cell.source.splitlines())
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        lines = source.splitlines()
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name in HELPER_DEFS:
                count = code_lines(node, lines)
                assert count <= BOOK_SIZED, (
                    f"{path.name} shows class {node.name} with {count} lines of code; "
                    f"show it in steps of at most {BOOK_SIZED}")
