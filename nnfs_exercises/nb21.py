"""Checkers for notebook 21: a real data set (handwritten digits)."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    compare_arrays,
    correct,
    wrong,
)


def _data():
    """Training data with a constant column (std 0) and other data to transform."""
    rng = np.random.default_rng(21)
    X_train = rng.uniform(0, 16, size=(40, 5))
    X_train[:, 0] = 0.0          # a blank pixel: standard deviation 0
    X_train[:, 3] *= 0.1
    X_other = rng.uniform(0, 16, size=(7, 5))
    X_other[:, 0] = 0.0
    return X_train, X_other


def check_standardise(function):
    """Exercise 1: ``standardise(X_train, X_other)`` with training statistics only."""
    X_train, X_other = _data()
    result, verdict = call_answer(function, X_train.copy(), X_other.copy())
    if verdict is not None:
        return verdict
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    safe = np.where(std == 0, 1.0, std)
    expected = (X_other - mean) / safe
    try:
        result = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"expected an array, got {type(result).__name__}.")
    if result.shape == expected.shape:
        if np.isnan(result).any():
            return wrong("the result holds NaN: a column whose standard deviation is 0 "
                         "must be divided by 1 instead (np.where(std == 0, 1, std)).")
        other_mean, other_std = X_other.mean(axis=0), X_other.std(axis=0)
        other_safe = np.where(other_std == 0, 1.0, other_std)
        if np.allclose(result, (X_other - other_mean) / other_safe):
            return wrong("the mean and standard deviation must come from X_train, not "
                         "from X_other: the other data must not influence the scaling.")
        if np.allclose(result, X_other - mean):
            return wrong("the mean is subtracted; now divide by the standard deviation.")
    verdict = compare_arrays(result, expected, what="the standardised data",
                             hint="Per column (axis=0): (X_other - mean) / std, with the "
                                  "statistics of X_train and std 0 replaced by 1.")
    if verdict:
        return correct("training statistics only, and blank columns stay 0.")
    return verdict


def _confusion():
    """A 4-class confusion matrix with a known hardest class and most confused pair."""
    return np.array([[50, 1, 0, 2],
                     [3, 40, 0, 1],
                     [0, 6, 38, 0],
                     [1, 0, 2, 45]])


def check_per_class_accuracy(function):
    """Exercise 2: ``per_class_accuracy(confusion)``, the diagonal over the row sums."""
    confusion = _confusion()
    result, verdict = call_answer(function, confusion.copy())
    if verdict is not None:
        return verdict
    expected = np.diag(confusion) / confusion.sum(axis=1)
    by_column = np.diag(confusion) / confusion.sum(axis=0)
    try:
        values = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"expected an array, got {type(result).__name__}.")
    if values.shape == expected.shape and np.allclose(values, by_column):
        return wrong("you divided by the column sums (how many were *predicted* as each "
                     "class); divide by the row sums, the images of each true class.")
    verdict = compare_arrays(values, expected, what="the accuracy of each class",
                             hint="The diagonal (np.diag) divided by the row sums "
                                  "(sum over axis=1).")
    if verdict:
        return correct("correct images of each class over all images of that class.")
    return verdict


def check_most_confused_pair(function):
    """Exercise 3: ``most_confused_pair(confusion)``, the largest off-diagonal entry."""
    confusion = _confusion()
    result, verdict = call_answer(function, confusion.copy())
    if verdict is not None:
        return verdict
    try:
        pair = tuple(int(value) for value in result)
    except (TypeError, ValueError):
        return wrong(f"return a pair of class numbers, (true, predicted); got {result!r}.")
    if pair == (2, 1):
        return correct("6 images of class 2 were called 1, the most common mistake.")
    if pair == (1, 2):
        return wrong("the pair is reversed: rows are true classes, columns predictions, "
                     "so return (row, column).")
    if len(pair) == 2 and pair[0] == pair[1]:
        return wrong(f"{pair} is on the diagonal, a correct answer; set the diagonal to 0 "
                     f"(np.fill_diagonal) before looking for the largest count.")
    return wrong(f"the largest count off the diagonal is at (2, 1), you returned {pair}. "
                 f"Use np.unravel_index(np.argmax(m), m.shape) on a copy with a zero "
                 f"diagonal.")
