"""Checkers for notebook 18: binary logistic regression."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    compare_arrays,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)

# Exercise 1's predictions and targets.
_P = np.array([[0.8], [0.3], [0.5]])
_Y = np.array([[1.0], [0.0], [1.0]])


def check_bce_by_hand(value):
    """Exercise 1: the mean binary cross-entropy of ``_P`` against ``_Y``, as a float."""
    if is_placeholder(value):
        return not_attempted("replace None with the mean loss, a float.")
    try:
        value = float(np.asarray(value, dtype=float).squeeze())
    except (TypeError, ValueError):
        return wrong(f"expected one number, got {type(value).__name__} "
                     f"(use .mean() to average the per-sample losses).")
    losses = -(_Y * np.log(_P) + (1 - _Y) * np.log(1 - _P))  # (3, 1)
    expected = float(losses.mean())
    if np.isclose(value, expected, rtol=1e-6):
        return correct(f"the mean loss is {expected:.4f}.")
    if np.isclose(value, -expected, rtol=1e-6):
        return wrong("the sign is flipped: the loss is MINUS (y log p + (1 - y) log(1 - p)), "
                     "a positive number.")
    if np.isclose(value, losses.sum(), rtol=1e-6):
        return wrong("that is the sum of the three losses; take the mean.")
    wrong_no = -(_Y * np.log(_P) + (1 - _Y) * np.log(_P))
    if np.isclose(value, wrong_no.mean(), rtol=1e-6):
        return wrong("for a target of 0 the loss is -log(1 - p), not -log(p).")
    return wrong(f"expected about {expected:.2f}, got {value:.4g}. Per sample: "
                 f"-(y * np.log(p) + (1 - y) * np.log(1 - p)), then the mean.")


def check_two_questions(targets):
    """Exercise 2: targets (300, 2) for "is it class 0?" and "is x[0] > 0?"."""
    from nnfs_helpers import spiral_data  # imported late: only this check needs data

    X3, y3 = spiral_data(100, 3, seed=0)
    expected = np.column_stack([y3 == 0, X3[:, 0] > 0]).astype(float)  # (300, 2)
    if is_placeholder(targets):
        return not_attempted("replace None with an array of shape (300, 2).")
    try:
        answer = np.asarray(targets, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"expected an array of 0s and 1s, got {type(targets).__name__}.")
    if answer.shape == (2, 300):
        return wrong("shape (2, 300): one ROW per question. Targets need one row per "
                     "sample and one column per question: np.column_stack, or .T.")
    if answer.shape == expected.shape and np.array_equal(answer, expected[:, ::-1]):
        return wrong("the columns are swapped: question 1 (is it class 0?) comes first.")
    verdict = compare_arrays(
        answer, expected, what="the targets",
        hint="Column 0: (y3 == 0); column 1: (X3[:, 0] > 0); both as 1.0 / 0.0.")
    if verdict:
        return correct(f"two yes/no targets per point; {int(expected[:, 0].sum())} points "
                       f"are class 0 and {int(expected[:, 1].sum())} lie right of the "
                       f"centre.")
    return verdict


def check_fused_gradient(fused_gradient):
    """Exercise 3: ``fused_gradient(p, y) = (p - y) / n_samples / n_outputs``."""
    from nnfs_helpers import BinaryCrossEntropy, Sigmoid  # imported late, as above

    rng = np.random.default_rng(18)
    scores = rng.standard_normal((6, 2))
    y = (rng.random((6, 2)) > 0.5).astype(float)
    sigmoid, loss = Sigmoid(), BinaryCrossEntropy()
    p = sigmoid.forward(scores)
    loss.forward(p, y)
    expected = sigmoid.backward(loss.backward())  # (6, 2)
    result, verdict = call_answer(fused_gradient, p.copy(), y.copy())
    if verdict is not None:
        return verdict
    answer = np.asarray(result, dtype=float)
    if answer.shape == expected.shape:
        if np.allclose(answer, -expected):
            return wrong("the sign is flipped: it is p - y, not y - p.")
        if np.allclose(answer, expected * 2):
            return wrong("divide by the number of outputs too (p.shape[1]): the loss of "
                         "a sample is the mean over its outputs.")
        if np.allclose(answer, expected * 6):
            return wrong("divide by the number of samples too (p.shape[0]): the loss is "
                         "a mean over the samples.")
        if np.allclose(answer, expected * 12):
            return wrong("p - y is right, but the loss is a mean: divide by the number of "
                         "samples and the number of outputs.")
    verdict = compare_arrays(answer, expected, what="the gradient",
                             hint="(p - y) / n_samples / n_outputs, with "
                                  "n_samples, n_outputs = p.shape.")
    if verdict:
        return correct("(p - y) / N equals Sigmoid.backward(BinaryCrossEntropy.backward()).")
    return verdict
