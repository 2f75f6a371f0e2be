"""Each class or function a notebook teaches is the one in nnfs_helpers.py.

A notebook defines the helper it teaches in a cell, so the learner reads the real
code; later notebooks import it. These tests compare the two by their syntax
trees (comments and layout aside), so the copy a learner reads cannot drift from
the code the course runs.

A notebook may show a class before it is complete: notebook 01 teaches
``DenseLayer.forward`` and notebook 08 adds ``backward``. So for classes every
method the notebook defines must equal the helper's, and every method of the
helper must be taught by some notebook.
"""

import ast
import inspect

import pytest

import nnfs_helpers
from conftest import NOTEBOOKS, parse_code, read_notebook

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
    "check_claim",
    "check_dvalues",
    "check_hyperparameter",
    "check_inputs",
    "check_labels",
    "check_probabilities",
    "check_size",
    "check_targets",
    "draw_network",
    "plot_decision_regions",
    "plot_seed_study",
    "plot_spiral",
    "print_seed_study",
    "seed_study",
}


def notebook_defs(path):
    """Top-level classes and functions a notebook defines, by name."""
    tree = parse_code(read_notebook(path))
    return {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.ClassDef | ast.FunctionDef)
    }


def methods(class_node):
    return {
        node.name: node
        for node in class_node.body
        if isinstance(node, ast.FunctionDef)
    }


def dump(node):
    return ast.dump(node, include_attributes=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_definitions_match_helpers(path):
    shared = {name: node for name, node in notebook_defs(path).items()
              if name in HELPER_DEFS}
    for name, node in shared.items():
        helper = HELPER_DEFS[name]
        assert type(node) is type(helper), f"{name}: class in one, function in the other"
        if isinstance(node, ast.FunctionDef):
            assert dump(node) == dump(helper), (
                f"{path.name} defines {name}() differently from nnfs_helpers.py")
            continue
        assert ast.get_docstring(node) == ast.get_docstring(helper), (
            f"{path.name}: the docstring of {name} differs from nnfs_helpers.py")
        assert [dump(b) for b in node.bases] == [dump(b) for b in helper.bases]
        helper_methods = methods(helper)
        for method_name, method in methods(node).items():
            assert method_name in helper_methods, (
                f"{path.name} defines {name}.{method_name}, "
                f"which nnfs_helpers.{name} does not have")
            assert dump(method) == dump(helper_methods[method_name]), (
                f"{path.name} defines {name}.{method_name} differently "
                f"from nnfs_helpers.py")


def test_every_helper_is_taught_by_a_notebook():
    taught_functions = set()
    taught_methods = {}
    for path in NOTEBOOKS:
        for name, node in notebook_defs(path).items():
            taught_functions.add(name)
            if isinstance(node, ast.ClassDef):
                taught_methods.setdefault(name, set()).update(methods(node))
    for name in nnfs_helpers.__all__:
        if name in NOT_TAUGHT:
            continue
        assert name in taught_functions, f"no notebook defines nnfs_helpers.{name}"
        helper = HELPER_DEFS[name]
        if isinstance(helper, ast.ClassDef):
            missing = set(methods(helper)) - taught_methods[name]
            assert not missing, f"no notebook shows {name}.{sorted(missing)}"


def test_all_lists_every_public_helper():
    public = {name for name in HELPER_DEFS if not name.startswith("_")}
    assert public == set(nnfs_helpers.__all__)


def test_sync_tool_finds_every_source_in_step(capsys):
    """tools/sync_notebook_code.py (which copies helper code into the sources) agrees."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location(
        "sync_notebook_code", ROOT / "tools" / "sync_notebook_code.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.main(["--check"]) == 0, capsys.readouterr().out
