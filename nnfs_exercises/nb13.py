"""Checkers for the exercises of notebook 13 (AdaGrad and RMSProp)."""

import numbers

import numpy as np

from nnfs_exercises import (
    call_answer,
    compare_arrays,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)


def check_two_adagrad_steps(answer):
    """Exercise 1: a parameter at 1.0, AdaGrad lr 0.1, gradients 3.0 then 4.0."""
    if is_placeholder(answer):
        return not_attempted("replace None with the parameter's value after two steps.")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return wrong(f"give one number, got {type(answer).__name__}.")
    # cache 9 -> step 0.1 * 3 / 3 = 0.1; cache 9 + 16 = 25 -> step 0.1 * 4 / 5 = 0.08.
    expected = 1.0 - 0.1 * 3.0 / 3.0 - 0.1 * 4.0 / 5.0
    if np.isclose(value, expected, atol=1e-4):
        return correct(f"{expected:.2f}: the second step is 0.1 * 4 / sqrt(9 + 16) = 0.08.")
    if np.isclose(value, 1.0 - 0.1 - 0.1, atol=1e-4):
        return wrong("the second step used only its own gradient (4 / sqrt(16)): the cache "
                     "keeps the first squared gradient too, so it holds 9 + 16 = 25.")
    if np.isclose(value, 1.0 - 0.1 * 3.0 - 0.1 * 4.0, atol=1e-4):
        return wrong("that is plain SGD; AdaGrad divides each gradient by the square root "
                     "of the cache.")
    return wrong("step 1: cache = 3**2, step = 0.1 * 3 / sqrt(cache). Step 2: add 4**2 to "
                 "the cache, then step = 0.1 * 4 / sqrt(cache). Subtract both from 1.0.")


def _rmsprop_rates(gradients, learning_rate, rho, epsilon=1e-7):
    cache, rates = 0.0, []
    for gradient in gradients:
        cache = rho * cache + (1 - rho) * gradient ** 2
        rates.append(learning_rate / (np.sqrt(cache) + epsilon))
    return np.array(rates)


def check_rmsprop_rates(function):
    """Exercise 2: ``rmsprop_rates(gradients, learning_rate, rho)``, tried on a few sequences."""
    rng = np.random.default_rng(13)
    cases = [(np.ones(5), 1.0, 0.9),
             (rng.normal(1.0, 0.5, size=20), 0.02, 0.999),
             (np.array([2.0, -1.0, 0.5, 0.0, 3.0]), 0.1, 0.5)]
    for gradients, learning_rate, rho in cases:
        result, verdict = call_answer(function, gradients.copy(), learning_rate, rho)
        if verdict is not None:
            return verdict
        expected = _rmsprop_rates(gradients, learning_rate, rho)
        verdict = compare_arrays(
            result, expected, what=f"the rates for {len(gradients)} gradients (rho={rho})",
            hint="cache = rho * cache + (1 - rho) * g**2, then lr / (sqrt(cache) + 1e-7); "
                 "the cache starts at 0.")
        if verdict:
            continue
        try:
            answer = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return verdict
        if answer.shape == expected.shape:
            adagrad = learning_rate / (np.sqrt(np.cumsum(gradients ** 2)) + 1e-7)
            if np.allclose(answer, adagrad, rtol=1e-6):
                return wrong("those are AdaGrad's rates (a growing sum); RMSProp keeps a "
                             "moving average: cache = rho * cache + (1 - rho) * g**2.")
            no_blend = _rmsprop_rates(gradients / np.sqrt(1 - rho), learning_rate, rho)
            if np.allclose(answer, no_blend, rtol=1e-6):
                return wrong("the new squared gradient is added whole; RMSProp takes in "
                             "only (1 - rho) * g**2.")
        return verdict
    return correct("rmsprop_rates gives RMSProp's learning rate at every step.")


def check_adagrad_tenth(answer):
    """Exercise 3: steps until AdaGrad's step for a constant gradient is a tenth of the first."""
    if is_placeholder(answer):
        return not_attempted("replace None with a whole number of steps.")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return wrong(f"give a whole number, got {type(answer).__name__}.")
    if answer == 100:
        return correct("after t steps the cache is t * g**2, so the step is lr / sqrt(t): "
                       "a tenth of the first when sqrt(t) = 10, at t = 100.")
    if answer == 10:
        return wrong("the step falls as 1 / sqrt(t), not 1 / t: after 10 steps it is "
                     "1 / sqrt(10), about a third of the first.")
    return wrong("with a constant gradient g the cache after t steps is t * g**2; the "
                 "step is lr * g / sqrt(t * g**2). When is that a tenth of lr?")
