"""Unit tests for notebooks 05-10: losses, accuracy, derivatives, backward passes.

Every backward is compared with centred finite differences in float64; the
relative error (vector norms, see relative_error) must stay below 1e-7.
"""

# ruff: noqa: NPY002  (the global NumPy state is read only, to show nothing changes it)

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnfs_helpers import (
    CategoricalCrossEntropy,
    DenseLayer,
    ReLU,
    Softmax,
    SoftmaxCrossEntropy,
    accuracy,
    gradient_check,
    numerical_gradient,
    relative_error,
    spiral_data,
    vertical_data,
)

TOLERANCE = 1e-7
# Random shapes (n_samples, n_in, n_out) and seeds for the gradient checks.
CASES = [((1, 1, 2), 0), ((4, 3, 2), 1), ((7, 5, 4), 2), ((12, 2, 6), 3), ((3, 4, 1), 4)]
# Hypothesis runs few examples and never times out: the suite stays fast.
FAST = settings(max_examples=40, deadline=None)


def worst_error(analytic, numerical):
    # The norm-based relative error of the whole array, as gradient_check reports.
    return relative_error(analytic, numerical)


def probabilities(rng, n_samples, n_classes):
    """Softmax rows comfortably inside the clipping range of the loss."""
    return Softmax().forward(rng.normal(size=(n_samples, n_classes)))


# ---------------------------------------------------------- backward passes


@pytest.mark.parametrize("shape, seed", CASES)
def test_dense_backward_matches_finite_differences(shape, seed):
    n_samples, n_in, n_out = shape
    rng = np.random.default_rng(seed)
    layer = DenseLayer(n_in, n_out, rng=rng, weight_scale=1.0)
    layer.biases = rng.normal(size=(1, n_out))
    X = rng.normal(size=(n_samples, n_in))
    G = rng.normal(size=(n_samples, n_out))  # loss = sum(output * G), so dL/doutput = G

    def loss(_):
        return np.sum(layer.forward(X) * G)

    loss(None)
    dinputs = layer.backward(G)
    assert dinputs is layer.dinputs
    assert layer.dweights.shape == layer.weights.shape
    assert layer.dbiases.shape == layer.biases.shape
    assert worst_error(layer.dweights, numerical_gradient(loss, layer.weights)) < TOLERANCE
    assert worst_error(layer.dbiases, numerical_gradient(loss, layer.biases)) < TOLERANCE
    assert worst_error(dinputs, numerical_gradient(loss, X)) < TOLERANCE


@pytest.mark.parametrize("shape, seed", CASES)
def test_relu_backward_matches_finite_differences(shape, seed):
    n_samples, n_features, _ = shape
    rng = np.random.default_rng(seed)
    # Magnitudes in [0.1, 2] with random signs: far from the kink at 0.
    X = rng.uniform(0.1, 2, size=(n_samples, n_features)) * rng.choice([-1, 1], size=(
        n_samples, n_features))
    G = rng.normal(size=X.shape)
    relu = ReLU()

    def loss(_):
        return np.sum(relu.forward(X) * G)

    loss(None)
    assert worst_error(relu.backward(G), numerical_gradient(loss, X)) < TOLERANCE
    assert relu.dinputs.shape == X.shape


def test_relu_backward_leaves_dvalues_alone_and_is_zero_at_the_kink():
    relu = ReLU()
    relu.forward(np.array([[-1.0, 0.0, 2.0]]))
    dvalues = np.array([[5.0, 6.0, 7.0]])
    np.testing.assert_array_equal(relu.backward(dvalues), [[0.0, 0.0, 7.0]])
    np.testing.assert_array_equal(dvalues, [[5.0, 6.0, 7.0]])


def test_relu_backward_keeps_float32():
    relu = ReLU()
    relu.forward(np.ones((2, 3), dtype=np.float32))
    assert relu.backward(np.ones((2, 3), dtype=np.float32)).dtype == np.float32


@pytest.mark.parametrize("shape, seed", CASES)
def test_softmax_backward_matches_finite_differences(shape, seed):
    n_samples, _, n_classes = shape
    rng = np.random.default_rng(seed)
    X = rng.normal(scale=2, size=(n_samples, n_classes))
    G = rng.normal(size=X.shape)
    softmax = Softmax()

    def loss(_):
        return np.sum(softmax.forward(X) * G)

    loss(None)
    assert worst_error(softmax.backward(G), numerical_gradient(loss, X)) < TOLERANCE


# A single class is left out: its probability is always 1, inside the clipping.
@pytest.mark.parametrize("shape, seed", CASES[:-1])
@pytest.mark.parametrize("one_hot", [False, True])
def test_cross_entropy_backward_matches_finite_differences(shape, seed, one_hot):
    n_samples, _, n_classes = shape
    rng = np.random.default_rng(seed)
    y_pred = probabilities(rng, n_samples, n_classes)
    y = rng.integers(0, n_classes, size=n_samples)
    if one_hot:
        y = np.eye(n_classes)[y]
    cce = CategoricalCrossEntropy()

    def loss(_):
        return cce.forward(y_pred, y)

    loss(None)
    dinputs = cce.backward()
    assert dinputs is cce.dinputs and dinputs.shape == y_pred.shape
    assert worst_error(dinputs, numerical_gradient(loss, y_pred)) < TOLERANCE


@pytest.mark.parametrize("shape, seed", CASES)
@pytest.mark.parametrize("one_hot", [False, True])
def test_fused_backward_matches_finite_differences(shape, seed, one_hot):
    n_samples, _, n_classes = shape
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=3, size=(n_samples, n_classes))
    y = rng.integers(0, n_classes, size=n_samples)
    if one_hot:
        y = np.eye(n_classes)[y]
    fused = SoftmaxCrossEntropy()

    def loss(_):
        return fused.forward(logits, y)

    loss(None)
    assert worst_error(fused.backward(), numerical_gradient(loss, logits)) < TOLERANCE


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("one_hot", [False, True])
def test_fused_equals_softmax_then_cross_entropy(seed, one_hot):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2, size=(20, 4))
    y = rng.integers(0, 4, size=20)
    if one_hot:
        y = np.eye(4)[y]
    softmax, cce, fused = Softmax(), CategoricalCrossEntropy(), SoftmaxCrossEntropy()
    chained_loss = cce.forward(softmax.forward(logits), y)
    fused_loss = fused.forward(logits, y)
    assert fused_loss == pytest.approx(chained_loss, rel=1e-12)
    np.testing.assert_allclose(fused.output, softmax.output, rtol=1e-12)
    np.testing.assert_allclose(fused.sample_losses, cce.sample_losses, rtol=1e-10)
    chained_grad = softmax.backward(cce.backward())
    np.testing.assert_allclose(fused.backward(), chained_grad, rtol=1e-9, atol=1e-15)


def test_fused_gradient_is_p_minus_y_over_n():
    logits = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    fused = SoftmaxCrossEntropy()
    fused.forward(logits, [2, 0])
    expected = (fused.output - np.array([[0, 0, 1], [1, 0, 0]])) / 2
    np.testing.assert_allclose(fused.backward(), expected, rtol=1e-14)


def test_dense_parameters_are_the_layer_arrays():
    layer = DenseLayer(2, 3, rng=0)
    layer.forward(np.ones((4, 2)))
    layer.backward(np.ones((4, 3)))
    (w_name, w, dw), (b_name, b, db) = layer.parameters()
    assert (w_name, b_name) == ("weights", "biases")
    assert w is layer.weights and dw is layer.dweights
    assert b is layer.biases and db is layer.dbiases
    np.testing.assert_array_equal(db, [[4.0, 4.0, 4.0]])


# ------------------------------------------------------------- cross-entropy


def test_cross_entropy_known_values():
    # The book's chapter 5 example.
    y_pred = np.array([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]])
    cce = CategoricalCrossEntropy()
    loss = cce.forward(y_pred, [0, 1, 1])
    expected = -np.log([0.7, 0.5, 0.9])
    np.testing.assert_allclose(cce.sample_losses, expected, rtol=1e-12)
    assert isinstance(loss, float) and loss == pytest.approx(expected.mean())
    assert cce.output == loss
    one_hot = np.array([[1, 0, 0], [0, 1, 0], [0, 1, 0]])
    assert CategoricalCrossEntropy().forward(y_pred, one_hot) == pytest.approx(loss)
    assert repr(cce) == "CategoricalCrossEntropy()"
    assert repr(SoftmaxCrossEntropy()) == "SoftmaxCrossEntropy()"


def test_cross_entropy_clips_a_zero_probability():
    cce = CategoricalCrossEntropy()
    loss = cce.forward(np.array([[1.0, 0.0]]), [1])
    assert loss == pytest.approx(-np.log(1e-7))
    assert np.isfinite(cce.backward()).all()


def test_cross_entropy_of_an_untrained_spiral_network_is_about_ln_3():
    X, y = spiral_data(100, 3)
    dense1, dense2 = DenseLayer(2, 3, rng=0), DenseLayer(3, 3, rng=1)
    relu, softmax = ReLU(), Softmax()
    out = softmax.forward(dense2.forward(relu.forward(dense1.forward(X))))
    assert CategoricalCrossEntropy().forward(out, y) == pytest.approx(np.log(3), abs=1e-3)


# ------------------------------------------------------------------ accuracy


def test_accuracy_known_values():
    y_pred = np.array([[0.7, 0.2, 0.1], [0.5, 0.1, 0.4], [0.02, 0.9, 0.08]])
    assert accuracy(y_pred, [0, 1, 1]) == pytest.approx(2 / 3)
    assert accuracy(y_pred, np.eye(3)[[0, 1, 1]]) == pytest.approx(2 / 3)
    assert accuracy([[3.0, -1.0]], [0]) == 1.0  # raw scores work too
    assert isinstance(accuracy(y_pred, [0, 0, 1]), float)


# -------------------------------------------------------------- bad labels

LOSSES_AND_ACCURACY = {
    "CategoricalCrossEntropy": lambda p, y: CategoricalCrossEntropy().forward(p, y),
    "SoftmaxCrossEntropy": lambda p, y: SoftmaxCrossEntropy().forward(p, y),
    "accuracy": accuracy,
}
Y_PRED = np.full((3, 3), 1 / 3)
BAD_LABELS = [
    ([0, 1, 3], ValueError, r"class index 3.*3 columns, so labels must be in 0\.\.2"),
    ([0, -1, 2], ValueError, r"class index -1.*must be in 0\.\.2"),
    ([0, 1], ValueError, r"got 2 labels for 3 predictions"),
    ([0, 1, 2, 0], ValueError, r"got 4 labels for 3 predictions"),
    (np.zeros((3, 1, 1), dtype=int), ValueError, r"labels of shape \(3,\).*got shape"),
    (np.zeros((3, 1), dtype=int), ValueError, r"one-hot labels of shape \(3, 3\).*y\.ravel"),
    (np.eye(4)[:3], ValueError, r"one-hot labels of shape \(3, 3\), got shape \(3, 4\)"),
    ([0.0, 1.0, 2.0], TypeError, r"integer class indices, got labels of dtype float64"),
    ([[1, 1, 0], [0, 1, 0], [0, 0, 1]], ValueError, r"one-hot rows.*row 0.*sum 2"),
    ([[2, -1, 0], [0, 1, 0], [0, 0, 1]], ValueError, r"one-hot rows.*values in \[0, 1\]"),
    (["a", "b", "c"], TypeError, r"numeric labels.*dtype <U1"),
    ([True, False, True], TypeError, r"numeric labels.*dtype bool"),
]


@pytest.mark.parametrize("owner", sorted(LOSSES_AND_ACCURACY))
@pytest.mark.parametrize("labels, error, message", BAD_LABELS)
def test_bad_labels_get_a_clear_error(owner, labels, error, message):
    with pytest.raises(error, match=f"{owner} .*{message}"):
        LOSSES_AND_ACCURACY[owner](Y_PRED, labels)


@pytest.mark.parametrize("y_pred, message", [
    ([[0.5, 0.5], [np.nan, 0.5]], r"NaN in the predictions: training diverged\? "
                                  r"Try a smaller learning rate"),
    ([[1.5, -0.5], [0.5, 0.5]], r"expects probabilities.*from -0\.5 to 1\.5.*SoftmaxCross"),
    ([[0.5, 0.7], [0.5, 0.5]], r"expects probabilities.*summing to 1"),
    ([0.5, 0.5], r"2-D batch"),
    ([[0.5, np.inf], [0.5, 0.5]], r"expects probabilities"),
])
def test_cross_entropy_refuses_what_is_not_probabilities(y_pred, message):
    with pytest.raises(ValueError, match=f"CategoricalCrossEntropy .*{message}"):
        CategoricalCrossEntropy().forward(y_pred, [0, 1][: np.ndim(y_pred) and 2])


# --------------------------------------------------------- property tests

finite_logits = arrays(
    np.float64,
    st.tuples(st.integers(1, 8), st.integers(2, 6)),
    elements=st.floats(-1e4, 1e4, allow_nan=False),
)


@FAST
@given(finite_logits)
def test_softmax_rows_sum_to_one(logits):
    out = Softmax().forward(logits)
    assert ((out >= 0) & (out <= 1)).all()
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-12)


@FAST
@given(arrays(np.float64, st.tuples(st.integers(1, 8), st.integers(2, 6)),
              elements=st.floats(-50, 50)), st.floats(-1e3, 1e3))
def test_softmax_is_shift_invariant(logits, shift):
    np.testing.assert_allclose(Softmax().forward(logits + shift),
                               Softmax().forward(logits), atol=1e-9)


@FAST
@given(finite_logits, st.data())
def test_losses_are_non_negative_and_finite_for_huge_logits(logits, data):
    n_samples, n_classes = logits.shape
    y = np.array(data.draw(st.lists(st.integers(0, n_classes - 1),
                                    min_size=n_samples, max_size=n_samples)))
    fused = SoftmaxCrossEntropy()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss = fused.forward(logits, y)
        grad = fused.backward()
    assert np.isfinite(loss) and loss >= 0
    assert np.isfinite(grad).all() and (fused.sample_losses >= 0).all()
    softmax, cce = Softmax(), CategoricalCrossEntropy()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        chained = cce.forward(softmax.forward(logits), y)
        chained_grad = softmax.backward(cce.backward())
    assert np.isfinite(chained) and chained >= 0
    assert np.isfinite(chained_grad).all()


@FAST
@given(st.integers(1, 50), st.integers(2, 20), st.data())
def test_cross_entropy_of_a_uniform_prediction_is_ln_k(n_samples, k, data):
    y = np.array(data.draw(st.lists(st.integers(0, k - 1),
                                    min_size=n_samples, max_size=n_samples)))
    uniform = np.full((n_samples, k), 1 / k)
    assert CategoricalCrossEntropy().forward(uniform, y) == pytest.approx(np.log(k))
    assert SoftmaxCrossEntropy().forward(np.zeros((n_samples, k)), y) == pytest.approx(
        np.log(k))


# ------------------------------------------------------- numerical_gradient


def test_numerical_gradient_known_values_and_restores_x():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = x.copy()
    grad = numerical_gradient(lambda v: np.sum(v ** 2), x)
    np.testing.assert_allclose(grad, 2 * before, rtol=1e-9)
    np.testing.assert_array_equal(x, before)  # put back bit for bit


def test_numerical_gradient_of_a_product():
    x = np.array([3.0, 4.0])
    np.testing.assert_allclose(numerical_gradient(lambda v: v[0] * v[1], x), [4.0, 3.0],
                               rtol=1e-9)


def test_numerical_gradient_errors():
    with pytest.raises(TypeError, match="array of floats.*dtype int64"):
        numerical_gradient(np.sum, np.array([1, 2]))
    with pytest.raises(TypeError, match="array of floats.*got list"):
        numerical_gradient(np.sum, [1.0, 2.0])
    with pytest.raises(ValueError, match="f to return one number.*shape \\(2,\\)"):
        numerical_gradient(lambda v: v * 2, np.ones(2))
    with pytest.raises(ValueError, match="positive step h"):
        numerical_gradient(np.sum, np.ones(2), h=0)


# ------------------------------------------------------------ vertical_data


def test_vertical_data_shapes_seed_and_global_state():
    np.random.seed(5)
    before = np.random.get_state()[1].copy()
    X, y = vertical_data(50, 3, seed=1)
    X2, _ = vertical_data(50, 3, seed=1)
    assert X.shape == (150, 2) and y.dtype == np.intp
    np.testing.assert_array_equal(np.bincount(y), [50, 50, 50])
    np.testing.assert_array_equal(X, X2)
    assert not np.array_equal(X, vertical_data(50, 3, seed=2)[0])
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    # Class means sit side by side along x[0].
    means = [X[y == k, 0].mean() for k in range(3)]
    assert means == sorted(means)


# ----------------------------------------------------------- gradient_check


def spiral_network(seed=0):
    X, y = spiral_data(20, 3, seed=seed)
    layers = [DenseLayer(2, 8, rng=seed, weight_scale=1.0), ReLU(),
              DenseLayer(8, 3, rng=seed + 1, weight_scale=1.0)]
    # Every spiral arm starts at (0, 0), where zero biases would put the
    # weighted sums exactly on ReLU's kink; these biases keep them away from it.
    layers[0].biases = np.array([[0.3, -0.4, 0.5, -0.6, 0.7, -0.3, 0.4, -0.5]])
    return layers, X, y


def test_gradient_check_shows_the_relu_kink():
    # With zero biases the points at (0, 0) sit on the kink: the error grows with h.
    layers, X, y = spiral_network()
    layers[0].biases = np.zeros((1, 8))
    coarse = gradient_check(layers, SoftmaxCrossEntropy(), X, y, h=1e-4)["layers[0].biases"]
    fine = gradient_check(layers, SoftmaxCrossEntropy(), X, y, h=1e-6)["layers[0].biases"]
    assert coarse > 10 * fine > 1e-9


@pytest.mark.parametrize("seed", [0, 1])
def test_gradient_check_passes_a_correct_network(seed):
    layers, X, y = spiral_network(seed)
    errors = gradient_check(layers, SoftmaxCrossEntropy(), X, y)
    assert list(errors) == ["layers[0].weights", "layers[0].biases",
                            "layers[2].weights", "layers[2].biases"]
    assert max(errors.values()) < TOLERANCE


def test_gradient_check_with_softmax_then_cross_entropy():
    layers, X, y = spiral_network()
    errors = gradient_check(layers + [Softmax()], CategoricalCrossEntropy(), X, y)
    assert max(errors.values()) < TOLERANCE


def test_gradient_check_finds_a_bug():
    class BrokenDense(DenseLayer):
        def backward(self, dvalues):
            super().backward(dvalues)
            self.dbiases = self.dbiases * 1.01  # a 1 % error
            return self.dinputs

    layers, X, y = spiral_network()
    layers[2] = BrokenDense(8, 3, rng=1, weight_scale=1.0)
    errors = gradient_check(layers, SoftmaxCrossEntropy(), X, y)
    assert errors["layers[2].biases"] > 1e-3
    assert errors["layers[2].weights"] < TOLERANCE


def test_relative_error():
    assert relative_error(1.0, 1.1) == pytest.approx(0.1 / 2.1)
    assert relative_error(-2.0, 2.0) == 1.0
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error([3.0, 0.0], [3.0, 4.0]) == pytest.approx(4 / 8)
    assert isinstance(relative_error(np.ones(3), np.ones(3)), float)
    with pytest.raises(ValueError, match=r"same shape, got \(2,\) and \(3,\)"):
        relative_error([1.0, 2.0], [1.0, 2.0, 3.0])
