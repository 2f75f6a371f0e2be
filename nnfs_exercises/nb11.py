"""Checkers for notebook 11 (stochastic gradient descent and the training loop)."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)


def check_sgd_step(function):
    """Exercise 1: ``sgd_step(value, gradient, learning_rate)`` returns the stepped array."""
    rng = np.random.default_rng(11)
    cases = [(rng.standard_normal((2, 3)), rng.standard_normal((2, 3)), 0.5),
             (rng.standard_normal((1, 4)), rng.standard_normal((1, 4)), 2.0),
             (np.array([[1.0, -2.0]]), np.array([[0.25, -0.5]]), 0.1)]
    for value, gradient, learning_rate in cases:
        original = value.copy()
        result, verdict = call_answer(function, value, gradient.copy(), learning_rate)
        if verdict is not None:
            return verdict
        try:
            result = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return wrong(f"expected an array of numbers, got {type(result).__name__}.")
        if result.shape != original.shape:
            return wrong(f"the result should have the shape of value, {original.shape}, "
                         f"got {result.shape}.")
        expected = original - learning_rate * gradient
        if np.allclose(result, original + learning_rate * gradient):
            return wrong("this step goes up the slope: the gradient points uphill, so "
                         "subtract learning_rate * gradient.")
        if np.allclose(result, original - gradient) and learning_rate != 1:
            return wrong("the step ignores the learning rate: multiply the gradient by it.")
        if not np.allclose(result, expected):
            return wrong(f"for learning_rate={learning_rate} the values are not "
                         f"value - learning_rate * gradient.")
        if not np.array_equal(value, original):
            return wrong("the result is right, but value was changed too; return a new "
                         "array (value - ...) instead of updating value with -=.")
    return correct("one step against the gradient, scaled by the learning rate.")


def check_first_epoch_reaching(function):
    """Exercise 2: ``first_epoch_reaching(values, target)``: first index >= target, or -1."""
    values = [0.3, 0.4, 0.6, 0.5, 0.7, 0.65]
    for target, expected in [(0.5, 2), (0.6, 2), (0.3, 0), (0.7, 4)]:
        result, verdict = call_answer(function, list(values), target)
        if verdict is not None:
            return verdict
        if result == expected:
            continue
        if target == 0.6 and result == 4:
            return wrong("an accuracy equal to the target counts as reaching it: "
                         "compare with >=, not >.")
        if result == expected + 1:
            return wrong(f"for target {target} the answer is epoch {expected}, got "
                         f"{result}: epochs are counted from 0, like list indices.")
        return wrong(f"for values {values} and target {target} the answer is "
                     f"{expected}, got {result!r}.")
    result, verdict = call_answer(function, list(values), 0.9)
    if verdict is not None and verdict.status == "not attempted":
        return wrong("when the target is never reached, return -1 (not None).")
    if verdict is not None:
        return verdict
    if result != -1:
        return wrong(f"the values never reach 0.9, so the answer is -1, got {result!r}.")
    result, verdict = call_answer(function, np.array(values), 0.5)
    if verdict is not None or result != 2:
        return wrong("it should work on a NumPy array too (for example "
                     "np.array(history['accuracy'])).")
    return correct("the first epoch at or above the target, or -1.")


def _small_problem():
    """A 2-16-3 float64 network, its loss function and a small spiral."""
    from nnfs_helpers import DenseLayer, ReLU, SoftmaxCrossEntropy, spiral_data

    X, y = spiral_data(samples=30, classes=3, seed=1)
    rng = np.random.default_rng(11)
    layers = [DenseLayer(2, 16, rng=rng, weight_scale=0.5), ReLU(),
              DenseLayer(16, 3, rng=rng, weight_scale=0.5)]
    return layers, SoftmaxCrossEntropy(), X, y


def _forward_backward(layers, loss_function, X, y):
    scores = X
    for layer in layers:
        scores = layer.forward(scores)
    loss = loss_function.forward(scores, y)
    gradient = loss_function.backward()
    for layer in reversed(layers):
        gradient = layer.backward(gradient)
    return loss


def check_sign_sgd(optimizer_class):
    """Exercise 3: a ``SignSGD`` class whose update is ``value -= lr * sign(gradient)``."""
    if is_placeholder(optimizer_class):
        return not_attempted("write the SignSGD class first.")
    if not isinstance(optimizer_class, type):
        return wrong(f"pass the class itself (SignSGD), not {type(optimizer_class).__name__}.")
    layers, loss_function, X, y = _small_problem()
    try:
        optimizer = optimizer_class(learning_rate=0.01, decay=0.5)
    except Exception as error:  # the learner's code: report any failure in words
        return wrong(f"SignSGD(learning_rate=0.01, decay=0.5) raised "
                     f"{type(error).__name__}: {error}. Subclass Optimizer and keep its "
                     f"__init__.")
    # Two steps: the second one must use the decayed rate, 0.01 / (1 + 0.5).
    for rate in (0.01, 0.01 / 1.5):
        _forward_backward(layers, loss_function, X, y)
        before = [(value.copy(), gradient.copy())
                  for layer in layers[::2] for _, value, gradient in layer.parameters()]
        try:
            optimizer.step(layers)
        except Exception as error:  # the learner's code
            return wrong(f"optimizer.step(layers) raised {type(error).__name__}: {error}.")
        after = [value for layer in layers[::2] for _, value, _ in layer.parameters()]
        if all(np.array_equal(new, old) for new, (old, _) in zip(after, before, strict=True)):
            return not_attempted("update() leaves the parameters unchanged; change value "
                                 "in place with -=.")
        for new, (old, gradient) in zip(after, before, strict=True):
            if np.allclose(new, old - rate * np.sign(gradient)):
                continue
            if np.allclose(new, old + rate * np.sign(gradient)):
                return wrong("the parameters moved up the slope: subtract the step.")
            if np.allclose(new, old - rate * gradient):
                return wrong("that is plain SGD: use np.sign(gradient) instead of the gradient.")
            if rate != 0.01 and np.allclose(new, old - 0.01 * np.sign(gradient)):
                return wrong("the second step should use the decayed learning rate: "
                             "self.current_learning_rate, not self.learning_rate.")
            return wrong("each parameter should move by exactly the learning rate, "
                         "against the sign of its gradient.")
    layers, loss_function, X, y = _small_problem()
    optimizer = optimizer_class(learning_rate=0.01, decay=0.0)
    first = _forward_backward(layers, loss_function, X, y)
    for _ in range(300):
        optimizer.step(layers)
        last = _forward_backward(layers, loss_function, X, y)
    return correct(f"SignSGD trains: on a small spiral the loss went from {first:.3f} to "
                   f"{last:.3f} in 300 steps.")
