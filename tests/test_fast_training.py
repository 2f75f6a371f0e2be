"""Notebook 23's fast loop computes what the taught loop computes.

``train_fast`` is ``train`` (notebook 11) for a dense-ReLU-dense classifier
with Adam, rearranged for speed. These tests check each piece against the
formula it replaces, and the whole loop against ``train``: in float64 the two
agree to rounding for hundreds of epochs; in float32 they agree as closely as
float32 allows. Training at learning rate 0.05 is chaotic: the taught loop
started from its own weights rounded to float32 drifts from itself by several
percent within 300 epochs, so that drift is the yardstick for "float32
tolerance" over hundreds of epochs.
"""

import numpy as np
import pytest

from nnfs_helpers import (
    SGD,
    Adam,
    DenseLayer,
    FlatAdam,
    ReLU,
    SoftmaxCrossEntropy,
    TileBuffers,
    block_views,
    count_correct,
    pack_parameters,
    prepare_tiles,
    row_max,
    row_sum,
    spiral_data,
    split_tiles,
    tile_step,
    train,
    train_fast,
    unpack_parameters,
)


def network(seed=0, hidden=64, rounded=False):
    """The benchmark's 2-64-3 network and Adam; ``rounded``: weights rounded to float32."""
    layers = [DenseLayer(2, hidden, rng=seed), ReLU(), DenseLayer(hidden, 3, rng=seed + 1)]
    if rounded:
        for layer in layers[::2]:
            layer.weights = layer.weights.astype(np.float32).astype(np.float64)
    return layers, Adam(learning_rate=0.05, decay=5e-7)


@pytest.fixture(scope="module")
def spiral():
    return spiral_data(100, 3)


def losses(trainer, seed, X, y, epochs, **options):
    layers, optimizer = network(seed, rounded=options.pop("rounded", False))
    return np.array(trainer(layers, optimizer, X, y, epochs, **options)["loss"])


def relative_gap(a, b):
    return float(np.max(np.abs(a - b) / np.abs(a)))


# --- the whole loop against the taught one ---------------------------------------------

def test_in_float64_it_takes_the_taught_loops_steps(spiral):
    X, y = spiral
    taught = losses(train, 0, X, y, 200, progress=False)
    fast = losses(train_fast, 0, X, y, 200, dtype=np.float64)
    assert relative_gap(taught, fast) < 1e-6


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_in_float32_it_matches_within_float32_tolerance(spiral, seed):
    X, y = spiral
    taught = losses(train, seed, X, y, 300, progress=False)
    fast = losses(train_fast, seed, X, y, 300)
    # The first epochs, before the chaos has amplified anything: float32 rounding.
    assert relative_gap(taught[:20], fast[:20]) < 1e-6
    # Over 300 epochs: no further from the taught loop than the taught loop
    # itself drifts when only its starting weights are rounded to float32.
    rounded = losses(train, seed, X, y, 300, progress=False, rounded=True)
    drift = relative_gap(taught, rounded)
    assert 1e-3 < drift < 0.2  # the yardstick is float32-sized, and chaos is real
    assert relative_gap(taught, fast) < 3 * drift


def test_final_accuracy_is_within_the_taught_loops_seed_spread(spiral):
    X, y = spiral
    seeds = range(5)
    taught, fast = [], []
    for seed in seeds:
        layers, optimizer = network(seed)
        taught.append(train(layers, optimizer, X, y, 2000, progress=False)["accuracy"][-1])
        layers, optimizer = network(seed)
        fast.append(train_fast(layers, optimizer, X, y, 2000)["accuracy"][-1])
    spread = max(taught) - min(taught)
    assert abs(np.median(fast) - np.median(taught)) <= max(spread, 0.02)
    assert min(taught) - 0.03 <= min(fast) and max(fast) <= max(taught) + 0.03


def test_tiles_change_nothing_but_the_order_of_sums(spiral):
    X, y = spiral
    whole = losses(train_fast, 0, X, y, 50, dtype=np.float64, tile=None)
    tiled = losses(train_fast, 0, X, y, 50, dtype=np.float64, tile=64)
    assert relative_gap(whole, tiled) < 1e-10


def test_it_leaves_layers_and_optimizer_as_train_does(spiral):
    # 30 epochs fast then 30 taught equals 60 taught: weights, step count and
    # Adam's state were all handed over.
    X, y = spiral
    layers, optimizer = network(0)
    both = train(layers, optimizer, X, y, 60, progress=False)["loss"]
    layers, optimizer = network(0)
    first = train_fast(layers, optimizer, X, y, 30, dtype=np.float64)["loss"]
    assert optimizer.iterations == 30
    second = train(layers, optimizer, X, y, 30, progress=False)["loss"]
    assert relative_gap(np.array(both), np.array(first + second)) < 1e-8
    assert layers[0].weights.dtype == np.float64 and layers[0].biases.shape == (1, 64)


def test_history_has_the_taught_loops_keys_and_lengths(spiral):
    X, y = spiral
    layers, optimizer = network(0)
    history = train_fast(layers, optimizer, X, y, 5)
    assert set(history) == {"loss", "accuracy", "learning_rate", "record"}
    assert [len(history[key]) for key in ("loss", "accuracy", "learning_rate")] == [5, 5, 5]
    assert history["learning_rate"][0] == 0.05
    assert all(isinstance(value, float) for value in history["loss"])


# --- the pieces ---------------------------------------------------------------------------

def test_pack_puts_each_layers_biases_below_its_weights():
    rng = np.random.default_rng(0)
    pairs = [(rng.normal(size=(2, 4)), rng.normal(size=(1, 4))),
             (rng.normal(size=(4, 3)), rng.normal(size=(1, 3)))]
    flat, blocks = pack_parameters(pairs, np.float64)
    assert flat.shape == (3 * 4 + 5 * 3,)
    assert [block.shape for block in blocks] == [(3, 4), (5, 3)]
    for block, (weights, biases) in zip(blocks, pairs, strict=True):
        assert np.shares_memory(block, flat)
        np.testing.assert_array_equal(block[:-1], weights)
        np.testing.assert_array_equal(block[-1:], biases)
    flat += 1  # one operation on the flat buffer reaches every parameter
    for (weights, biases), (new_weights, new_biases) in zip(
            pairs, unpack_parameters(blocks), strict=True):
        np.testing.assert_array_equal(new_weights, weights + 1)
        np.testing.assert_array_equal(new_biases, biases + 1)


def test_block_views_are_consecutive_views():
    flat = np.arange(10.0)
    first, second = block_views(flat, [(2, 2), (3, 2)])
    np.testing.assert_array_equal(first, [[0, 1], [2, 3]])
    np.testing.assert_array_equal(second, [[4, 5], [6, 7], [8, 9]])
    second[0, 0] = -1
    assert flat[4] == -1


@pytest.mark.parametrize("n_classes", [2, 3, 5])
def test_row_max_and_row_sum_are_max_and_sum_over_classes(n_classes):
    scores = np.random.default_rng(n_classes).normal(size=(n_classes, 7))
    out = np.empty(7)
    np.testing.assert_array_equal(row_max(scores, out), scores.max(axis=0))
    np.testing.assert_allclose(row_sum(scores, np.empty(7)), scores.sum(axis=0), rtol=1e-15)


@pytest.mark.parametrize("n_samples, tile", [(300, None), (300, 1024), (3000, 1024),
                                             (10, 3), (7, 7), (1, 5)])
def test_split_tiles_covers_every_sample_once_in_nearly_equal_tiles(n_samples, tile):
    tiles = split_tiles(n_samples, tile)
    assert tiles[0][0] == 0 and tiles[-1][1] == n_samples
    assert all(stop == start for (_, stop), (start, _) in zip(tiles[:-1], tiles[1:], strict=True))
    sizes = {stop - start for start, stop in tiles}
    assert len(sizes) <= 2 and max(sizes) - min(sizes) <= 1
    assert tile is None and len(tiles) == 1 or max(sizes) <= tile


def test_count_correct_is_accuracy_ties_included():
    # Columns are samples. Sample 2 ties classes 0 and 2 at the top: np.argmax
    # (and so accuracy) gives it to class 0, so with label 2 it is wrong.
    scores = np.array([[0.0, -1.0, 0.0, -2.0],
                       [-1.0, 0.0, -3.0, -1.0],
                       [-2.0, -2.0, 0.0, 0.0]])
    for labels in ([0, 1, 2, 2], [0, 1, 0, 2], [1, 0, 1, 0]):
        one_hot = np.eye(3)[labels].T
        picked = scores[labels, np.arange(4)]
        expected = np.count_nonzero(scores.argmax(axis=0) == labels)
        assert count_correct(scores, picked, one_hot) == expected
    untied = scores.copy()
    untied[2, 2] = -0.5
    picked = untied[[0, 1, 0, 2], np.arange(4)]
    assert count_correct(untied, picked, np.eye(3)[[0, 1, 0, 2]].T) == 4


def test_tile_step_gives_the_taught_loss_and_gradients_times_n(spiral):
    X, y = spiral
    layers, _ = network(3)
    layers[0].biases += 0.1  # non-zero biases, so their gradients are tested too
    loss_function = SoftmaxCrossEntropy()
    scores = X
    for layer in layers:
        scores = layer.forward(scores)
    loss = loss_function.forward(scores, y)
    gradient = loss_function.backward()
    for layer in reversed(layers):
        gradient = layer.backward(gradient)
    dense = layers[::2]
    flat, blocks = pack_parameters([(layer.weights, layer.biases) for layer in dense],
                                   np.float64)
    gradients = block_views(np.empty_like(flat), [block.shape for block in blocks])
    (inputs, one_hot, picks), = prepare_tiles(X, y, 3, [(0, len(X))], np.float64)
    buffers = TileBuffers(len(X), 64, 3, np.float64)
    loss_sum, correct = tile_step(inputs, one_hot, picks, blocks, gradients, buffers)
    n = len(X)
    assert loss_sum == pytest.approx(n * loss, rel=1e-12)
    assert correct == np.sum(scores.argmax(axis=1) == y)
    for block, layer in zip(gradients, dense, strict=True):
        np.testing.assert_allclose(block[:-1], n * layer.dweights, rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(block[-1:], n * layer.dbiases, rtol=1e-10, atol=1e-13)


def test_a_class_ruled_out_far_below_the_floor_still_costs_its_full_loss():
    # Scores (0, 0, -100) for every sample: the exponential floor (-64, against
    # slow subnormal numbers) must not cap the loss of label 2 at 64.
    X = np.zeros((4, 2))
    y = np.array([0, 1, 2, 2])
    pairs = [(np.zeros((2, 5)), np.zeros((1, 5))),
             (np.zeros((5, 3)), np.array([[0.0, 0.0, -100.0]]))]
    flat, blocks = pack_parameters(pairs, np.float32)
    gradients = block_views(np.empty_like(flat), [block.shape for block in blocks])
    (inputs, one_hot, picks), = prepare_tiles(X, y, 3, [(0, 4)], np.float32)
    loss_sum, correct = tile_step(inputs, one_hot, picks, blocks, gradients,
                                  TileBuffers(4, 5, 3, np.float32))
    expected = 4 * np.log(2.0) + 2 * 100.0  # log(1 + 1 + e**-100) is log 2 in float32
    assert loss_sum == pytest.approx(expected, rel=1e-6)
    assert correct == 1  # sample 1 ties classes 0 and 1: argmax says 0
    assert np.all(np.isfinite(flat)) and np.all(np.isfinite(gradients[1]))


def test_flat_adam_takes_adams_steps():
    rng = np.random.default_rng(1)
    layers = [DenseLayer(3, 4, rng=0), DenseLayer(4, 2, rng=1)]
    adam = Adam(learning_rate=0.05, decay=0.01)
    flat, blocks = pack_parameters([(layer.weights, layer.biases) for layer in layers],
                                   np.float64)
    flat_adam = FlatAdam(Adam(learning_rate=0.05, decay=0.01), None, flat.size, 10,
                         np.float64)
    gradient_blocks = block_views(flat_adam.gradient[0], [block.shape for block in blocks])
    for _ in range(4):
        for layer, gradient in zip(layers, gradient_blocks, strict=True):
            layer.dweights = rng.normal(size=layer.weights.shape)
            layer.dbiases = rng.normal(size=layer.biases.shape)
            # FlatAdam is given sums over 10 samples, Adam their means.
            gradient[:-1] = 10 * layer.dweights
            gradient[-1:] = 10 * layer.dbiases
        rate = adam.current_learning_rate
        adam.step(layers)
        assert flat_adam.step(flat) == pytest.approx(rate, rel=1e-15)
    for block, layer in zip(blocks, layers, strict=True):
        np.testing.assert_allclose(block[:-1], layer.weights, rtol=1e-12)
        np.testing.assert_allclose(block[-1:], layer.biases, rtol=1e-12, atol=1e-15)


# --- what it refuses ----------------------------------------------------------------------

def test_refuses_networks_and_optimizers_it_does_not_compute(spiral):
    X, y = spiral
    layers, optimizer = network(0)
    with pytest.raises(TypeError, match=r"\[DenseLayer, ReLU, DenseLayer\]"):
        train_fast(layers[:1], optimizer, X, y, 1)
    with pytest.raises(TypeError, match="Adam, got SGD"):
        train_fast(layers, SGD(), X, y, 1)
    penalised = [DenseLayer(2, 8, weight_l2=1e-4), ReLU(), DenseLayer(8, 3)]
    with pytest.raises(ValueError, match="penalties"):
        train_fast(penalised, optimizer, X, y, 1)


def test_refuses_bad_data_clearly(spiral):
    X, y = spiral
    layers, optimizer = network(0)
    with pytest.raises(ValueError, match="2 features, got 3"):
        train_fast(layers, optimizer, np.ones((len(X), 3)), y, 1)
    with pytest.raises(ValueError):
        train_fast(layers, optimizer, X, y[:-1], 1)


def test_divergence_stops_with_a_clear_error(spiral):
    X, y = spiral
    layers, _ = network(0)
    with pytest.raises(FloatingPointError, match="diverged"):
        train_fast(layers, Adam(learning_rate=1e4), 1e3 * X, y, 50)
