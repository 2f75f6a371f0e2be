"""Unit tests for notebook 16: L1 and L2 penalties on DenseLayer."""

import numpy as np
import pytest

from nnfs_helpers import (
    DenseLayer,
    Model,
    ReLU,
    SoftmaxCrossEntropy,
    numerical_gradient,
    relative_error,
    spiral_data,
)

TOLERANCE = 1e-7
PENALTIES = [{"weight_l1": 0.1}, {"weight_l2": 0.2}, {"bias_l1": 0.3}, {"bias_l2": 0.4},
             {"weight_l1": 0.01, "weight_l2": 0.02, "bias_l1": 0.03, "bias_l2": 0.04}]


@pytest.mark.parametrize("penalties", PENALTIES)
@pytest.mark.parametrize("seed", [0, 1])
def test_penalty_gradients_match_finite_differences(penalties, seed):
    rng = np.random.default_rng(seed)
    layer = DenseLayer(3, 4, rng=seed, weight_scale=1.0, **penalties)
    # Biases away from 0, where |b| has its kink.
    layer.biases = rng.uniform(0.2, 1, size=(1, 4)) * rng.choice([-1, 1], size=(1, 4))
    X = rng.normal(size=(6, 3))
    G = rng.normal(size=(6, 4))

    def loss(_):
        return np.sum(layer.forward(X) * G) + layer.regularization_loss()

    loss(None)
    layer.backward(G)
    for name, value, gradient in layer.parameters():
        assert relative_error(gradient, numerical_gradient(loss, value)) < TOLERANCE, name


def test_regularization_loss_known_values():
    layer = DenseLayer(2, 2, weight_l1=0.5, weight_l2=0.25, bias_l1=2.0, bias_l2=1.0)
    layer.weights = np.array([[1.0, -2.0], [3.0, 0.0]])
    layer.biases = np.array([[-1.0, 0.5]])
    expected = 0.5 * 6 + 0.25 * 14 + 2.0 * 1.5 + 1.0 * 1.25
    assert layer.regularization_loss() == pytest.approx(expected)
    assert DenseLayer(2, 2, rng=0).regularization_loss() == 0.0


def test_no_penalty_changes_nothing():
    X = np.random.default_rng(0).normal(size=(5, 2))
    plain, zero = DenseLayer(2, 3, rng=0), DenseLayer(2, 3, rng=0, weight_l2=0.0)
    for layer in (plain, zero):
        layer.forward(X)
        layer.backward(np.ones((5, 3)))
    np.testing.assert_array_equal(plain.dweights, zero.dweights)


def test_repr_names_the_size():
    assert repr(DenseLayer(2, 64, weight_l2=5e-4, bias_l2=5e-4)) == (
        "DenseLayer(n_inputs=2, n_neurons=64)")


@pytest.mark.parametrize("name", ["weight_l1", "weight_l2", "bias_l1", "bias_l2"])
def test_negative_penalties_are_refused(name):
    with pytest.raises(ValueError, match=f"DenseLayer: {name} must be zero or positive"):
        DenseLayer(2, 3, **{name: -0.1})


def test_model_reports_the_regularization_loss_beside_the_data_loss():
    from nnfs_helpers import Adam

    X, y = spiral_data(30, 3)
    layers = [DenseLayer(2, 16, rng=0, weight_l2=5e-4, bias_l2=5e-4), ReLU(),
              DenseLayer(16, 3, rng=1)]
    model = Model(layers, SoftmaxCrossEntropy(), Adam(learning_rate=0.05))
    history = model.fit(X, y, epochs=50, progress=False)
    assert all(penalty > 0 for penalty in history["regularization_loss"])
    assert model.regularization_loss() == pytest.approx(layers[0].regularization_loss())


def test_l2_keeps_weights_smaller():
    from nnfs_helpers import Adam

    X, y = spiral_data(30, 3)
    sizes = []
    for l2 in (0.0, 1e-2):
        layers = [DenseLayer(2, 32, rng=0, weight_l2=l2), ReLU(), DenseLayer(32, 3, rng=1)]
        Model(layers, SoftmaxCrossEntropy(), Adam(learning_rate=0.05)).fit(
            X, y, epochs=200, progress=False)
        sizes.append(np.sum(layers[0].weights ** 2))
    assert sizes[1] < 0.5 * sizes[0]


def test_gradient_check_includes_the_penalties():
    """With L1/L2 on, backward's gradients include the penalties, and so must the check."""
    from nnfs_helpers import DenseLayer, ReLU, SoftmaxCrossEntropy, gradient_check

    rng = np.random.default_rng(5)
    X = rng.standard_normal((12, 3))
    y = rng.integers(0, 3, size=12)
    dense1 = DenseLayer(3, 5, rng=rng, weight_scale=1.0, weight_l1=0.01, weight_l2=0.02,
                        bias_l1=0.03, bias_l2=0.04)
    dense1.biases[:] = rng.standard_normal((1, 5))  # biases away from 0: L1's kink
    dense2 = DenseLayer(5, 3, rng=rng, weight_scale=1.0, weight_l2=0.05)
    errors = gradient_check([dense1, ReLU(), dense2], SoftmaxCrossEntropy(), X, y)
    assert max(errors.values()) < 1e-7, errors
