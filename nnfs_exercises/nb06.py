"""Checkers for the exercises of notebook 06 (accuracy)."""

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, is_placeholder, wrong

# Exercise 1's predictions and labels, as printed in the notebook.
_EX1_PROBS = np.array([[0.1, 0.6, 0.3],
                       [0.8, 0.1, 0.1],
                       [0.3, 0.3, 0.4],
                       [0.2, 0.5, 0.3],
                       [0.5, 0.1, 0.4]])
_EX1_LABELS = np.array([1, 0, 1, 1, 2])

# Exercise 3's predictions and labels: 3 of 4 right (sample 2 is wrong).
_EX3_PROBS = np.array([[0.5, 0.3, 0.2],
                       [0.3, 0.4, 0.3],
                       [0.4, 0.35, 0.25],
                       [0.2, 0.3, 0.5]])
_EX3_LABELS = np.array([0, 1, 1, 2])


def _as_number(answer):
    try:
        return float(np.asarray(answer, dtype=float).squeeze())
    except (TypeError, ValueError):
        return None


def _mean_loss(probs, labels):
    clipped = np.clip(probs, 1e-7, 1 - 1e-7)
    return float(np.mean(-np.log(clipped[np.arange(len(labels)), labels])))


def check_accuracy_by_hand(answer):
    """Exercise 1: the accuracy of five predictions (3 right, 2 wrong)."""
    if is_placeholder(answer):
        return compare_arrays(None, np.zeros(()), what="the accuracy, a number", hint="")
    value = _as_number(answer)
    if value is None:
        return wrong(f"expected one number, got {type(answer).__name__} "
                     f"of shape {np.shape(answer)}.")
    expected = np.mean(_EX1_PROBS.argmax(axis=1) == _EX1_LABELS)
    if np.isclose(value, expected):
        return correct(f"3 of 5 predictions are right: accuracy {expected:.1f}.")
    if np.isclose(value, 1 - expected):
        return wrong("that is the fraction of wrong predictions; accuracy counts the "
                     "right ones.")
    if np.isclose(value, 3):
        return wrong("that is the number of right predictions; divide by the number of "
                     "samples.")
    return wrong("take argmax along axis=1, compare with the labels, and take the mean. "
                 "In row 2 the largest value is 0.4, in column 2.")


def _accuracy_cases():
    """(y_pred, y_true, expected) with sparse and one-hot labels."""
    rng = np.random.default_rng(6)
    cases = []
    for n_samples, n_classes in [(8, 3), (20, 5), (1, 2)]:
        y_pred = rng.standard_normal((n_samples, n_classes))
        labels = rng.integers(0, n_classes, n_samples)
        expected = float(np.mean(y_pred.argmax(axis=1) == labels))
        cases.append((y_pred, labels, expected, "sparse"))
        cases.append((y_pred, np.eye(n_classes)[labels], expected, "one-hot"))
    return cases


def check_accuracy_function(my_accuracy):
    """Exercise 2: an accuracy function for sparse and one-hot labels."""
    for y_pred, y_true, expected, kind in _accuracy_cases():
        result, verdict = call_answer(my_accuracy, y_pred.copy(), y_true.copy())
        if verdict is not None:
            if kind == "one-hot" and verdict.status == "wrong":
                verdict.message = (verdict.message.rstrip() + ". With one-hot labels, "
                                   "turn them into class indices with argmax along "
                                   "axis=1 first.")
            return verdict
        value = _as_number(result)
        if value is None:
            return wrong(f"my_accuracy should return one number, got "
                         f"{type(result).__name__} of shape {np.shape(result)}.")
        if not np.isclose(value, expected):
            hint = ("With one-hot labels, turn them into class indices with "
                    "np.argmax(y_true, axis=1) first (check y_true.ndim)."
                    if kind == "one-hot" else
                    "Compare np.argmax(y_pred, axis=1) with the labels and take the mean.")
            return wrong(f"with {kind} labels for {y_pred.shape[0]} samples and "
                         f"{y_pred.shape[1]} classes the accuracy should be "
                         f"{expected:.4f}, got {value:.4f}. {hint}")
    return correct("my_accuracy is right for sparse and one-hot labels.")


def check_same_accuracy_lower_loss(better_probs):
    """Exercise 3: predictions with the accuracy of _EX3_PROBS and a lower loss."""
    if is_placeholder(better_probs):
        return compare_arrays(None, np.zeros(()), what="your predictions", hint="")
    try:
        probs = np.asarray(better_probs, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"expected an array of probabilities, got {type(better_probs).__name__}.")
    if probs.shape != _EX3_PROBS.shape:
        return wrong(f"expected shape {_EX3_PROBS.shape}, one row per sample, "
                     f"got {probs.shape}.")
    if probs.min() < 0 or probs.max() > 1 or not np.allclose(probs.sum(axis=1), 1):
        return wrong("each row should be probabilities: values in [0, 1] summing to 1.")
    given_accuracy = np.mean(_EX3_PROBS.argmax(axis=1) == _EX3_LABELS)
    new_accuracy = np.mean(probs.argmax(axis=1) == _EX3_LABELS)
    if new_accuracy != given_accuracy:
        return wrong(f"the accuracy changed from {given_accuracy:.2f} to {new_accuracy:.2f}: "
                     f"keep the same rows right and the same row wrong (sample 2's "
                     f"largest value must stay in a column other than 1).")
    given_loss = _mean_loss(_EX3_PROBS, _EX3_LABELS)
    new_loss = _mean_loss(probs, _EX3_LABELS)
    if not new_loss < given_loss:
        return wrong(f"the loss is {new_loss:.4f}, not below the given {given_loss:.4f}. "
                     f"Give the correct class more probability in the rows that are "
                     f"right; in the wrong row, raise the correct class as far as you "
                     f"can without letting it win.")
    return correct(f"accuracy still {new_accuracy:.2f}, loss down from {given_loss:.4f} "
                   f"to {new_loss:.4f}.")
