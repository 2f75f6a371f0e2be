"""Earlier versions of a method behave like the helper's in their notebook's setting.

A class grows where each idea is taught, so some methods are shown twice: first
as the idea of the moment needs them, later in their final form. Notebook 01's
``DenseLayer.__init__`` knows nothing of penalties (notebook 16 adds them);
notebook 11's ``SGD`` has no decay or momentum (notebook 12 adds them).
``EARLIER_VERSIONS`` in ``tools/sync_notebook_code.py`` lists these methods; here
each is taken from its notebook and run against ``nnfs_helpers`` on the cases
that notebook uses: the same numbers must come out, to the last bit.
"""

import ast

import numpy as np
import pytest
from test_notebook_sync import EARLIER_VERSIONS

import nnfs_helpers
from conftest import NOTEBOOK_DIR, parse_code, read_notebook


def notebook_namespace(stem):
    """Run a notebook's imports and its class and function definitions, nothing else.

    Classes are defined in the notebook's order, so ``class DenseLayer(DenseLayer)``
    extends whatever ``DenseLayer`` was at that point (usually the imported helper).
    """
    tree = parse_code(read_notebook(NOTEBOOK_DIR / f"{stem}.ipynb"))
    wanted = [node for node in tree.body
              if isinstance(node, ast.Import | ast.ImportFrom | ast.ClassDef)
              or (isinstance(node, ast.FunctionDef) and node.name in nnfs_helpers.__all__)]
    # Widgets and exercise checkers are not needed to define the network's code.
    wanted = [node for node in wanted if not (
        isinstance(node, ast.ImportFrom) and node.module in ("nnfs_widgets", "nnfs_exercises"))]
    namespace = {}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), stem, "exec"), namespace)  # noqa: S102
    return namespace


def covered_by_this_module():
    return {
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


def test_every_earlier_version_is_tested_here():
    assert covered_by_this_module() == EARLIER_VERSIONS


def assert_same_layer(a, b):
    np.testing.assert_array_equal(a.weights, b.weights)
    np.testing.assert_array_equal(a.biases, b.biases)


@pytest.mark.parametrize("weight_scale", [0.01, 1.0])
def test_01_dense_layer_starts_and_computes_as_the_helper(weight_scale):
    # Notebook 01 makes layers with the book's 0.01 and, for pictures, 1.0.
    ns = notebook_namespace("01_dense_layer")
    taught = ns["DenseLayer"](3, 5, rng=7, weight_scale=weight_scale)
    helper = nnfs_helpers.DenseLayer(3, 5, rng=7, weight_scale=weight_scale)
    assert_same_layer(taught, helper)
    X = np.random.default_rng(1).normal(size=(4, 3))
    np.testing.assert_array_equal(taught.forward(X), helper.forward(X))
    assert repr(taught) == repr(helper)


def test_08_dense_backward_is_the_helpers_without_penalties():
    ns = notebook_namespace("08_backprop_dense_relu")
    rng = np.random.default_rng(2)
    X, dvalues = rng.normal(size=(6, 3)), rng.normal(size=(6, 4))
    taught = ns["DenseLayer"](3, 4, rng=0, weight_scale=1.0)
    helper = nnfs_helpers.DenseLayer(3, 4, rng=0, weight_scale=1.0)
    taught.forward(X)
    helper.forward(X)
    np.testing.assert_array_equal(taught.backward(dvalues), helper.backward(dvalues))
    np.testing.assert_array_equal(taught.dweights, helper.dweights)
    np.testing.assert_array_equal(taught.dbiases, helper.dbiases)


def test_10_gradient_check_is_the_helpers_without_penalties():
    # Notebook 10 checks networks without penalties: total_penalty adds 0.0.
    ns = notebook_namespace("10_gradient_check")
    X, y = nnfs_helpers.spiral_data(10, 3)

    def network(dense):
        rng = np.random.default_rng(4)
        return [dense(2, 8, rng=rng, weight_scale=1.0), nnfs_helpers.ReLU(),
                dense(8, 3, rng=rng, weight_scale=1.0)]

    taught = ns["gradient_check"](network(ns["DenseLayer"]), nnfs_helpers.SoftmaxCrossEntropy(),
                                  X, y)
    helper = nnfs_helpers.gradient_check(network(nnfs_helpers.DenseLayer),
                                         nnfs_helpers.SoftmaxCrossEntropy(), X, y)
    assert taught == helper
    assert list(taught) == ["layers[0].weights", "layers[0].biases",
                            "layers[2].weights", "layers[2].biases"]


@pytest.mark.parametrize("weight_scale", [0.01, 1.0, "he", "glorot"])
def test_11_dense_layer_starts_as_the_helper(weight_scale):
    ns = notebook_namespace("11_sgd")
    taught = ns["DenseLayer"](2, 64, rng=3, weight_scale=weight_scale)
    helper = nnfs_helpers.DenseLayer(2, 64, rng=3, weight_scale=weight_scale)
    assert_same_layer(taught, helper)


@pytest.mark.parametrize("learning_rate", [1.0, 0.1])
def test_11_sgd_takes_the_helpers_steps_without_decay_or_momentum(learning_rate):
    ns = notebook_namespace("11_sgd")
    X, y = nnfs_helpers.spiral_data(20, 3)

    def run(optimizer):
        layers = [nnfs_helpers.DenseLayer(2, 16, rng=0), nnfs_helpers.ReLU(),
                  nnfs_helpers.DenseLayer(16, 3, rng=1)]
        history = nnfs_helpers.train(layers, optimizer, X, y, 30, progress=False)
        return layers, history

    taught_layers, taught_history = run(ns["SGD"](learning_rate=learning_rate))
    helper_layers, helper_history = run(nnfs_helpers.SGD(learning_rate=learning_rate))
    assert taught_history["loss"] == helper_history["loss"]
    assert_same_layer(taught_layers[2], helper_layers[2])
    assert_same_layer(taught_layers[0], helper_layers[0])
    assert f"learning_rate={learning_rate}" in repr(ns["SGD"](learning_rate=learning_rate))
