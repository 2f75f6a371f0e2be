"""Unit tests for notebooks 11-14: the optimizers and a real (short) training run.

Each update is checked against the formula worked out by hand on a tiny float64
problem: one DenseLayer(1, 2) whose gradients are set directly.
"""

import numpy as np
import pytest

from nnfs_helpers import (
    SGD,
    AdaGrad,
    Adam,
    DenseLayer,
    Optimizer,
    Point,
    ReLU,
    RMSProp,
    SoftmaxCrossEntropy,
    accuracy,
    check_hyperparameter,
    check_loss,
    descend,
    evaluate,
    forward_pass,
    spiral_data,
    train_with_validation,
)
from nnfs_helpers import train as nnfs_train

W0 = np.array([[1.0, -2.0]])
B0 = np.array([[0.5, 0.0]])
G1 = (np.array([[0.5, -0.25]]), np.array([[-1.0, 2.0]]))  # (dweights, dbiases), step 1
G2 = (np.array([[-0.1, 0.4]]), np.array([[0.3, 0.3]]))    # step 2


def tiny_layer():
    layer = DenseLayer(1, 2)
    layer.weights = W0.copy()
    layer.biases = B0.copy()
    return layer


def take_steps(optimizer, gradients):
    """Run optimizer.step once per (dweights, dbiases) pair; return the layer."""
    layer = tiny_layer()
    for dweights, dbiases in gradients:
        layer.dweights, layer.dbiases = dweights.copy(), dbiases.copy()
        optimizer.step([layer])
    return layer


def assert_params(layer, weights, biases):
    np.testing.assert_allclose(layer.weights, weights, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(layer.biases, biases, rtol=1e-13, atol=1e-15)


# ---------------------------------------------------------------------- SGD


def test_sgd_plain_step():
    layer = take_steps(SGD(learning_rate=0.1), [G1])
    # value - learning_rate * gradient
    assert_params(layer, [[1.0 - 0.05, -2.0 + 0.025]], [[0.5 + 0.1, 0.0 - 0.2]])


def test_sgd_decay():
    optimizer = SGD(learning_rate=1.0, decay=0.5)
    layer = take_steps(optimizer, [G1, G2])
    # Step 1 uses 1.0; step 2 uses 1 / (1 + 0.5 * 1) = 2/3.
    assert_params(layer, W0 - G1[0] - 2 / 3 * G2[0], B0 - G1[1] - 2 / 3 * G2[1])
    assert optimizer.iterations == 2
    assert optimizer.current_learning_rate == pytest.approx(1 / (1 + 0.5 * 2))


def test_sgd_momentum():
    layer = take_steps(SGD(learning_rate=0.1, momentum=0.9), [G1, G2])
    # velocity_1 = -0.1 g1; velocity_2 = 0.9 velocity_1 - 0.1 g2.
    v1_w, v1_b = -0.1 * G1[0], -0.1 * G1[1]
    v2_w, v2_b = 0.9 * v1_w - 0.1 * G2[0], 0.9 * v1_b - 0.1 * G2[1]
    assert_params(layer, W0 + v1_w + v2_w, B0 + v1_b + v2_b)
    # With the same gradient twice: 0.1 g + 0.19 g.
    same = take_steps(SGD(learning_rate=0.1, momentum=0.9), [G1, G1])
    assert_params(same, W0 - 0.29 * G1[0], B0 - 0.29 * G1[1])


def test_sgd_momentum_with_decay():
    layer = take_steps(SGD(learning_rate=0.1, decay=1.0, momentum=0.5), [G1, G2])
    v1 = -0.1 * G1[0]
    v2 = 0.5 * v1 - 0.05 * G2[0]  # the second step's rate is 0.1 / (1 + 1)
    np.testing.assert_allclose(layer.weights, W0 + v1 + v2, rtol=1e-13)


# ---------------------------------------------------------- AdaGrad, RMSProp


def test_adagrad_two_steps():
    eps = 1e-7
    layer = take_steps(AdaGrad(learning_rate=0.5, epsilon=eps), [G1, G2])
    expected = []
    for i in range(2):
        value = (W0, B0)[i].copy()
        cache = G1[i] ** 2
        value -= 0.5 * G1[i] / (np.sqrt(cache) + eps)
        cache += G2[i] ** 2
        value -= 0.5 * G2[i] / (np.sqrt(cache) + eps)
        expected.append(value)
    assert_params(layer, *expected)
    # The first step moves every parameter by about the learning rate.
    first = take_steps(AdaGrad(learning_rate=0.5), [G1])
    np.testing.assert_allclose(first.weights, W0 - 0.5 * np.sign(G1[0]), rtol=1e-6)


def test_rmsprop_two_steps():
    eps, rho, lr = 1e-7, 0.9, 0.01
    layer = take_steps(RMSProp(learning_rate=lr, epsilon=eps, rho=rho), [G1, G2])
    expected = []
    for i in range(2):
        value = (W0, B0)[i].copy()
        cache = (1 - rho) * G1[i] ** 2
        value -= lr * G1[i] / (np.sqrt(cache) + eps)
        cache = rho * cache + (1 - rho) * G2[i] ** 2
        value -= lr * G2[i] / (np.sqrt(cache) + eps)
        expected.append(value)
    assert_params(layer, *expected)


# --------------------------------------------------------------------- Adam


def adam_by_hand(lr, decay, eps, beta_1, beta_2, gradients):
    """The textbook Adam, with the bias-corrected averages spelled out."""
    results = []
    for i in range(2):
        value = (W0, B0)[i].copy()
        m = np.zeros_like(value)
        v = np.zeros_like(value)
        for t, grads in enumerate(gradients, start=1):
            g = grads[i]
            m = beta_1 * m + (1 - beta_1) * g
            v = beta_2 * v + (1 - beta_2) * g ** 2
            m_hat = m / (1 - beta_1 ** t)
            v_hat = v / (1 - beta_2 ** t)
            rate = lr / (1 + decay * (t - 1))
            value = value - rate * m_hat / (np.sqrt(v_hat) + eps)
        results.append(value)
    return results


def test_adam_first_step_is_bias_corrected():
    # At step 1, m_hat = g and v_hat = g**2: every parameter moves by ~lr.
    layer = take_steps(Adam(learning_rate=0.01), [G1])
    np.testing.assert_allclose(layer.weights, W0 - 0.01 * np.sign(G1[0]), rtol=1e-6)
    assert_params(layer, *adam_by_hand(0.01, 0.0, 1e-7, 0.9, 0.999, [G1]))


@pytest.mark.parametrize("decay", [0.0, 0.1])
def test_adam_second_step(decay):
    optimizer = Adam(learning_rate=0.02, decay=decay, epsilon=1e-7, beta_1=0.8, beta_2=0.99)
    layer = take_steps(optimizer, [G1, G2])
    assert_params(layer, *adam_by_hand(0.02, decay, 1e-7, 0.8, 0.99, [G1, G2]))
    # Hand-computed for one weight (g1 = 0.5, g2 = -0.1, lr 0.02, no decay):
    # step 1: m_hat = 0.5, v_hat = 0.25
    # step 2: m2 = 0.8*0.1 - 0.02 = 0.06 -> m_hat = 0.06 / 0.36 = 1/6
    #         v2 = 0.99*0.0025 + 0.0001 = 0.002575 -> v_hat = 0.002575 / 0.0199
    if decay == 0.0:
        w = (1.0 - 0.02 * 0.5 / (0.5 + 1e-7)
             - 0.02 * (1 / 6) / (np.sqrt(0.002575 / 0.0199) + 1e-7))
        assert layer.weights[0, 0] == pytest.approx(w, rel=1e-12)


# ------------------------------------------------------ shared behaviour


OPTIMIZERS = [SGD(), SGD(momentum=0.5), AdaGrad(), RMSProp(), Adam()]


@pytest.mark.parametrize("optimizer", OPTIMIZERS, ids=repr)
def test_state_lives_in_the_optimizer_not_on_the_layer(optimizer):
    layer = tiny_layer()
    attributes = set(vars(layer))
    layer.dweights, layer.dbiases = G1
    optimizer.step([layer, ReLU()])  # layers without parameters are skipped
    assert set(vars(layer)) == attributes | {"dweights", "dbiases"} - attributes | attributes
    assert not hasattr(layer, "weight_momentums") and not hasattr(layer, "weight_cache")
    if type(optimizer) is not SGD or optimizer.momentum:
        assert set(optimizer.state) == {layer}
        assert set(optimizer.state[layer]) == {"weights", "biases"}


def test_two_optimizers_do_not_share_state():
    a, b = Adam(learning_rate=0.1), Adam(learning_rate=0.1)
    layer_a = take_steps(a, [G1, G2])
    layer_b = take_steps(b, [G1, G2])
    assert_params(layer_a, layer_b.weights, layer_b.biases)


def test_step_updates_the_layers_arrays_in_place():
    layer = DenseLayer(3, 4, rng=0)
    weights, biases = layer.weights, layer.biases
    before = weights.copy()
    layer.forward(np.ones((5, 3)))
    layer.backward(np.ones((5, 4)))
    Adam().step([layer])
    assert layer.weights is weights and layer.biases is biases
    assert not np.array_equal(weights, before)


def test_base_optimizer_needs_an_update():
    layer = tiny_layer()
    layer.dweights, layer.dbiases = G1
    with pytest.raises(NotImplementedError, match="Optimizer must define update"):
        Optimizer(0.1, 0.0).step([layer])


def test_reprs():
    assert repr(SGD(0.5, decay=0.1, momentum=0.9)) == (
        "SGD(learning_rate=0.5, decay=0.1, momentum=0.9)")
    assert repr(AdaGrad()) == "AdaGrad(learning_rate=1.0, decay=0.0, epsilon=1e-07)"
    assert repr(RMSProp()) == "RMSProp(learning_rate=0.001, decay=0.0, epsilon=1e-07, rho=0.9)"
    assert repr(Adam(learning_rate=0.05, decay=5e-7)) == (
        "Adam(learning_rate=0.05, decay=5e-07, epsilon=1e-07, beta_1=0.9, beta_2=0.999)")


# ------------------------------------------------------ bad hyperparameters


@pytest.mark.parametrize("make, message", [
    (lambda: SGD(learning_rate=-0.1), "SGD: learning_rate must be positive, got -0.1"),
    (lambda: SGD(learning_rate=0), "SGD: learning_rate must be positive, got 0"),
    (lambda: SGD(decay=-1e-3), "SGD: decay must be zero or positive, got -0.001"),
    (lambda: SGD(momentum=1.0), r"SGD: momentum must be in \[0, 1\), got 1.0"),
    (lambda: SGD(momentum=-0.5), r"SGD: momentum must be in \[0, 1\), got -0.5"),
    (lambda: AdaGrad(epsilon=0), "AdaGrad: epsilon must be positive, got 0"),
    (lambda: RMSProp(rho=1), r"RMSProp: rho must be in \[0, 1\), got 1"),
    (lambda: Adam(beta_1=1.0), r"Adam: beta_1 must be in \[0, 1\), got 1.0"),
    (lambda: Adam(beta_2=1.5), r"Adam: beta_2 must be in \[0, 1\), got 1.5"),
    (lambda: Adam(beta_2=-0.1), r"Adam: beta_2 must be in \[0, 1\)"),
    (lambda: Adam(epsilon=-1e-8), "Adam: epsilon must be positive"),
    (lambda: Adam(learning_rate=float("nan")),
     "Adam: learning_rate must be a finite number, got nan"),
    (lambda: Adam(decay=float("nan")), "Adam: decay must be a finite number, got nan"),
])
def test_bad_hyperparameters_get_a_clear_error(make, message):
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize("value", ["0.1", None, True, [0.1]])
def test_hyperparameters_must_be_numbers(value):
    with pytest.raises(TypeError, match="SGD: learning_rate must be a number"):
        SGD(learning_rate=value)


def test_check_hyperparameter_returns_a_float():
    assert check_hyperparameter("X", "rate", 1) == 1.0
    assert isinstance(check_hyperparameter("X", "rate", np.float32(0.5)), float)


# --------------------------------------------------------- a real training run


def train(optimizer, epochs, seed=0):
    """The loop the notebooks write, on a small spiral; returns the loss history."""
    X, y = spiral_data(50, 3, seed=seed)
    layers = [DenseLayer(2, 32, rng=seed), ReLU(), DenseLayer(32, 3, rng=seed + 1)]
    loss_function = SoftmaxCrossEntropy()
    losses = []
    for _ in range(epochs):
        values = X
        for layer in layers:
            values = layer.forward(values)
        losses.append(loss_function.forward(values, y))
        gradient = loss_function.backward()
        for layer in reversed(layers):
            gradient = layer.backward(gradient)
        optimizer.step(layers)
    return losses, accuracy(loss_function.output, y)


@pytest.mark.parametrize("optimizer, epochs, wanted", [
    (Adam(learning_rate=0.05, decay=5e-7), 400, 0.7),
    (SGD(learning_rate=1.0, decay=1e-3, momentum=0.9), 600, 0.7),
    (RMSProp(learning_rate=0.02, decay=1e-5), 600, 0.55),
    (AdaGrad(learning_rate=1.0), 600, 0.5),
], ids=lambda value: type(value).__name__ if isinstance(value, Optimizer) else "")
def test_training_learns_the_spiral(optimizer, epochs, wanted):
    losses, acc = train(optimizer, epochs)
    assert losses[0] == pytest.approx(np.log(3), abs=0.01)  # an untrained guess
    assert acc > wanted  # chance is 1/3
    assert losses[-1] < 0.85 * losses[0]
    # Decreasing overall: each tenth of the run ends lower than the first.
    assert np.mean(losses[-len(losses) // 10:]) < np.mean(losses[: len(losses) // 10])




# ------------------------------------------------- the loop notebook 11 writes


def test_train_matches_the_loop_written_out():
    X, y = spiral_data(50, 3)
    expected, _ = train(Adam(learning_rate=0.05), 50)
    layers = [DenseLayer(2, 32, rng=0), ReLU(), DenseLayer(32, 3, rng=1)]
    optimizer = Adam(learning_rate=0.05)
    history = nnfs_train(layers, optimizer, X, y, 50, progress=False,
                         record=lambda layers: optimizer.current_learning_rate)
    assert history["loss"] == expected
    assert len(history["accuracy"]) == len(history["record"]) == 50
    loss, acc = evaluate(layers, X, y)
    assert loss < history["loss"][0] and 0 <= acc <= 1
    np.testing.assert_array_equal(forward_pass(layers, X), layers[2].output)


def test_train_stops_with_a_clear_error_when_training_diverges():
    X, y = spiral_data(50, 3)
    layers = [DenseLayer(2, 32, rng=0, weight_scale=1.0), ReLU(),
              DenseLayer(32, 3, rng=1, weight_scale=1.0)]
    with np.errstate(all="ignore"), pytest.raises(
            FloatingPointError, match=r"the loss became \S+ at epoch \d+ \(it started at "
                                      r"\S+\): training diverged.*learning rate"):
        nnfs_train(layers, SGD(learning_rate=1e3), X, y, 50, progress=False)


@pytest.mark.parametrize("loss", [np.nan, np.inf, 101.0])
def test_check_loss(loss):
    check_loss(0.5, 3)  # a finite loss passes
    check_loss(100.0, 3, first_loss=1.0)  # a hundredfold is still allowed
    with pytest.raises(FloatingPointError, match="at epoch 3.*: training diverged"):
        check_loss(loss, 3, first_loss=1.0)


def test_train_with_validation_is_train_in_stretches():
    X, y = spiral_data(30, 3)
    X_val, y_val = spiral_data(10, 3, seed=1)

    def network():
        return [DenseLayer(2, 16, rng=0), ReLU(), DenseLayer(16, 3, rng=1)]

    plain = network()
    nnfs_train(plain, Adam(learning_rate=0.05), X, y, 250, progress=False)
    stretched = network()
    measured = []

    def measure(layers, X_, y_):
        measured.append(len(X_))
        return evaluate(layers, X_, y_)

    history = train_with_validation(stretched, Adam(learning_rate=0.05), X, y, X_val, y_val,
                                    250, every=100, measure=measure,
                                    record=lambda layers: layers[0].weights.sum())
    for a, b in zip(plain, stretched, strict=True):
        if isinstance(a, DenseLayer):
            np.testing.assert_array_equal(a.weights, b.weights)
    assert history["epoch"] == [100, 200, 250]  # the last epoch is always measured
    assert len(history["step_loss"]) == len(history["step_accuracy"]) == 250
    assert len(history["val_loss"]) == len(history["record"]) == 3
    assert measured == [90, 30] * 3  # training set, then validation set
    assert history["record"][-1] == stretched[0].weights.sum()


def test_descend_follows_a_toy_gradient_like_the_steps_written_out():
    curvature = np.array([0.2, 10.0])
    path = descend(SGD(learning_rate=0.1), lambda w: curvature * w, [-4.0, 1.0], steps=3)
    expected = [np.array([-4.0, 1.0])]
    for _ in range(3):
        expected.append(expected[-1] - 0.1 * curvature * expected[-1])
    np.testing.assert_allclose(path, expected, rtol=1e-15)
    point = Point([1.0, 2.0])
    assert point.parameters() == [("w", point.w, point.dw)]
    assert point.w.dtype == np.float64 and not point.dw.any()
