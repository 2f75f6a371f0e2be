"""Reliability checks for issue #7 that tests/test_helpers_model.py does not cover.

Model.fit's own guard against a non-finite loss, model files damaged in more
ways (cut at any point, descriptions with wrong field types or classes outside
the allow-list, a pickled object array saved as .npy), validation data checked
like training data, and notebook 22's copy of the format constants.
"""

import ast
import json
import pickle

import numpy as np
import pytest

import nnfs_helpers
from conftest import NOTEBOOK_DIR, parse_code, read_notebook
from nnfs_helpers import (
    Adam,
    DenseLayer,
    Linear,
    MeanSquaredError,
    Model,
    ReLU,
    SoftmaxCrossEntropy,
    load_model,
    regression_accuracy,
    save_model,
    spiral_data,
)


def small_model(seed=0):
    return Model([DenseLayer(2, 8, rng=seed), ReLU(), DenseLayer(8, 3, rng=seed + 1)],
                 SoftmaxCrossEntropy(), Adam(learning_rate=0.05))


@pytest.fixture
def model_file(tmp_path):
    X, y = spiral_data(20, 3)
    model = small_model()
    model.fit(X, y, epochs=5, progress=False)
    path = tmp_path / "model.npz"
    save_model(model, path)
    return model, path, X


# ------------------------------------------------------------------ fit


def test_fit_stops_with_its_own_error_when_the_loss_overflows():
    # Every layer output stays finite (so no layer check fires), but squaring
    # 1e200 overflows: the loss itself is inf, which fit must refuse to train on.
    dense = DenseLayer(1, 1, rng=0)
    dense.weights[...] = 1e100
    model = Model([dense, Linear()], MeanSquaredError(), Adam(),
                  accuracy=regression_accuracy)
    X = np.full((4, 1), 1e100)
    with np.errstate(over="ignore", invalid="ignore"):
        with pytest.raises(FloatingPointError,
                           match=r"loss became inf at epoch 1.*smaller learning rate"):
            model.fit(X, np.zeros((4, 1)), epochs=3, progress=False)
    assert model.optimizer.iterations == 0  # no step was taken on the bad loss


@pytest.mark.parametrize("y, error, message", [
    (np.full(60, -1), ValueError, r"class index -1"),
    (np.zeros(60), TypeError, r"integer class indices"),
    (np.zeros((60, 1), dtype=int), ValueError, r"pass y\.ravel\(\)"),
])
def test_fit_refuses_labels_that_cannot_be_classes(y, error, message):
    X, _ = spiral_data(20, 3)
    with pytest.raises(error, match=message):
        small_model().fit(X, y, epochs=1, progress=False)


def test_fit_checks_validation_data_like_training_data():
    X, y = spiral_data(20, 3)
    expected = r"Model.fit validation_data got 60 samples in X but 59 in y"
    with pytest.raises(ValueError, match=expected):
        small_model().fit(X, y, epochs=1, validation_data=(X, y[:-1]), progress=False)


def test_fit_refuses_a_bad_label_before_training_any_step():
    X, y = spiral_data(20, 3)
    y = y.copy()
    y[-1] = 3  # out of range, in the last mini-batch
    model = small_model()
    before = model.layers[0].weights.copy()
    with pytest.raises(ValueError, match="class index 3"):
        model.fit(X, y, epochs=2, batch_size=10, progress=False)
    np.testing.assert_array_equal(model.layers[0].weights, before)


# ---------------------------------------------------------- model files


@pytest.mark.parametrize("keep", [0, 1, 30, 0.25, 0.5, 0.9, -1])
def test_a_file_cut_anywhere_is_refused(model_file, keep):
    _, path, _ = model_file
    data = path.read_bytes()
    cut = keep if isinstance(keep, int) and keep >= 0 else (
        len(data) - 1 if keep == -1 else int(len(data) * keep))
    path.write_bytes(data[:cut])
    with pytest.raises(ValueError, match="cannot load a model from"):
        load_model(path)


def test_a_flipped_byte_inside_an_array_is_refused(model_file):
    # The zip archive's checksums catch silent damage to the numbers.
    _, path, _ = model_file
    data = bytearray(path.read_bytes())
    with np.load(path) as archive:
        weights = archive["layers.0.weights"].tobytes()
    start = bytes(data).index(weights)
    data[start + 5] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="cannot load a model from"):
        load_model(path)


def rewrite_description(path, change):
    with np.load(path) as archive:
        arrays = {name: archive[name] for name in archive.files}
    description = json.loads(arrays["model.json"].tobytes())
    change(description)
    arrays["model.json"] = np.frombuffer(json.dumps(description).encode(), dtype=np.uint8)
    np.savez(path, **arrays)


@pytest.mark.parametrize("change, message", [
    # Names that exist in nnfs_helpers but are not layers or losses a file may build.
    (lambda d: d["layers"][0].update(type="Model"), r"unknown type 'Model'"),
    (lambda d: d["layers"][0].update(type="__import__"), r"unknown type '__import__'"),
    (lambda d: d.update(loss="Adam"), r"unknown loss 'Adam'"),
    # Fields of the wrong type reach constructors that check them.
    (lambda d: d["layers"][0].update(n_inputs="__import__('os')"),
     r"layer 0's n_inputs should be a whole number >= 1"),
    (lambda d: d["layers"][0].update(n_neurons=-8),
     r"layer 0's n_neurons should be a whole number >= 1, got -8"),
    (lambda d: d["layers"][0].update(weight_l2="a lot"), r"weight_l2 must be a number"),
    (lambda d: d.update(layers=[]), r"lists no layers"),
    (lambda d: d.update(layers="DenseLayer"), r"lists no layers"),
    (lambda d: d.update(version="1"), r"format version '1' is not supported"),
])
def test_a_description_with_bad_fields_is_refused(model_file, change, message):
    _, path, _ = model_file
    rewrite_description(path, change)
    with pytest.raises(ValueError, match=f"cannot load a model from .*{message}"):
        load_model(path)


class Payload:
    """Unpickling this would run code: the loader must never do it."""

    def __reduce__(self):
        return (pytest.fail, ("the loader unpickled the file",))


def test_a_pickled_object_array_saved_as_npy_is_refused(tmp_path):
    path = tmp_path / "model.npz"
    with open(path, "wb") as file:
        np.save(file, np.array([Payload()], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError, match="pickled Python objects"):
        load_model(path)


def test_a_pickle_of_a_model_object_is_refused(tmp_path):
    # The book's way of saving (pickle.dump(model)): refused, never unpickled.
    path = tmp_path / "model.npz"
    path.write_bytes(pickle.dumps(small_model()))
    with pytest.raises(ValueError, match="it is a pickle"):
        load_model(path)


def test_round_trip_is_exact_and_repeatable(model_file, tmp_path):
    model, path, X = model_file
    first = load_model(path)
    save_model(first, tmp_path / "again.npz")
    second = load_model(tmp_path / "again.npz")
    expected = model.predict(X)
    np.testing.assert_array_equal(first.predict(X), expected)
    np.testing.assert_array_equal(second.predict(X), expected)
    assert first.evaluate(X, np.zeros(len(X), dtype=int)) == \
        model.evaluate(X, np.zeros(len(X), dtype=int))


# -------------------------------------------------------------- notebook 22


def test_notebook_22_shows_the_format_constants_as_the_library_has_them():
    """The sync test compares classes and functions; these are plain assignments."""
    path = NOTEBOOK_DIR / "22_save_load_predict.ipynb"
    if not path.exists():
        pytest.skip("notebook 22 not built yet")
    names = {"MODEL_FORMAT", "MODEL_FORMAT_VERSION", "MAX_MODEL_BYTES",
             "MAX_DESCRIPTION_BYTES", "_LAYER_TYPES", "_LOSS_TYPES", "_ACCURACY_TYPES",
             "_SAVED_DTYPES"}

    def assignments(tree):
        return {node.targets[0].id: ast.dump(node.value) for node in tree.body
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in names}

    import inspect

    helper = assignments(ast.parse(inspect.getsource(nnfs_helpers)))
    notebook = assignments(parse_code(read_notebook(path)))
    assert set(helper) == names
    assert notebook == helper


def test_save_model_writes_exactly_the_path_given(tmp_path):
    X, y = spiral_data(10, 3)
    model = small_model()
    path = tmp_path / "model-without-ending"
    save_model(model, path)
    assert path.exists() and not (tmp_path / "model-without-ending.npz").exists()
    np.testing.assert_array_equal(load_model(path).predict(X), model.predict(X))


def test_fit_refuses_bad_validation_labels_before_training():
    X, y = spiral_data(10, 3)
    model = small_model()
    before = model.layers[0].weights.copy()
    with pytest.raises(ValueError, match="class index 7"):
        model.fit(X, y, epochs=1, validation_data=(X, np.full_like(y, 7)), progress=False)
    np.testing.assert_array_equal(model.layers[0].weights, before)
