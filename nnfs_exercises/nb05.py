"""Checkers for the exercises of notebook 05 (categorical cross-entropy)."""

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, is_placeholder, wrong


def check_one_sample_loss(answer):
    """Exercise 1: the loss of [0.2, 0.5, 0.3] when the correct class is 2."""
    if is_placeholder(answer):
        return compare_arrays(None, np.zeros(()), what="a number", hint="")
    try:
        value = float(np.asarray(answer, dtype=float).squeeze())
    except (TypeError, ValueError):
        return wrong(f"expected one number, got {type(answer).__name__} "
                     f"{np.shape(answer)}.")
    expected = -np.log(0.3)
    if np.isclose(value, expected):
        return correct(f"-log(0.3) = {expected:.4f}: only the correct class's "
                       f"probability counts.")
    if np.isclose(value, np.log(0.3)):
        return wrong("the sign is off: the loss is -log(p), which is positive.")
    if np.isclose(value, -np.log(0.5)):
        return wrong("that uses 0.5, the probability of the predicted class; the loss "
                     "uses the probability of the correct class, 2.")
    if np.isclose(value, -np.log10(0.3)):
        return wrong("that is the base-10 logarithm; use the natural one, np.log.")
    return wrong("take -np.log of the probability at index 2.")


def _test_batches():
    """(y_pred, y_true) pairs; the last has a correct-class probability of exactly 0."""
    rng = np.random.default_rng(5)
    batches = []
    for n_samples, n_classes in [(6, 3), (10, 4), (1, 2)]:
        scores = rng.standard_normal((n_samples, n_classes))
        probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        batches.append((probs, rng.integers(0, n_classes, n_samples)))
    zero = np.array([[1.0, 0.0, 0.0], [0.2, 0.5, 0.3], [0.1, 0.1, 0.8]])
    batches.append((zero, np.array([1, 1, 2])))
    return batches


def _reference_loss(y_pred, y_true):
    clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
    return float(np.mean(-np.log(clipped[np.arange(len(y_true)), y_true])))


def check_cross_entropy_function(cross_entropy):
    """Exercise 2: a function computing the mean clipped loss for sparse labels."""
    for y_pred, y_true in _test_batches():
        result, verdict = call_answer(cross_entropy, y_pred.copy(), y_true.copy())
        if verdict is not None:
            return verdict
        try:
            value = float(np.asarray(result, dtype=float).squeeze())
        except (TypeError, ValueError):
            return wrong(f"cross_entropy should return one number, got "
                         f"{type(result).__name__} of shape {np.shape(result)}. "
                         f"Take the mean of the per-sample losses.")
        expected = _reference_loss(y_pred, y_true)
        if not np.isfinite(value):
            return wrong(f"the loss came out as {value} for a batch where a correct class "
                         f"has probability 0: clip the probabilities to "
                         f"[1e-7, 1 - 1e-7] before the log.")
        if np.isclose(value, expected * len(y_true)) and len(y_true) > 1:
            return wrong("that looks like the sum of the per-sample losses; "
                         "the loss is their mean.")
        if not np.isclose(value, expected, rtol=1e-6, atol=1e-9):
            return wrong(
                f"for a batch of shape {y_pred.shape} the loss should be {expected:.4f}, "
                f"got {value:.4f}. Pick each row's probability of its correct class with "
                f"y_pred[np.arange(len(y_true)), y_true], then take -log and the mean.")
    return correct("cross_entropy matches on every batch, including one with a "
                   "probability of 0.")


def check_uniform_loss(answer):
    """Exercise 3: the loss of predictions giving each of 10 classes 0.1."""
    if is_placeholder(answer):
        return compare_arrays(None, np.zeros(()), what="the loss, a number", hint="")
    try:
        value = float(np.asarray(answer, dtype=float).squeeze())
    except (TypeError, ValueError):
        return wrong(f"expected one number, got {type(answer).__name__}.")
    expected = np.log(10)
    if np.isclose(value, expected, atol=1e-6):
        return correct(f"{value:.4f} = ln 10: a network that knows nothing about 10 "
                       f"classes starts at ln 10, so 2.30 means it is guessing evenly.")
    if np.isclose(value, np.log(3), atol=1e-6):
        return wrong("that is ln 3, the loss for 3 classes; use 10 columns of 0.1.")
    if np.isclose(value, 1.0):
        return wrong("1.0 is the base-10 log of 10; the loss uses the natural log.")
    return wrong("make y_pred = np.full((50, 10), 0.1) and labels with values in 0..9, "
                 "then call CategoricalCrossEntropy().forward(y_pred, labels).")
