"""Checkers for notebook 11 (stochastic gradient descent and the training loop)."""

import dis

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
    """A 2-16-3 network, its loss function and a small spiral."""
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


def _does_nothing(function):
    """True if ``function``'s body is only ``pass``, ``...`` or a docstring."""
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    ops = [instruction.opname for instruction in dis.get_instructions(code)
           if instruction.opname not in ("RESUME", "NOP", "CACHE")]
    return ops in (["RETURN_CONST"], ["LOAD_CONST", "RETURN_VALUE"])


def _watch_update(optimizer):
    """Make ``optimizer.update`` note what each call returned, in a list it returns."""
    returned = []
    original = optimizer.update

    def update(*args):
        result = original(*args)
        returned.append(result)
        return result

    optimizer.update = update  # an instance attribute: step's self.update finds it first
    return returned


def _unchanged_verdict(optimizer_class, returned):
    """Why a step left every parameter as it was, in words."""
    if _does_nothing(getattr(optimizer_class, "update", None)):
        return not_attempted("update() is still empty; write its one line, changing "
                             "value in place with -=.")
    if not returned:
        return wrong("optimizer.step(layers) never called update(); keep Optimizer's "
                     "step and write only update.")
    if any(result is not None for result in returned):
        return wrong("update() returns a new array, but step ignores what update "
                     "returns: the layer keeps its old weights. Change the array in "
                     "place instead: value -= ...")
    return wrong("update() ran, but the parameters did not change. value = value - ... "
                 "makes a new array and gives it the name value inside update only; the "
                 "layer still holds the old array. Change the array itself, in place: "
                 "value -= ...")


def check_sign_sgd(optimizer_class):
    """Exercise 3: a ``SignSGD`` class whose update is ``value -= lr * sign(gradient)``."""
    if is_placeholder(optimizer_class):
        return not_attempted("write the SignSGD class first.")
    if not isinstance(optimizer_class, type):
        return wrong(f"pass the class itself (SignSGD), not {type(optimizer_class).__name__}.")
    layers, loss_function, X, y = _small_problem()
    rate = 0.01
    try:
        optimizer = optimizer_class(learning_rate=rate)
    except Exception as error:  # the learner's code: report any failure in words
        return wrong(f"SignSGD(learning_rate={rate}) raised {type(error).__name__}: "
                     f"{error}. Subclass Optimizer and keep its __init__.")
    returned = _watch_update(optimizer)
    for _ in range(2):
        _forward_backward(layers, loss_function, X, y)
        before = [(value.copy(), gradient.copy())
                  for layer in layers[::2] for _, value, gradient in layer.parameters()]
        try:
            optimizer.step(layers)
        except Exception as error:  # the learner's code
            return wrong(f"optimizer.step(layers) raised {type(error).__name__}: {error}.")
        after = [value for layer in layers[::2] for _, value, _ in layer.parameters()]
        if all(np.array_equal(new, old) for new, (old, _) in zip(after, before, strict=True)):
            return _unchanged_verdict(optimizer_class, returned)
        for new, (old, gradient) in zip(after, before, strict=True):
            if np.allclose(new, old - rate * np.sign(gradient)):
                continue
            if np.allclose(new, old + rate * np.sign(gradient)):
                return wrong("the parameters moved up the slope: subtract the step.")
            if np.allclose(new, old - rate * gradient):
                return wrong("that is plain SGD: use np.sign(gradient) instead of the gradient.")
            return wrong("each parameter should move by exactly the learning rate, "
                         "against the sign of its gradient.")
    layers, loss_function, X, y = _small_problem()
    optimizer = optimizer_class(learning_rate=rate)
    first = _forward_backward(layers, loss_function, X, y)
    for _ in range(300):
        optimizer.step(layers)
        last = _forward_backward(layers, loss_function, X, y)
    return correct(f"SignSGD trains: on a small spiral the loss went from {first:.3f} to "
                   f"{last:.3f} in 300 steps.")
