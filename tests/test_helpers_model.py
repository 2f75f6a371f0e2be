"""Unit tests for notebooks 20-22: the Model object, and safe saving and loading."""

import json
import pickle

import numpy as np
import pytest

from nnfs_helpers import (
    SGD,
    Adam,
    BinaryCrossEntropy,
    DenseLayer,
    Dropout,
    Linear,
    MeanSquaredError,
    Model,
    ReLU,
    Sigmoid,
    SoftmaxCrossEntropy,
    accuracy,
    binary_accuracy,
    load_model,
    regression_accuracy,
    save_model,
    sine_data,
    spiral_data,
)


def spiral_model(seed=0, dropout=None, l2=0.0):
    layers = [DenseLayer(2, 16, rng=seed, weight_l2=l2, bias_l2=l2), ReLU()]
    if dropout:
        layers.append(Dropout(dropout, rng=seed))
    layers.append(DenseLayer(16, 3, rng=seed + 1))
    return Model(layers, SoftmaxCrossEntropy(), Adam(learning_rate=0.05, decay=1e-4))


# ----------------------------------------------------------------- fit


def test_fit_with_mini_batches_reproduces_an_explicit_loop_exactly():
    X, y = spiral_data(40, 3)
    model = spiral_model()
    history = model.fit(X, y, epochs=5, batch_size=32, shuffle=True, rng=7, progress=False)

    # The same training written out, as notebooks 11-14 do.
    layers = spiral_model().layers
    loss_function, optimizer = SoftmaxCrossEntropy(), Adam(learning_rate=0.05, decay=1e-4)
    rng = np.random.default_rng(7)
    losses = []
    for _ in range(5):
        order = rng.permutation(len(X))
        total = 0.0
        for start in range(0, len(X), 32):
            batch = order[start:start + 32]
            values = X[batch]
            for layer in layers:
                values = layer.forward(values)
            total += loss_function.forward(values, y[batch]) * len(batch)
            gradient = loss_function.backward()
            for layer in reversed(layers):
                gradient = layer.backward(gradient)
            optimizer.step(layers)
        losses.append(total / len(X))
    assert history["loss"] == losses  # exactly, not approximately
    np.testing.assert_array_equal(model.layers[0].weights, layers[0].weights)


def test_fit_learns_and_records_a_history():
    X, y = spiral_data(50, 3)
    X_val, y_val = spiral_data(50, 3, seed=1)
    model = spiral_model()
    history = model.fit(X, y, epochs=300, validation_data=(X_val, y_val), progress=False)
    assert set(history) == {"loss", "regularization_loss", "accuracy", "learning_rate",
                            "val_loss", "val_accuracy"}
    assert all(len(values) == 300 for values in history.values())
    assert history["loss"][-1] < 0.8 * history["loss"][0]
    assert history["accuracy"][-1] > 0.6  # chance is 1/3
    assert history["learning_rate"][0] == 0.05 > history["learning_rate"][-1]
    loss, acc = model.evaluate(X, y)
    assert acc > 0.6 and loss < history["loss"][0]
    assert model.history is history


def test_predict_returns_probabilities_batch_by_batch():
    X, y = spiral_data(20, 3)
    model = spiral_model()
    model.fit(X, y, epochs=20, progress=False)
    probabilities = model.predict(X)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    np.testing.assert_allclose(model.predict(X, batch_size=7), probabilities, rtol=1e-12)
    assert model.evaluate(X, y)[1] == accuracy(probabilities, y)


def test_dropout_is_on_while_fitting_and_off_when_predicting():
    X, y = spiral_data(20, 3)
    model = spiral_model(dropout=0.5)
    model.fit(X, y, epochs=3, progress=False)
    np.testing.assert_array_equal(model.predict(X), model.predict(X))  # deterministic
    assert model.layers[2].training is False


def test_fit_a_binary_and_a_regression_model():
    X, y = spiral_data(50, 2)
    binary = Model([DenseLayer(2, 16, rng=0), ReLU(), DenseLayer(16, 1, rng=1), Sigmoid()],
                   BinaryCrossEntropy(), Adam(learning_rate=0.02), accuracy=binary_accuracy)
    history = binary.fit(X, y.reshape(-1, 1), epochs=200, progress=False)
    assert history["loss"][-1] < history["loss"][0]
    X, y = sine_data(200)
    regression = Model([DenseLayer(1, 32, rng=0, weight_scale=0.5), ReLU(),
                        DenseLayer(32, 1, rng=1, weight_scale=0.5), Linear()],
                       MeanSquaredError(), Adam(learning_rate=0.01),
                       accuracy=regression_accuracy)
    history = regression.fit(X, y, epochs=300, progress=False)
    assert history["loss"][-1] < 0.5 * history["loss"][0]


@pytest.mark.parametrize("kwargs, error, message", [
    ({"X": np.zeros((5, 2)), "y": np.zeros(4, dtype=int)}, ValueError,
     r"Model.fit got 5 samples in X but 4 in y"),
    ({"y": np.full(60, 3)}, ValueError, r"class index 3.*must be in 0\.\.2"),
    ({"X": np.zeros((0, 2)), "y": np.zeros(0, dtype=int)}, ValueError, "empty batch"),
    ({"batch_size": 0}, ValueError, "batch_size must be a positive whole number, got 0"),
    ({"batch_size": -5}, ValueError, "batch_size must be a positive"),
    ({"epochs": 0}, ValueError, "epochs must be a positive"),
])
def test_fit_refuses_bad_data(kwargs, error, message):
    X, y = spiral_data(20, 3)
    arguments = {"X": X, "y": y, "epochs": 2, "progress": False} | kwargs
    with pytest.raises(error, match=message):
        spiral_model().fit(**arguments)


def test_fit_stops_when_the_loss_blows_up():
    X, y = spiral_data(20, 3)
    model = Model([DenseLayer(2, 16, rng=0, weight_scale=1.0), ReLU(),
                   DenseLayer(16, 3, rng=1, weight_scale=1.0)],
                  SoftmaxCrossEntropy(), SGD(learning_rate=1e30))
    with pytest.raises((FloatingPointError, ValueError), match="smaller learning rate"):
        with np.errstate(all="ignore"):
            model.fit(X * 1e10, y, epochs=50, progress=False)


def test_fit_needs_an_optimizer_and_model_needs_layers():
    X, y = spiral_data(5, 3)
    with pytest.raises(ValueError, match="needs an optimizer"):
        Model([DenseLayer(2, 3)], SoftmaxCrossEntropy()).fit(X, y, epochs=1)
    with pytest.raises(ValueError, match="at least one layer"):
        Model([], SoftmaxCrossEntropy())


def test_model_repr():
    model = Model([DenseLayer(2, 3, rng=0), ReLU()], SoftmaxCrossEntropy(), SGD())
    assert repr(model) == ("Model([DenseLayer(n_inputs=2, n_neurons=3), ReLU()], "
                           "loss=SoftmaxCrossEntropy(), optimizer=SGD(learning_rate=1.0, "
                           "decay=0.0, momentum=0.0))")


# ---------------------------------------------------------- save and load


@pytest.fixture
def trained(tmp_path):
    X, y = spiral_data(30, 3)
    model = spiral_model(dropout=0.1, l2=5e-4)
    model.fit(X, y, epochs=30, progress=False)
    path = tmp_path / "model.npz"
    save_model(model, path)
    return model, path, X


def test_round_trip_predicts_exactly_the_same(trained):
    model, path, X = trained
    loaded = load_model(path)
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    assert [repr(layer) for layer in loaded.layers] == [repr(layer) for layer in model.layers]
    assert loaded.layers[0].weight_l2 == 5e-4  # penalties travel too, to train on
    assert loaded.layers[0].weights.dtype == np.float64
    assert loaded.optimizer is None and loaded.accuracy is accuracy


def test_round_trip_of_a_binary_model(tmp_path):
    model = Model([DenseLayer(2, 4, rng=0), ReLU(), DenseLayer(4, 1, rng=1), Sigmoid()],
                  BinaryCrossEntropy(), accuracy=binary_accuracy)
    save_model(model, tmp_path / "binary.npz")
    loaded = load_model(tmp_path / "binary.npz")
    X = np.random.default_rng(0).normal(size=(5, 2))
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    assert loaded.accuracy is binary_accuracy


def rewrite(path, change):
    """Rewrite a model file with its arrays passed through change(dict)."""
    with np.load(path) as archive:
        arrays = {name: archive[name] for name in archive.files}
    change(arrays)
    np.savez(path, **arrays)


def set_description(arrays, **changes):
    description = json.loads(arrays["model.json"].tobytes()) | changes
    arrays["model.json"] = np.frombuffer(json.dumps(description).encode(), dtype=np.uint8)


@pytest.mark.parametrize("change, message", [
    (lambda a: a.pop("layers.0.biases"), r"arrays missing: \['layers.0.biases'\]"),
    (lambda a: a.update(extra=np.zeros(3)),
     r"a member named 'extra.npy', which a model file never"),
    (lambda a: a.update({"layers.5.weights": np.zeros(3)}),
     r"unexpected arrays: \['layers.5.weights'\]"),
    (lambda a: a.update({"layers.0.weights": np.zeros((3, 16))}),
     r"layers.0.weights should be float64 or float32 of shape \(2, 16\).*shape \(3, 16\)"),
    (lambda a: a.update({"layers.0.weights": np.zeros((2, 16), dtype=np.int64)}),
     r"should be float64 or float32.*int64"),
    (lambda a: set_description(a, version=99), r"format version 99 is not supported"),
    (lambda a: set_description(a, format="something else"), r"not a nnfs-course-model file"),
    (lambda a: set_description(a, loss="os.system"), r"unknown loss 'os.system'"),
    (lambda a: set_description(a, layers=[{"type": "Evil"}]), r"unknown type 'Evil'"),
    (lambda a: a.pop("model.json"), r"it has no model.json"),
    (lambda a: a.update({"model.json": np.frombuffer(b"{not json", dtype=np.uint8)}),
     r"not valid JSON"),
])
def test_a_damaged_model_file_is_refused(trained, change, message):
    _, path, _ = trained
    rewrite(path, change)
    with pytest.raises(ValueError, match=f"cannot load a model from .*{message}"):
        load_model(path)


def test_a_truncated_file_is_refused(trained):
    _, path, _ = trained
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="cannot load a model from"):
        load_model(path)


class Payload:
    """Unpickling this would run code: the loader must never do it."""

    def __reduce__(self):
        return (pytest.fail, ("the loader unpickled the file",))


def test_a_pickle_disguised_as_a_model_file_is_refused(tmp_path):
    path = tmp_path / "model.npz"
    path.write_bytes(pickle.dumps(Payload()))
    with pytest.raises(ValueError, match="cannot load a model from.*it is a pickle"):
        load_model(path)


def test_an_object_array_inside_the_archive_is_refused(trained):
    _, path, _ = trained
    # A well-formed model file with one array swapped for pickled objects.
    rewrite(path, lambda a: a.update({"layers.0.biases": np.array([Payload()], dtype=object)}))
    with pytest.raises(ValueError, match="cannot load a model from.*pickled Python objects"):
        load_model(path)


def test_a_file_that_is_not_a_zip_archive_is_refused(tmp_path):
    path = tmp_path / "model.npz"
    with open(path, "wb") as file:
        np.save(file, np.zeros(3))  # a plain .npy under an .npz name
    with pytest.raises(ValueError, match="a single NumPy array \\(np.save\\), not a model file"):
        load_model(path)
    path.write_text("hello")
    with pytest.raises(ValueError, match="cannot load a model from"):
        load_model(path)


def test_a_missing_file_is_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "nowhere.npz")


# ------------------------------------------------------- a real data set


def test_digits_reach_97_percent_on_held_out_images():
    """Notebook 21's task: scikit-learn's bundled digits, mini-batches, seeded."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X = digits.data / 16.0  # pixels 0..16 -> 0..1
    X_rest, X_test, y_rest, y_test = train_test_split(
        X, digits.target, test_size=0.2, stratify=digits.target, random_state=0)
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=0.2, stratify=y_rest, random_state=0)
    model = Model([DenseLayer(64, 64, rng=0, weight_scale=0.1), ReLU(),
                   DenseLayer(64, 10, rng=1, weight_scale=0.1)],
                  SoftmaxCrossEntropy(), Adam(learning_rate=0.005, decay=1e-4))
    history = model.fit(X_train, y_train, epochs=30, batch_size=32, shuffle=True, rng=0,
                        validation_data=(X_val, y_val), progress=False)
    assert history["val_accuracy"][-1] > 0.95
    assert model.evaluate(X_test, y_test)[1] >= 0.97
