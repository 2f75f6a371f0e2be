"""Unit tests for notebooks 17-19: dropout, sigmoid and binary cross-entropy,
linear output, MSE and MAE, and their data helpers."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnfs_helpers import (
    SGD,
    Adam,
    BinaryCrossEntropy,
    DenseLayer,
    Dropout,
    Linear,
    MeanAbsoluteError,
    MeanSquaredError,
    ReLU,
    Sigmoid,
    binary_accuracy,
    numerical_gradient,
    regression_accuracy,
    relative_error,
    sine_data,
    spiral_data,
    train_with_loss,
)

TOLERANCE = 1e-7
SHAPES = [((1, 1), 0), ((5, 1), 1), ((6, 3), 2), ((10, 4), 3)]
FAST = settings(max_examples=40, deadline=None)


# ------------------------------------------------------------------ Dropout


def test_dropout_inference_is_the_identity():
    dropout = Dropout(0.5, rng=0)
    dropout.training = False
    X = np.random.default_rng(0).normal(size=(4, 3))
    assert dropout.forward(X) is X
    np.testing.assert_array_equal(dropout.backward(np.ones((4, 3))), np.ones((4, 3)))


def test_dropout_training_keeps_the_expected_scale():
    X = np.ones((2000, 50))
    out = Dropout(0.3, rng=1).forward(X)
    dropped = np.mean(out == 0)
    assert dropped == pytest.approx(0.3, abs=0.01)
    np.testing.assert_allclose(out[out != 0], 1 / 0.7)
    assert out.mean() == pytest.approx(1.0, abs=0.01)  # expected value unchanged


def test_dropout_is_reproducible_with_a_seed_and_keeps_float32():
    X = np.ones((5, 4), dtype=np.float32)
    a = Dropout(0.5, rng=3).forward(X)
    b = Dropout(0.5, rng=3).forward(X)
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32
    assert repr(Dropout(0.1)) == "Dropout(rate=0.1)"


@pytest.mark.parametrize("shape, seed", SHAPES)
def test_dropout_backward_with_a_fixed_mask(shape, seed):
    rng = np.random.default_rng(seed)
    dropout = Dropout(0.4, rng=seed)
    X = rng.normal(size=shape)
    G = rng.normal(size=shape)
    dropout.forward(X)
    mask = dropout.mask

    def loss(x):
        return np.sum(x * mask * G)  # the forward pass with that mask

    analytic = dropout.backward(G)
    assert relative_error(analytic, numerical_gradient(loss, X)) < TOLERANCE


@pytest.mark.parametrize("rate", [1.0, -0.1, 1.5])
def test_dropout_refuses_a_bad_rate(rate):
    with pytest.raises(ValueError, match=r"Dropout: rate must be in \[0, 1\)"):
        Dropout(rate)


# ------------------------------------------------------------------ Sigmoid


def test_sigmoid_known_values():
    out = Sigmoid().forward([[0.0, np.log(3.0), -np.log(3.0)]])
    np.testing.assert_allclose(out, [[0.5, 0.75, 0.25]], rtol=1e-12)
    assert repr(Sigmoid()) == "Sigmoid()"


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_sigmoid_is_finite_at_extreme_logits(dtype):
    logits = np.array([[-1e4, -800.0, 0.0, 800.0, 1e4]], dtype=dtype)
    with np.errstate(over="raise", invalid="raise"):
        out = Sigmoid().forward(logits)
    np.testing.assert_array_equal(out, [[0.0, 0.0, 0.5, 1.0, 1.0]])
    assert out.dtype == dtype


@pytest.mark.parametrize("shape, seed", SHAPES)
def test_sigmoid_backward_matches_finite_differences(shape, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(scale=3, size=shape)
    G = rng.normal(size=shape)
    sigmoid = Sigmoid()

    def loss(_):
        return np.sum(sigmoid.forward(X) * G)

    loss(None)
    assert relative_error(sigmoid.backward(G), numerical_gradient(loss, X)) < TOLERANCE


# -------------------------------------------------------- binary cross-entropy


def test_binary_cross_entropy_known_values():
    p = np.array([[0.9, 0.2], [0.6, 0.5]])
    y = np.array([[1, 0], [0, 1]])
    bce = BinaryCrossEntropy()
    loss = bce.forward(p, y)
    expected = -np.array([[np.log(0.9), np.log(0.8)], [np.log(0.4), np.log(0.5)]]).mean(axis=1)
    np.testing.assert_allclose(bce.sample_losses, expected, rtol=1e-12)
    assert loss == pytest.approx(expected.mean()) and bce.output == loss
    assert repr(bce) == "BinaryCrossEntropy()"


@pytest.mark.parametrize("shape, seed", SHAPES)
def test_binary_cross_entropy_backward_matches_finite_differences(shape, seed):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.05, 0.95, size=shape)
    y = rng.integers(0, 2, size=shape)
    bce = BinaryCrossEntropy()

    def loss(_):
        return bce.forward(p, y)

    loss(None)
    assert relative_error(bce.backward(), numerical_gradient(loss, p)) < TOLERANCE


def test_sigmoid_and_binary_cross_entropy_are_finite_at_extreme_logits():
    sigmoid, bce = Sigmoid(), BinaryCrossEntropy()
    loss = bce.forward(sigmoid.forward(np.array([[1e4], [-1e4], [0.0]])), [[0], [1], [1]])
    grad = sigmoid.backward(bce.backward())
    assert np.isfinite(loss) and np.isfinite(grad).all()
    assert loss == pytest.approx((2 * -np.log(1e-7) - np.log(0.5)) / 3)


def test_binary_cross_entropy_accepts_a_flat_target_for_one_output():
    p = np.array([[0.8], [0.3]])
    assert BinaryCrossEntropy().forward(p, [1, 0]) == pytest.approx(
        BinaryCrossEntropy().forward(p, [[1], [0]]))


@pytest.mark.parametrize("y_pred, y_true, error, message", [
    ([[0.5], [0.5]], [[0], [1], [1]], ValueError,
     r"targets of shape \(2, 1\).*got shape \(3, 1\)"),
    ([[0.5, 0.5]], [1, 0], ValueError, r"targets of shape \(1, 2\).*got shape \(2,\)"),
    ([[0.5], [0.5]], [[2], [0]], ValueError, r"targets in \[0, 1\].*from 0 to 2"),
    ([[0.5], [0.5]], [[-1], [0]], ValueError, r"targets in \[0, 1\]"),
    ([[1.5], [0.5]], [[1], [0]], ValueError, r"probabilities in \[0, 1\].*Sigmoid"),
    ([[0.5], [0.5]], [["a"], ["b"]], TypeError, r"numeric targets"),
    ([[0.5], [0.5]], [[np.nan], [1]], ValueError, r"NaN or infinity in the targets"),
])
def test_binary_cross_entropy_refuses_bad_targets(y_pred, y_true, error, message):
    with pytest.raises(error, match=f"BinaryCrossEntropy .*{message}"):
        BinaryCrossEntropy().forward(y_pred, y_true)


def test_binary_accuracy():
    assert binary_accuracy([[0.9], [0.4], [0.6]], [[1], [0], [0]]) == pytest.approx(2 / 3)
    assert binary_accuracy([[0.9, 0.1]], [[1, 1]]) == 0.5


# ---------------------------------------------------------- regression


def test_linear_passes_values_and_gradients_through():
    linear = Linear()
    X = np.array([[1.0, -2.0]])
    assert linear.forward(X) is X
    G = np.array([[0.5, 0.5]])
    assert linear.backward(G) is G
    assert repr(linear) == "Linear()"


@pytest.mark.parametrize("loss_class", [MeanSquaredError, MeanAbsoluteError])
@pytest.mark.parametrize("shape, seed", SHAPES)
def test_regression_losses_match_finite_differences(loss_class, shape, seed):
    rng = np.random.default_rng(seed)
    y = rng.normal(size=shape)
    # Keep |p - y| >= 0.1: MAE has a kink where they are equal.
    p = y + rng.uniform(0.1, 1, size=shape) * rng.choice([-1, 1], size=shape)
    loss_function = loss_class()

    def loss(_):
        return loss_function.forward(p, y)

    loss(None)
    analytic = loss_function.backward()
    assert relative_error(analytic, numerical_gradient(loss, p)) < TOLERANCE


def test_regression_loss_known_values():
    p = np.array([[1.0, 2.0], [0.0, 0.0]])
    y = np.array([[0.0, 0.0], [0.0, 3.0]])
    mse, mae = MeanSquaredError(), MeanAbsoluteError()
    assert mse.forward(p, y) == pytest.approx(((1 + 4) / 2 + 9 / 2) / 2)
    assert mae.forward(p, y) == pytest.approx(((1 + 2) / 2 + 3 / 2) / 2)
    np.testing.assert_allclose(mse.sample_losses, [2.5, 4.5])
    assert repr(mse) == "MeanSquaredError()" and repr(mae) == "MeanAbsoluteError()"


def test_regression_losses_refuse_a_shape_mismatch():
    with pytest.raises(ValueError, match=r"MeanSquaredError expects targets of shape \(3, 1\)"):
        MeanSquaredError().forward(np.zeros((3, 1)), np.zeros((3, 2)))


def test_regression_accuracy():
    y = np.array([[0.0], [1.0], [2.0]])
    p = np.array([[0.05], [1.2], [2.0]])
    assert regression_accuracy(p, y, tolerance=0.1) == pytest.approx(2 / 3)
    # The book's default tolerance: std(y) / 250.
    assert regression_accuracy(y + np.std(y) / 500, y) == 1.0


def test_sine_data():
    X, y = sine_data(1000)
    assert X.shape == y.shape == (1000, 1)
    np.testing.assert_allclose(y, np.sin(2 * np.pi * X))
    assert X.min() == 0 and X.max() < 1


def test_a_regression_network_gradient_check():
    from nnfs_helpers import ReLU, gradient_check

    X, y = sine_data(20)
    layers = [DenseLayer(1, 8, rng=0, weight_scale=1.0), ReLU(),
              DenseLayer(8, 1, rng=1, weight_scale=1.0), Linear()]
    layers[0].biases = np.linspace(-0.7, 0.7, 8)[np.newaxis, :] + 0.05
    errors = gradient_check(layers, MeanSquaredError(), X, y)
    assert max(errors.values()) < TOLERANCE


# ------------------------------------------------------------ properties


@FAST
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 4)),
              elements=st.floats(-1e4, 1e4)))
def test_sigmoid_outputs_are_probabilities(logits):
    out = Sigmoid().forward(logits)
    assert ((out >= 0) & (out <= 1)).all()
    np.testing.assert_allclose(Sigmoid().forward(-logits), 1 - out, atol=1e-12)


# -------------------------------------------------- the loop for any loss


def test_train_with_loss_trains_a_binary_classifier_and_a_regression():
    X, y = spiral_data(40, 2)
    layers = [DenseLayer(2, 16, rng=0, weight_l2=5e-4), ReLU(), DenseLayer(16, 1, rng=1),
              Sigmoid()]
    history = train_with_loss(layers, BinaryCrossEntropy(), binary_accuracy, X, y,
                              optimizer=Adam(learning_rate=0.05), epochs=200, every=50)
    assert history["epoch"] == [1, 50, 100, 150, 200]
    assert history["loss"][-1] < 0.9 * history["loss"][0]
    assert history["accuracy"][-1] > 0.6  # two classes: chance is 1/2
    assert all(penalty > 0 for penalty in history["regularization_loss"])
    X, y = sine_data(100)
    layers = [DenseLayer(1, 16, rng=0, weight_scale=0.1), ReLU(),
              DenseLayer(16, 1, rng=1, weight_scale=0.1), Linear()]
    history = train_with_loss(layers, MeanSquaredError(), regression_accuracy, X, y,
                              optimizer=Adam(learning_rate=0.005), epochs=100)
    assert len(history["epoch"]) == 11 and history["loss"][-1] < history["loss"][0]
    assert history["regularization_loss"] == [0.0] * 11


def test_train_with_loss_stops_when_training_diverges():
    X, y = sine_data(50)
    layers = [DenseLayer(1, 8, rng=0, weight_scale=1.0), ReLU(),
              DenseLayer(8, 1, rng=1, weight_scale=1.0), Linear()]
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match="diverged"):
        train_with_loss(layers, MeanSquaredError(), regression_accuracy, X, y,
                        optimizer=SGD(learning_rate=1e6), epochs=50)
