"""Unit tests for the helpers of notebooks 01-04: layers, softmax, data and plots."""

# The tests read NumPy's legacy global state on purpose: nothing may change it.
# ruff: noqa: NPY002

import numpy as np
import pytest

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    Softmax,
    check_inputs,
    check_size,
    draw_network,
    initial_scale,
    plot_decision_regions,
    plot_spiral,
    spiral_data,
)

# ---------------------------------------------------------------- check_size


@pytest.mark.parametrize("value", [1, 3, np.int64(7)])
def test_check_size_accepts_positive_integers(value):
    assert check_size("n", value) == int(value)


@pytest.mark.parametrize("value", [2.0, "3", None, True])
def test_check_size_refuses_non_integers(value):
    with pytest.raises(TypeError, match="n_neurons must be a whole number"):
        check_size("n_neurons", value)


@pytest.mark.parametrize("value", [0, -2])
def test_check_size_refuses_non_positive(value):
    with pytest.raises(ValueError, match=f"positive whole number, got {value}"):
        check_size("n_neurons", value)


# -------------------------------------------------------------- check_inputs


def test_check_inputs_converts_lists_and_keeps_arrays():
    batch = check_inputs("X", [[1, 2], [3, 4]])
    assert isinstance(batch, np.ndarray) and batch.shape == (2, 2)
    array = np.ones((3, 2))
    assert check_inputs("X", array) is array  # no copy in the hot path


def test_check_inputs_explains_a_ragged_batch():
    # The seed notes' typo: -0,8 instead of -0.8 makes the last row 5 long.
    ragged = [[1, 2, 3, 2.5], [2.0, 5.0, -1.0, 2.0], [-1.5, 2.7, 3.3, -0, 8]]
    with pytest.raises(ValueError, match=r"rectangular batch.*row lengths \[4, 4, 5\]"):
        check_inputs("DenseLayer", ragged)


def test_check_inputs_refuses_strings():
    with pytest.raises(TypeError, match="DenseLayer expects numeric inputs.*dtype <U"):
        check_inputs("DenseLayer", [["a", "b"]])


def test_check_inputs_refuses_booleans():
    with pytest.raises(TypeError, match="numeric inputs.*dtype bool"):
        check_inputs("ReLU", np.array([[True, False]]))


@pytest.mark.parametrize("shape", [(4,), (2, 3, 4), ()])
def test_check_inputs_refuses_wrong_ndim(shape):
    with pytest.raises(ValueError, match=f"2-D batch.*got a {len(shape)}-D array"):
        check_inputs("ReLU", np.zeros(shape))


def test_check_inputs_hints_how_to_batch_one_sample():
    with pytest.raises(ValueError, match=r"batch of one"):
        check_inputs("DenseLayer", np.zeros(4), 4)


def test_check_inputs_refuses_an_empty_batch():
    with pytest.raises(ValueError, match="empty batch"):
        check_inputs("Softmax", np.zeros((0, 3)))


def test_check_inputs_looks_at_the_shape_not_the_values():
    # Values are not scanned (that cost time on every call of every layer):
    # Model checks its data once, and training checks the loss at every step.
    X = np.array([[1.0, np.nan]])
    assert check_inputs("DenseLayer", X) is X


def test_check_inputs_allows_a_sum_that_overflows():
    # Finite values whose sum overflows are not an error.
    X = np.full((2, 2), 1e308)
    assert check_inputs("X", X) is X


# ---------------------------------------------------------------- DenseLayer


def test_dense_layer_shapes_and_init():
    layer = DenseLayer(2, 5, rng=0)
    assert layer.weights.shape == (2, 5)
    assert layer.biases.shape == (1, 5)
    assert np.all(layer.biases == 0)


def test_dense_layer_weights_are_small_and_zero_centred():
    weights = DenseLayer(100, 100, rng=1).weights
    assert abs(weights.mean()) < 0.001
    assert weights.std() == pytest.approx(0.01, rel=0.05)
    assert (weights < 0).any() and (weights > 0).any()


def test_dense_layer_is_reproducible_with_a_seed_and_leaves_numpy_alone():
    state = np.random.get_state()[1].copy()
    a = DenseLayer(3, 4, rng=42).weights
    b = DenseLayer(3, 4, rng=np.random.default_rng(42)).weights
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(np.random.get_state()[1], state)


def test_dense_layer_forward_known_values():
    # The book's chapter 3 example: three neurons, four inputs, a batch of three.
    inputs = [[1, 2, 3, 2.5], [2.0, 5.0, -1.0, 2.0], [-1.5, 2.7, 3.3, -0.8]]
    layer = DenseLayer(4, 3)
    layer.weights = np.array([[0.2, 0.8, -0.5, 1.0],
                              [0.5, -0.91, 0.26, -0.5],
                              [-0.26, -0.27, 0.17, 0.87]]).T
    layer.biases = np.array([[2.0, 3.0, 0.5]])
    out = layer.forward(inputs)
    expected = np.array([[4.8, 1.21, 2.385],
                         [8.9, -1.81, 0.2],
                         [1.41, 1.051, 0.026]])
    np.testing.assert_allclose(out, expected, atol=1e-12)
    assert layer.output is out
    np.testing.assert_array_equal(layer.inputs, np.asarray(inputs))


def test_dense_layer_repr():
    assert repr(DenseLayer(2, 3, rng=0)) == "DenseLayer(n_inputs=2, n_neurons=3)"
    assert "0x" not in repr(DenseLayer(2, 3, rng=0))


def test_dense_layer_names_the_feature_count():
    with pytest.raises(ValueError, match="DenseLayer expects inputs with 4 features, got 3"):
        DenseLayer(4, 2, rng=0).forward(np.ones((5, 3)))


@pytest.mark.parametrize("args, error", [((0, 3), ValueError), ((2, -1), ValueError),
                                         ((2.5, 3), TypeError), (("2", 3), TypeError)])
def test_dense_layer_refuses_bad_sizes(args, error):
    with pytest.raises(error, match="n_inputs|n_neurons"):
        DenseLayer(*args)


@pytest.mark.parametrize("scale", [0, -0.1])
def test_dense_layer_refuses_non_positive_weight_scale(scale):
    with pytest.raises(ValueError, match="weight_scale must be positive"):
        DenseLayer(2, 3, weight_scale=scale)


@pytest.mark.parametrize("rule, expected", [("he", np.sqrt(2 / 200)),
                                             ("glorot", np.sqrt(2 / 300))])
def test_dense_layer_he_and_glorot_scales(rule, expected):
    assert initial_scale(rule, 200, 100) == pytest.approx(expected)
    weights = DenseLayer(200, 100, rng=0, weight_scale=rule).weights
    assert weights.std() == pytest.approx(expected, rel=0.03)


def test_dense_layer_names_the_rules_when_a_scale_is_misspelt():
    with pytest.raises(ValueError, match='weight_scale must be a number, "he" or "glorot", '
                                         "got 'He'"):
        DenseLayer(2, 3, weight_scale="He")


# ---------------------------------------------------------------------- ReLU


def test_relu_known_values():
    relu = ReLU()
    out = relu.forward(np.array([[-2.0, -0.0, 0.0, 0.5, 3.0]]))
    np.testing.assert_array_equal(out, [[0, 0, 0, 0.5, 3.0]])
    assert relu.output is out
    assert repr(relu) == "ReLU()"


def test_relu_keeps_shape_and_never_goes_negative():
    X = np.random.default_rng(0).normal(size=(50, 7))
    out = ReLU().forward(X)
    assert out.shape == X.shape
    assert (out >= 0).all()
    np.testing.assert_array_equal(out[X > 0], X[X > 0])


def test_relu_refuses_a_single_sample():
    with pytest.raises(ValueError, match="ReLU expects a 2-D batch"):
        ReLU().forward(np.array([1.0, -1.0]))


# ------------------------------------------------------------------- Softmax


def test_softmax_known_values():
    out = Softmax().forward([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(out[0], e / e.sum(), rtol=1e-12)
    np.testing.assert_allclose(out[1], [1 / 3] * 3, rtol=1e-12)


def test_softmax_rows_sum_to_one_and_are_probabilities():
    logits = np.random.default_rng(3).normal(scale=5, size=(40, 6))
    out = Softmax().forward(logits)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-12)
    assert ((out >= 0) & (out <= 1)).all()


@pytest.mark.parametrize("shift", [-1000.0, -3.0, 7.5, 1e4])
def test_softmax_is_shift_invariant(shift):
    logits = np.random.default_rng(4).normal(size=(10, 4))
    np.testing.assert_allclose(Softmax().forward(logits + shift),
                               Softmax().forward(logits), atol=1e-12)


@pytest.mark.parametrize("scale", [1e4, -1e4])
def test_softmax_is_finite_for_huge_logits(scale):
    logits = scale * np.array([[1.0, 0.5, -1.0], [1.0, 1.0, 1.0]])
    with np.errstate(over="raise", invalid="raise"):  # no overflow, no inf - inf
        out = Softmax().forward(logits)
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out.sum(axis=1), 1.0)
    np.testing.assert_allclose(out[1], [1 / 3] * 3)


def test_softmax_repr_and_errors():
    assert repr(Softmax()) == "Softmax()"
    with pytest.raises(ValueError, match=r"Softmax expects a 2-D batch.*\[sample\]"):
        Softmax().forward([1.0, 2.0])


# ---------------------------------------------------------------- spiral_data


def test_spiral_data_shapes_and_labels():
    X, y = spiral_data(100, 3)
    assert X.shape == (300, 2) and y.shape == (300,)
    assert X.dtype == np.float64 and y.dtype == np.intp
    np.testing.assert_array_equal(np.bincount(y), [100, 100, 100])
    assert np.abs(X).max() <= 1.0


def test_spiral_data_is_seeded_and_restores_global_state():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    X1, _ = spiral_data(50, 2, seed=7)
    X2, _ = spiral_data(50, 2, seed=7)
    X3, _ = spiral_data(50, 2, seed=8)
    np.testing.assert_array_equal(X1, X2)
    assert not np.array_equal(X1, X3)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


def test_spiral_data_matches_nnfs_for_the_same_seed():
    from nnfs.datasets import spiral_data as nnfs_spiral

    np.random.seed(0)
    X_ref, y_ref = nnfs_spiral(20, 3)
    X, y = spiral_data(20, 3, seed=0)
    np.testing.assert_array_equal(X, X_ref)
    np.testing.assert_array_equal(y, y_ref)


@pytest.mark.parametrize("kwargs", [{"samples": 0}, {"classes": -1}])
def test_spiral_data_refuses_non_positive_sizes(kwargs):
    with pytest.raises(ValueError, match="positive whole number"):
        spiral_data(**kwargs)


# --------------------------------------------------------------------- plots


def test_plot_spiral_draws_one_collection_per_class():
    X, y = spiral_data(10, 3)
    ax = plot_spiral(X, y, title="spiral")
    assert len(ax.collections) == 3
    assert ax.get_title() == "spiral"


def test_plot_decision_regions_draws_an_image_of_the_grid():
    X, y = spiral_data(10, 3)

    def uniform(points):
        return np.full((len(points), 3), 1 / 3)

    ax = plot_decision_regions(uniform, X, y, resolution=20)
    image = ax.get_images()[0].get_array()
    assert image.shape == (20, 20, 3)
    assert np.allclose(image, image[0, 0])  # unsure everywhere -> one colour


def test_plot_helpers_refuse_wrong_feature_count():
    with pytest.raises(ValueError, match="plot_spiral expects inputs with 2 features"):
        plot_spiral(np.zeros((4, 3)), np.zeros(4, dtype=int))


def test_draw_network_with_weights():
    ax = draw_network((4, 3), weights=[np.ones((4, 3))])
    assert len(ax.lines) == 12 + 2  # one line per weight, two legend entries


def test_draw_network_refuses_mismatched_weights():
    with pytest.raises(ValueError, match=r"weight shapes \[\(4, 3\)\].*got \[\(3, 4\)\]"):
        draw_network((4, 3), weights=[np.ones((3, 4))])


def test_draw_network_needs_two_layers():
    with pytest.raises(ValueError, match="at least 2 layers"):
        draw_network((4,))
