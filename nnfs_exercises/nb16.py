"""Checkers for notebook 16: L1 and L2 regularisation."""

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, wrong

_WEIGHTS = np.array([[0.5, -1.0, 0.0],
                     [2.0, 0.1, -0.3]])
_L1, _L2 = 0.01, 0.02


def check_penalty(penalty):
    """Exercise 1: ``l1 * sum|w| + l2 * sum w**2`` as a float.

    Parameters
    ----------
    penalty : callable
        ``penalty(weights, l1, l2) -> float``.
    """
    result, verdict = call_answer(penalty, _WEIGHTS.copy(), _L1, _L2)
    if verdict is not None:
        return verdict
    if np.size(result) != 1:
        return wrong(f"return one number (sum over all weights), got shape {np.shape(result)}.")
    expected = _L1 * np.abs(_WEIGHTS).sum() + _L2 * (_WEIGHTS ** 2).sum()
    value = float(np.asarray(result).item())
    if np.isclose(value, _L1 * _WEIGHTS.sum() + _L2 * (_WEIGHTS ** 2).sum()):
        return wrong("the L1 part needs the absolute values: np.abs(weights).")
    if np.isclose(value, _L1 * np.abs(_WEIGHTS).sum() + 2 * _L2 * (_WEIGHTS ** 2).sum()):
        return wrong("the factor 2 belongs to the gradient of w**2, not to the penalty.")
    if not np.isclose(value, expected):
        return wrong("expected l1 * np.sum(np.abs(weights)) + l2 * np.sum(weights ** 2).")
    return correct(f"the penalty is {expected:.4f}.")


def check_penalty_gradient(penalty_gradient):
    """Exercise 2: ``l1 * sign(w) + 2 * l2 * w``.

    Parameters
    ----------
    penalty_gradient : callable
        ``penalty_gradient(weights, l1, l2) -> ndarray`` shaped like ``weights``.
    """
    result, verdict = call_answer(penalty_gradient, _WEIGHTS.copy(), _L1, _L2)
    if verdict is not None:
        return verdict
    expected = _L1 * np.sign(_WEIGHTS) + 2 * _L2 * _WEIGHTS
    if np.shape(result) == expected.shape and np.allclose(
            result, _L1 * np.sign(_WEIGHTS) + _L2 * _WEIGHTS):
        return wrong("the derivative of w**2 is 2 * w: the L2 part is 2 * l2 * weights.")
    verdict = compare_arrays(
        result, expected, what="the gradient of the penalty",
        hint="The L1 part is l1 * np.sign(weights), the L2 part 2 * l2 * weights.")
    if verdict:
        return correct("l1 * sign(w) + 2 * l2 * w: the L1 pull is constant, the L2 pull "
                       "grows with the weight.")
    return verdict


def check_decay_factor(decay_factor):
    """Exercise 3: one SGD step on an L2 penalty multiplies w by ``1 - 2 * lr * l2``.

    Parameters
    ----------
    decay_factor : callable
        ``decay_factor(learning_rate, l2) -> float``.
    """
    result, verdict = call_answer(decay_factor, 0.5, 0.01)
    if verdict is not None:
        return verdict
    try:
        value = float(result)
    except (TypeError, ValueError):
        return wrong(f"return one number, got {type(result).__name__}.")
    if np.isclose(value, 1 - 0.5 * 0.01):
        return wrong("the gradient of l2 * w**2 is 2 * l2 * w, so the step subtracts "
                     "learning_rate * 2 * l2 * w.")
    if np.isclose(value, 2 * 0.5 * 0.01):
        return wrong("that is how much of the weight is taken away; the weight keeps "
                     "1 minus that.")
    if not np.isclose(value, 1 - 2 * 0.5 * 0.01):
        return wrong("w - learning_rate * (2 * l2 * w) = w * (1 - ...): what is in the "
                     "brackets?")
    steps = np.log(0.5) / np.log(1 - 2 * 1.0 * 5e-4)
    return correct(f"1 - 2 * learning_rate * l2. With learning rate 1 and l2=5e-4 a weight "
                   f"halves in about {steps:.0f} steps, if the data does not push back.")
