"""Checkers for notebook 12 (learning-rate decay and momentum)."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)


def check_decayed_learning_rate(function):
    """Exercise 1: ``decayed_learning_rate(learning_rate, decay, step)``."""
    for learning_rate, decay, step in [(1.0, 1e-3, 0), (1.0, 1e-3, 1_000), (0.5, 1e-2, 300),
                                       (2.0, 0.0, 50)]:
        result, verdict = call_answer(function, learning_rate, decay, step)
        if verdict is not None:
            return verdict
        expected = learning_rate / (1 + decay * step)
        try:
            value = float(result)
        except (TypeError, ValueError):
            return wrong(f"expected a number, got {type(result).__name__}.")
        if np.isclose(value, expected):
            continue
        if step and np.isclose(value, learning_rate * (1 - decay) ** step):
            return wrong("that is an exponential schedule; the book's is "
                         "learning_rate / (1 + decay * step).")
        if step and np.isclose(value, learning_rate / (decay * step)):
            return wrong("the 1 + matters: without it the rate is infinite at step 0.")
        return wrong(f"for learning_rate={learning_rate}, decay={decay}, step={step} the "
                     f"answer is {expected:.6g}, got {value:.6g}.")
    steps = np.array([0, 10, 100, 1_000])
    result, verdict = call_answer(function, 1.0, 1e-3, steps)
    if verdict is not None:
        return verdict
    expected = 1.0 / (1 + 1e-3 * steps)
    if np.shape(result) != steps.shape or not np.allclose(result, expected):
        return wrong("with an array of steps, return an array of learning rates "
                     "(NumPy arithmetic works element by element; avoid math and if).")
    return correct("the book's schedule. With decay 1e-3 the rate is a tenth of its start "
                   "after 9,000 steps (1 + 1e-3 * 9000 = 10).")


def check_momentum_steps(function):
    """Exercise 2: ``momentum_steps(gradients, learning_rate, momentum)``: the velocities."""
    cases = [([1.0, 1.0, 1.0, -1.0, -1.0], 0.1, 0.9),
             ([2.0, -1.0, 0.5], 0.5, 0.5),
             ([1.0, 1.0, 1.0], 0.1, 0.0)]
    for gradients, learning_rate, momentum in cases:
        result, verdict = call_answer(function, list(gradients), learning_rate, momentum)
        if verdict is not None:
            return verdict
        expected, velocity = [], 0.0
        for gradient in gradients:
            velocity = momentum * velocity - learning_rate * gradient
            expected.append(velocity)
        expected = np.array(expected)
        try:
            result = np.asarray(result, dtype=float).ravel()
        except (TypeError, ValueError):
            return wrong(f"expected an array of numbers, got {type(result).__name__}.")
        if result.shape != expected.shape:
            return wrong(f"expected one step per gradient ({len(gradients)}), "
                         f"got {result.size}.")
        if np.allclose(result, expected):
            continue
        if np.allclose(result, -expected):
            return wrong("the steps point uphill: the velocity gets "
                         "- learning_rate * gradient, not +.")
        if np.allclose(result, np.cumsum(-learning_rate * np.array(gradients))):
            return wrong("the old velocity is kept whole; multiply it by the momentum "
                         "first: velocity = momentum * velocity - learning_rate * gradient.")
        return wrong(f"for gradients {gradients}, lr {learning_rate}, momentum {momentum} "
                     f"the steps are {np.round(expected, 4).tolist()}, got "
                     f"{np.round(result, 4).tolist()}.")
    return correct("the velocity keeps a fraction of the last step. With [1, 1, 1, -1, -1] "
                   "the fourth step, 0.9 * (-0.271) + 0.1 = -0.1439, still goes the old "
                   "way, and so does the fifth: the ball keeps rolling for a while after "
                   "the slope turns.")


def _valley_loss_after(momentum, learning_rate=0.1, steps=50):
    """The toy valley of notebook 12: loss after ``steps`` steps of SGD with momentum."""
    curvature = np.array([0.2, 10.0])
    w, velocity = np.array([-4.0, 1.0]), np.zeros(2)
    for _ in range(steps):
        velocity = momentum * velocity - learning_rate * curvature * w
        w = w + velocity
    return 0.5 * np.sum(curvature * w ** 2)


def check_best_momentum(answer):
    """Exercise 3: the momentum, among the candidates, with the lowest valley loss."""
    if is_placeholder(answer):
        return not_attempted("replace None with one of the candidates, e.g. 0.5.")
    candidates = [0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95]
    try:
        answer = float(answer)
    except (TypeError, ValueError):
        return wrong(f"give one number from the candidates, got {type(answer).__name__}.")
    if not any(np.isclose(answer, m) for m in candidates):
        return wrong(f"{answer} is not one of the candidates {candidates}.")
    losses = {m: _valley_loss_after(m) for m in candidates}
    best = min(losses, key=losses.get)
    if np.isclose(answer, best):
        return correct(f"momentum {best} ends with a loss of {losses[best]:.1e}, against "
                       f"{losses[0.5]:.1e} for 0.5 and {losses[0.9]:.1e} for 0.9: enough "
                       f"speed to cross the valley floor quickly, not so much that it "
                       f"swings far past the minimum.")
    if answer > best:
        return wrong(f"momentum {answer:g} ends with a loss of {losses[answer]:.1e}: it "
                     f"overshoots. Compute toy_loss(path[-1]) for every candidate and take "
                     f"the smallest.")
    return wrong(f"momentum {answer:g} ends with a loss of {losses[answer]:.1e}; some "
                 f"candidates do better. Compute toy_loss(path[-1]) for each and take the "
                 f"smallest.")
