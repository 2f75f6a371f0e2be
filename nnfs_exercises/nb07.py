"""Checkers for notebook 07: derivatives and numerical gradients."""

import numbers

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, is_placeholder, wrong

# (function, where, exact derivative there) for exercise 1.
_DERIVATIVE_CASES = (
    (lambda x: x ** 3, 2.0, 12.0),
    (np.sin, 0.3, float(np.cos(0.3))),
    (np.exp, -1.0, float(np.exp(-1.0))),
)


def check_centred_difference(centred_difference):
    """Exercise 1: ``centred_difference(f, x, h=1e-5)`` for a function of one number."""
    for f, x, exact in _DERIVATIVE_CASES:
        result, verdict = call_answer(centred_difference, f, x)
        if verdict is not None:
            return verdict
        try:
            result = float(np.asarray(result).item())
        except (TypeError, ValueError):
            return wrong(f"expected one number, got {type(result).__name__} "
                         f"{np.shape(result)}.")
        if abs(result - exact) <= 1e-7 * max(1.0, abs(exact)):
            continue
        h = 1e-5
        one_sided = (f(x + h) - f(x)) / h
        if abs(result - one_sided) <= 1e-9 * max(1.0, abs(one_sided)):
            return wrong("that is the one-sided difference (f(x + h) - f(x)) / h. A centred "
                         "difference evaluates f on both sides: f(x + h) - f(x - h).")
        if abs(result - 2 * exact) <= 1e-6 * max(1.0, abs(exact)):
            return wrong("the result is twice the derivative: the two points are 2h apart, "
                         "so divide by 2 * h, not by h.")
        return wrong(f"for the derivative at x = {x} the answer is off by "
                     f"{abs(result - exact):.2g}. Compute (f(x + h) - f(x - h)) / (2 * h), "
                     f"with the brackets around 2 * h.")
    return correct("your centred difference agrees with the exact derivatives "
                   "to 7 digits or better.")


def check_partial_derivatives(partials):
    """Exercise 2: the gradient of ``x**2 * y + y**3`` at (1, 2)."""
    x, y = 1.0, 2.0
    expected = np.array([2 * x * y, x ** 2 + 3 * y ** 2])
    if not is_placeholder(partials):
        answer = np.asarray(partials, dtype=float) if np.ndim(partials) == 1 else None
        if answer is not None and answer.shape == (2,) and np.allclose(answer, expected[::-1]):
            return wrong("the two numbers are swapped: give [df/dx, df/dy].")
        if answer is not None and answer.shape == (2,) and np.isclose(answer[1], 3 * y ** 2):
            return wrong("df/dy is missing the x**2 term: the derivative of x**2 * y with "
                         "respect to y is x**2.")
    return compare_arrays(
        partials, expected, what="the gradient [df/dx, df/dy]",
        hint="For df/dx treat y as a constant factor and use the power rule, "
             "d(x**2)/dx = 2x (the y**3 term does not change, so its derivative is 0); "
             "for df/dy treat x as a constant. Then put in x = 1, y = 2.", atol=1e-4)


def check_forward_pass_count(answer):
    """Exercise 3: forward passes for a numerical gradient of a 2-64-64-3 network."""
    if is_placeholder(answer):
        return compare_arrays(None, np.zeros(()), what="a whole number", hint="")
    sizes = [(2, 64), (64, 64), (64, 3)]
    n_parameters = sum(n_in * n_out + n_out for n_in, n_out in sizes)
    expected = 2 * n_parameters
    if isinstance(answer, bool) or not isinstance(answer, numbers.Number):
        return wrong(f"expected a whole number, got {type(answer).__name__}.")
    if answer == expected:
        return correct(f"{n_parameters} parameters, two forward passes each: "
                       f"{expected} forward passes for one gradient.")
    if answer == n_parameters:
        return wrong("that is the number of parameters; each one needs two forward passes "
                     "(nudged up, nudged down).")
    if answer == 2 * sum(n_in * n_out for n_in, n_out in sizes):
        return wrong("that counts the weights only; the biases are parameters too.")
    return wrong("count the weights (n_inputs x n_neurons) and biases (n_neurons) of each "
                 "layer, then remember that every parameter costs two forward passes.")
