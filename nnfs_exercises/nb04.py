"""Checkers for notebook 04: spiral data and a full forward pass."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    compare_arrays,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)

# The network exercise 1 asks for: (layer type, (n_inputs, n_neurons) or None).
_DEEPER = (
    ("DenseLayer", (2, 8)),
    ("ReLU", None),
    ("DenseLayer", (8, 8)),
    ("ReLU", None),
    ("DenseLayer", (8, 3)),
    ("Softmax", None),
)


def _spiral(samples, classes):
    from nnfs_helpers import spiral_data  # imported late: only the checks need data

    return spiral_data(samples, classes, seed=0)


def check_deeper_network(layers):
    """Exercise 1: a 2-8-8-3 network as a list of layers, softmax last.

    Parameters
    ----------
    layers : list
        ``[DenseLayer(2, 8), ReLU(), DenseLayer(8, 8), ReLU(), DenseLayer(8, 3), Softmax()]``.
    """
    if is_placeholder(layers):
        return not_attempted("replace None with your list of layers.")
    if not isinstance(layers, list | tuple):
        return wrong(f"expected a list of layers, got {type(layers).__name__}.")
    names = [type(layer).__name__ for layer in layers]
    wanted = [name for name, _ in _DEEPER]
    if names != wanted:
        return wrong(
            f"the layers should be {wanted}, got {names}. Each DenseLayer except the "
            f"last is followed by a ReLU, and a Softmax comes last."
        )
    for layer, (_name, sizes) in zip(layers, _DEEPER, strict=True):
        if sizes is not None and layer.weights.shape != sizes:
            return wrong(
                f"{layer!r} should be DenseLayer(n_inputs={sizes[0]}, "
                f"n_neurons={sizes[1]}). A layer's n_inputs is the number of "
                f"neurons of the layer before it (2 for the first: x and y)."
            )
    X, _ = _spiral(100, 3)
    output = X
    for layer in layers:
        output = layer.forward(output)
    if output.shape != (300, 3) or not np.allclose(output.sum(axis=1), 1.0):
        return wrong(
            f"the forward pass gave an output of shape {output.shape}; expected "
            f"(300, 3) with rows summing to 1."
        )
    return correct("the 2-8-8-3 network maps X of shape (300, 2) to probabilities "
                   "of shape (300, 3).")


def _test_probabilities():
    """Probabilities for 12 samples and 4 classes, where class 3 never wins."""
    rng = np.random.default_rng(4)
    scores = rng.standard_normal((12, 4))
    scores[:, 3] -= 10.0
    exp_scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exp_scores / exp_scores.sum(axis=1, keepdims=True)


def check_class_fractions(class_fractions):
    """Exercise 2: the fraction of samples predicted as each class.

    Parameters
    ----------
    class_fractions : callable
        Maps probabilities of shape (n_samples, n_classes) to an array of shape
        (n_classes,): the fraction of rows whose highest probability is each class.
    """
    probs = _test_probabilities()
    result, verdict = call_answer(class_fractions, probs)
    if verdict is not None:
        return verdict
    expected = np.bincount(probs.argmax(axis=1), minlength=probs.shape[1]) / len(probs)
    hint = ("Take argmax along axis=1 (one class per row), count each class with "
            "np.bincount(..., minlength=n_classes) so a class never predicted "
            "gets a 0, and divide by the number of rows.")
    counts = expected * len(probs)
    if np.shape(result) == counts.shape and np.array_equal(np.asarray(result), counts):
        return wrong(f"these look like counts (they sum to {len(probs)}); "
                     f"divide by the number of rows to get fractions.")
    verdict = compare_arrays(result, expected, what="the fractions per class", hint=hint)
    if verdict:
        return correct("the fractions per class are right (they sum to 1).")
    return verdict


def check_five_class_probs(probs5):
    """Exercise 3: an untrained network's probabilities for 5-class spiral data.

    Parameters
    ----------
    probs5 : ndarray of shape (250, 5)
        Softmax output of a 2-3-5 network fed ``spiral_data(samples=50, classes=5)``.
    """
    if is_placeholder(probs5):
        return not_attempted("replace None with the network's output probabilities.")
    try:
        probs5 = np.asarray(probs5, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"expected an array of probabilities, got {type(probs5).__name__}.")
    if probs5.ndim != 2 or probs5.shape[0] != 250:
        return wrong(
            f"expected one row per point, 50 points x 5 classes = 250 rows, got shape "
            f"{probs5.shape}. Make the data with spiral_data(samples=50, classes=5)."
        )
    if probs5.shape[1] != 5:
        return wrong(
            f"expected 5 columns, one probability per class, got {probs5.shape[1]}. "
            f"The last DenseLayer needs one neuron per class: DenseLayer(3, 5)."
        )
    if not (np.all(probs5 >= 0) and np.allclose(probs5.sum(axis=1), 1.0)):
        return wrong("each row should be probabilities summing to 1: "
                     "end the network with Softmax.")
    return correct("shape (250, 5): 250 points, each with 5 class probabilities.")
