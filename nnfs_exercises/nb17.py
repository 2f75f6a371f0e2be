"""Checkers for notebook 17: dropout."""

import numpy as np

from nnfs_exercises import call_answer, correct, wrong


def check_dropout_mask(dropout_mask):
    """Exercise 1: 0 with probability ``rate``, ``1 / (1 - rate)`` otherwise.

    Parameters
    ----------
    dropout_mask : callable
        ``dropout_mask(shape, rate, rng) -> ndarray of that shape``.
    """
    rate = 0.2
    result, verdict = call_answer(dropout_mask, (200, 50), rate, np.random.default_rng(0))
    if verdict is not None:
        return verdict
    try:
        mask = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"expected an array, got {type(result).__name__}.")
    if mask.shape != (200, 50):
        return wrong(f"the mask should have the shape you were given, (200, 50), "
                     f"got {mask.shape}.")
    values = set(np.unique(mask).round(6).tolist())
    if values <= {0.0, 1.0}:
        return wrong("the kept values should be 1 / (1 - rate), not 1: inverted dropout "
                     "scales them so the expected output equals the input.")
    if not values <= {0.0, round(1 / (1 - rate), 6)}:
        return wrong(f"every value should be 0 or 1 / (1 - rate) = {1 / (1 - rate):.2f}, "
                     f"got values such as {sorted(values)[:4]}.")
    dropped = np.mean(mask == 0)
    if abs(dropped - rate) > 0.03:
        return wrong(f"{dropped:.2f} of the values are 0, expected about rate = {rate}. "
                     f"Keep a value where rng.random(shape) < 1 - rate.")
    return correct(f"{dropped:.3f} of the values dropped, the rest scaled by "
                   f"1 / (1 - rate); the mean of the mask is {mask.mean():.3f}, close to 1.")


def _network():
    from nnfs_helpers import DenseLayer, Dropout, ReLU  # imported late: only checks need them

    rng = np.random.default_rng(3)
    return [DenseLayer(2, 16, rng=rng, weight_scale=1.0), ReLU(), Dropout(0.5, rng=rng),
            DenseLayer(16, 3, rng=rng, weight_scale=1.0)]


def check_predict_probs(predict_probs):
    """Exercise 2: probabilities with dropout off, dropout left in training mode.

    Parameters
    ----------
    predict_probs : callable
        ``predict_probs(layers, X) -> ndarray of shape (n_samples, n_classes)``.
    """
    from nnfs_helpers import Softmax

    layers = _network()
    X = np.random.default_rng(4).standard_normal((20, 2))
    result, verdict = call_answer(predict_probs, layers, X)
    if verdict is not None:
        return verdict
    values = X
    for layer in layers[:2] + layers[3:]:  # the network without its Dropout
        values = layer.forward(values)
    expected = Softmax().forward(values)
    try:
        probs = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"expected an array of probabilities, got {type(result).__name__}.")
    if probs.shape != expected.shape:
        return wrong(f"expected shape {expected.shape}, one row of 3 probabilities per "
                     f"sample, got {probs.shape}.")
    if not np.allclose(probs.sum(axis=1), 1.0):
        return wrong("each row should sum to 1: apply a softmax to the last layer's scores.")
    if not np.allclose(probs, expected, atol=1e-6):
        return wrong("these are not the full network's probabilities: switch the Dropout "
                     "layers to inference mode (set_training(layers, False)) before the "
                     "forward pass.")
    if not layers[2].training:
        return wrong("the right probabilities, but the Dropout layer was left in inference "
                     "mode: switch it back with set_training(layers, True) at the end.")
    return correct("the same probabilities on every call, and dropout ready for training.")
