"""Checkers for notebook 02 (activation functions and ReLU).

Each checker takes the learner's function, calls it on a few cases built here
from fixed seeds, and returns a :class:`~nnfs_exercises.Verdict`.
"""

import numbers

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, is_placeholder, wrong
from nnfs_helpers import DenseLayer


def _relu_cases():
    """Batches with negatives, exact zeros and positives, as floats and as ints."""
    rng = np.random.default_rng(2)
    floats = rng.normal(size=(5, 4))
    floats[0, 0] = 0.0
    ints = np.array([[-3, 0, 2], [4, -1, 0]])
    return [floats, ints]


def check_relu_batch(relu_batch):
    """Exercise 1: ``relu_batch(batch)`` returns a new array, negatives set to 0."""
    for batch in _relu_cases():
        given = batch.copy()
        result, verdict = call_answer(relu_batch, given)
        if verdict is not None:
            return verdict
        verdict = compare_arrays(
            result, np.maximum(batch, 0), what="ReLU of the batch",
            hint="Keep every positive value as it is and replace every negative "
                 "one by 0: np.maximum(batch, 0) does it for the whole batch.")
        if not verdict:
            return verdict
        if not np.array_equal(given, batch):
            return wrong(
                "the values are right, but your function changed the batch it was "
                "given. Return a new array (np.maximum, or np.where(batch > 0, batch, 0)) so "
                "the caller's data stays as it was.")
    return correct("relu_batch sets every negative value to 0 and leaves the input alone.")


def _dead_cases():
    """(layer, batch, number of dead neurons) for a few hand-made situations."""
    rng = np.random.default_rng(3)
    batch = rng.normal(size=(20, 3))  # (20 samples, 3 features)

    # Zero biases: every neuron is active for some samples, none is dead.
    healthy = DenseLayer(3, 5, rng=4)

    # Two neurons pushed far below zero by their biases.
    biased = DenseLayer(3, 5, rng=5)
    biased.biases[:] = [[-1.0, 0.0, 0.5, -1.0, 0.0]]

    # All inputs positive and one neuron with only negative weights: dead with
    # a zero bias, because its weighted sum is negative for every sample.
    positive = np.abs(batch)
    away = DenseLayer(3, 4, rng=6)
    away.weights[:, 1] = -np.abs(away.weights[:, 1])

    return [(healthy, batch, 0), (biased, batch, 2), (away, positive, 1)]


def check_count_dead(count_dead):
    """Exercise 2: ``count_dead(layer, batch)`` counts neurons whose ReLU output is all 0."""
    for layer, batch, expected in _dead_cases():
        result, verdict = call_answer(count_dead, layer, batch)
        if verdict is not None:
            return verdict
        if isinstance(result, np.ndarray) and result.ndim == 0:
            result = result.item()
        if isinstance(result, bool) or not isinstance(result, numbers.Integral):
            return wrong(
                f"count_dead should return one whole number, got {type(result).__name__}"
                f"{' of shape ' + str(result.shape) if hasattr(result, 'shape') else ''}. "
                f"Sum the boolean 'is this neuron dead?' array, one value per neuron.")
        if result != expected:
            return wrong(
                f"on a layer of {layer.weights.shape[1]} neurons and a batch of {len(batch)} "
                f"samples you counted {result}, but {expected} "
                f"{'neuron is' if expected == 1 else 'neurons are'} dead. A neuron is "
                f"dead when its ReLU output is 0 for EVERY sample: look down each column "
                f"of the ReLU output (axis=0) with np.all, then count the True values.")
    return correct("count_dead finds exactly the neurons that are 0 for every sample.")


def _collapse_case():
    """Two linear layers with non-zero biases and weights large enough to matter."""
    rng = np.random.default_rng(7)
    first = DenseLayer(3, 4, rng=rng, weight_scale=1.0)
    second = DenseLayer(4, 2, rng=rng, weight_scale=1.0)
    first.biases[:] = rng.normal(size=(1, 4))
    second.biases[:] = rng.normal(size=(1, 2))
    return first, second


def check_collapse(collapse):
    """Exercise 3: ``collapse(first, second)`` returns the one layer equal to both."""
    first, second = _collapse_case()
    result, verdict = call_answer(collapse, first, second)
    if verdict is not None:
        return verdict
    if not isinstance(result, tuple | list) or len(result) != 2:
        return wrong("collapse should return two things, (weights, biases).")
    weights, biases = result
    if is_placeholder(weights) or is_placeholder(biases):
        return wrong("return actual arrays for both the weights and the biases.")
    verdict = compare_arrays(
        weights, first.weights @ second.weights, what="the collapsed weights",
        hint="The input goes through first.weights, then second.weights: multiply them "
             "in that order (3, 4) @ (4, 2) -> (3, 2).")
    if not verdict:
        return verdict
    biases = np.asarray(biases, dtype=float)
    if biases.shape == (second.weights.shape[1],):
        biases = biases[np.newaxis, :]
    verdict = compare_arrays(
        biases, first.biases @ second.weights + second.biases,
        what="the collapsed biases",
        hint="The first layer's biases also pass through the second layer's weights: "
             "expand (x @ W1 + b1) @ W2 + b2 and collect everything without x.")
    if not verdict:
        return verdict
    return correct("two linear layers really are one: weights W1 @ W2, biases b1 @ W2 + b2.")
