"""Checkers for notebook 19: regression."""

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
_PRED = np.array([[2.0], [0.5], [-1.0], [0.0]])
_TRUE = np.array([[1.5], [0.5], [1.0], [0.0]])


def check_loss_values(answer):
    """Exercise 1: ``(mse, mae)`` of ``_PRED`` against ``_TRUE``."""
    if is_placeholder(answer):
        return not_attempted("replace None with a tuple (mse, mae).")
    try:
        mse, mae = (float(np.asarray(value, dtype=float).squeeze()) for value in answer)
    except (TypeError, ValueError):
        return wrong("expected a tuple of two numbers, (mse, mae).")
    errors = _PRED - _TRUE
    expected_mse = float(np.mean(errors ** 2))
    expected_mae = float(np.mean(np.abs(errors)))
    if np.isclose(mse, expected_mse) and np.isclose(mae, expected_mae):
        return correct(f"MSE {expected_mse:.4f}, MAE {expected_mae:.4f}: the one large "
                       f"error (2.0) weighs far more in the MSE.")
    if np.isclose(mse, expected_mae) and np.isclose(mae, expected_mse):
        return wrong("the two values are swapped: the tuple is (mse, mae).")
    if np.isclose(mse, np.sum(errors ** 2)) or np.isclose(mae, np.sum(np.abs(errors))):
        return wrong("that is a sum; both losses are means over the samples.")
    if np.isclose(mae, np.mean(errors)):
        return wrong("the MAE averages the ABSOLUTE errors, np.abs(pred - true); "
                     "otherwise errors of opposite signs cancel out.")
    return wrong(f"expected MSE {expected_mse:.2f} and MAE {expected_mae:.2f}, got "
                 f"{mse:.4g} and {mae:.4g}. Errors first: pred - true; then "
                 f"np.mean(errors ** 2) and np.mean(np.abs(errors)).")


def _within(y_pred, y_true, tolerance):
    """The fraction of predictions closer than ``tolerance`` to their target."""
    return float(np.mean(np.abs(y_pred - y_true) < tolerance))


# Tolerances a learner may build by mistake, each with the hint that names it. A
# mistake is named only when it explains the answers to every case: with targets of
# standard deviation about 1, a standard deviation and the bare fraction give nearly the
# same tolerance, and only the case with larger targets tells them apart.
_TOLERANCE_MISTAKES = [
    (lambda y_pred, y_true, fraction: fraction * np.std(y_true),
     "that tolerance uses the standard deviation of the targets; use their range, "
     "y_true.max() - y_true.min(), as the exercise asks."),
    (lambda y_pred, y_true, fraction: fraction * np.std(y_pred),
     "that tolerance uses the standard deviation of the predictions; use the range of "
     "the targets, y_true.max() - y_true.min()."),
    (lambda y_pred, y_true, fraction: fraction * (y_pred.max() - y_pred.min()),
     "that tolerance uses the range of the predictions; use the range of the targets, "
     "y_true.max() - y_true.min()."),
    (lambda y_pred, y_true, fraction: fraction,
     "the tolerance should be fraction * (max - min) of the targets, not the fraction "
     "itself: it scales with the targets' units."),
]


def check_tolerance_accuracy(accuracy_within):
    """Exercise 2: ``accuracy_within(y_pred, y_true, fraction)``."""
    rng = np.random.default_rng(19)
    cases = []
    # The last case is a poor model, whose predictions spread less than the targets.
    for scale, fraction, shrink in [(1.0, 0.01, 1.0), (50.0, 0.05, 1.0), (1.0, 0.2, 1.0),
                                    (2.0, 0.1, 0.6)]:
        y_true = scale * rng.standard_normal((200, 1))
        y_pred = shrink * y_true + scale * 0.05 * rng.standard_normal((200, 1))
        cases.append((y_pred, y_true, fraction))
    answers = []
    for y_pred, y_true, fraction in cases:
        result, verdict = call_answer(accuracy_within, y_pred.copy(), y_true.copy(), fraction)
        if verdict is not None:
            return verdict
        try:
            answers.append(float(result))
        except (TypeError, ValueError):
            return wrong(f"expected one number (a fraction), got {type(result).__name__}.")

    def explains(tolerance):
        """Whether ``tolerance(y_pred, y_true, fraction)`` gives every answer."""
        return all(np.isclose(answer, _within(y_pred, y_true, tolerance(y_pred, y_true, fraction)))
                   for answer, (y_pred, y_true, fraction) in zip(answers, cases, strict=True))

    if explains(lambda y_pred, y_true, fraction: fraction * (y_true.max() - y_true.min())):
        return correct("accuracy_within measures closeness relative to the targets' range.")
    for tolerance, hint in _TOLERANCE_MISTAKES:
        if explains(tolerance):
            return wrong(hint)
    for answer, (y_pred, y_true, fraction) in zip(answers, cases, strict=True):
        expected = _within(y_pred, y_true, fraction * (y_true.max() - y_true.min()))
        if not np.isclose(answer, expected):
            return wrong(f"with fraction={fraction} the accuracy should be {expected:.3f}, "
                         f"got {answer:.4g}. tolerance = fraction * (y_true.max() - "
                         f"y_true.min()), then regression_accuracy(y_pred, y_true, tolerance).")
    return wrong("the answers do not match the expected accuracies.")  # not reached


def check_mae_gradient(mae_gradient):
    """Exercise 3: ``mae_gradient(y_pred, y_true)``, as ``MeanAbsoluteError.backward``."""
    from nnfs_helpers import MeanAbsoluteError  # imported late: only this check needs it

    rng = np.random.default_rng(191)
    y_pred = rng.standard_normal((5, 3))
    y_true = rng.standard_normal((5, 3))
    loss = MeanAbsoluteError()
    loss.forward(y_pred, y_true)
    expected = loss.backward()  # (5, 3)
    result, verdict = call_answer(mae_gradient, y_pred.copy(), y_true.copy())
    if verdict is not None:
        return verdict
    answer = np.asarray(result, dtype=float)
    if answer.shape == expected.shape:
        if np.allclose(answer, -expected):
            return wrong("the sign is flipped: it is sign(y_pred - y_true).")
        if np.allclose(answer, expected * 3):
            return wrong("divide by the number of outputs too (y_pred.shape[1]).")
        if np.allclose(answer, expected * 5):
            return wrong("divide by the number of samples too (y_pred.shape[0]).")
        if np.allclose(answer, expected * 15):
            return wrong("sign(y_pred - y_true) is right, but the loss is a mean: divide "
                         "by the number of samples and the number of outputs.")
    verdict = compare_arrays(answer, expected, what="the gradient",
                             hint="np.sign(y_pred - y_true) / n_samples / n_outputs.")
    if verdict:
        return correct("sign(error) / N, the same as MeanAbsoluteError.backward().")
    return verdict
