"""Checkers for the exercises of notebook 14 (Adam)."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    compare_arrays,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)


def _as_number(answer, what):
    """(float, None), or (None, a Verdict) when ``answer`` is not one number."""
    if is_placeholder(answer):
        return None, not_attempted(f"replace None with {what}.")
    try:
        return float(answer), None
    except (TypeError, ValueError):
        return None, wrong(f"give one number, got {type(answer).__name__}.")


def check_m_hat(answer):
    """Exercise 1: the bias-corrected first moment after gradients 2.0 and 4.0."""
    value, verdict = _as_number(answer, "the corrected m after step 2")
    if verdict is not None:
        return verdict
    m = 0.9 * (0.1 * 2.0) + 0.1 * 4.0  # 0.58
    expected = m / (1 - 0.9 ** 2)
    if np.isclose(value, expected, atol=1e-3):
        return correct(f"m = 0.58 after two steps, and 0.58 / (1 - 0.9**2) = {expected:.4f}.")
    if np.isclose(value, m, atol=1e-3):
        return wrong("0.58 is the raw m; divide it by 1 - beta_1**t with t = 2.")
    if np.isclose(value, m / 0.1, atol=1e-3) or np.isclose(value, m / 0.9, atol=1e-3):
        return wrong("the divisor is 1 - beta_1**t = 1 - 0.9**2 = 0.19, with t = 2.")
    return wrong("step 1: m = 0.9 * 0 + 0.1 * 2.0; step 2: m = 0.9 * m + 0.1 * 4.0; "
                 "then divide by 1 - 0.9**2.")


def _adam_update(value, gradient, m, v, t, learning_rate, beta_1, beta_2, epsilon,
                 corrected=True):
    m = beta_1 * m + (1 - beta_1) * gradient
    v = beta_2 * v + (1 - beta_2) * gradient ** 2
    m_hat = m / (1 - beta_1 ** t) if corrected else m
    v_hat = v / (1 - beta_2 ** t) if corrected else v
    return value - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon), m, v


def check_adam_update(function):
    """Exercise 2: ``adam_update`` against the textbook formulas, on a few cases."""
    rng = np.random.default_rng(14)
    cases = [(np.array([1.0]), np.array([2.0]), np.zeros(1), np.zeros(1), 1, 0.1),
             (rng.standard_normal((3, 2)), rng.standard_normal((3, 2)),
              0.1 * rng.standard_normal((3, 2)), 0.01 * rng.random((3, 2)), 2, 0.05),
             (rng.standard_normal(4), rng.standard_normal(4), 0.1 * rng.standard_normal(4),
              0.01 * rng.random(4), 50, 0.001)]
    for value, gradient, m, v, t, learning_rate in cases:
        args = (value.copy(), gradient.copy(), m.copy(), v.copy(), t, learning_rate,
                0.9, 0.999, 1e-7)
        result, verdict = call_answer(function, *args)
        if verdict is not None:
            return verdict
        if not (isinstance(result, tuple | list) and len(result) == 3):
            return wrong("return a tuple of three arrays: (value, m, v).")
        expected = _adam_update(value, gradient, m, v, t, learning_rate, 0.9, 0.999, 1e-7)
        for name, answer, right in zip(("m", "v"), result[1:], expected[1:], strict=True):
            verdict = compare_arrays(
                answer, right, what=f"the new {name} at step {t}",
                hint="m = beta_1 * m + (1 - beta_1) * g; v = beta_2 * v + (1 - beta_2) * g**2 "
                     "(the raw averages, not the corrected ones).")
            if not verdict:
                return verdict
        uncorrected = _adam_update(value, gradient, m, v, t, learning_rate, 0.9, 0.999,
                                   1e-7, corrected=False)[0]
        verdict = compare_arrays(
            result[0], expected[0], what=f"the new value at step {t}",
            hint="value - lr * m_hat / (sqrt(v_hat) + epsilon), with m_hat = m / (1 - "
                 "beta_1**t) and v_hat = v / (1 - beta_2**t).")
        if not verdict:
            try:
                if np.allclose(np.asarray(result[0], dtype=float), uncorrected):
                    return wrong("that step has no bias correction: divide m by "
                                 "1 - beta_1**t and v by 1 - beta_2**t first.")
            except (TypeError, ValueError):
                pass
            return verdict
    return correct("adam_update takes the textbook Adam step, bias correction included.")


def check_first_adam_step(answer):
    """Exercise 3: a parameter at 1.0 after Adam's first step (lr 0.05, gradient 123.4)."""
    value, verdict = _as_number(answer, "the parameter's value after one step")
    if verdict is not None:
        return verdict
    expected = _adam_update(1.0, 123.4, 0.0, 0.0, 1, 0.05, 0.9, 0.999, 1e-7)[0]
    if np.isclose(value, expected, atol=1e-4):
        return correct(f"{expected:.4f}: at step 1 the corrected m is g and the corrected "
                       f"v is g**2, so the step is lr * g / |g| = lr, whatever g is.")
    if np.isclose(value, 1.0 - 0.05 * 123.4, atol=1e-3):
        return wrong("that is an SGD step; Adam divides by the RMS of the gradient.")
    uncorrected = _adam_update(1.0, 123.4, 0.0, 0.0, 1, 0.05, 0.9, 0.999, 1e-7,
                               corrected=False)[0]
    if np.isclose(value, uncorrected, atol=1e-4):
        return wrong("that step skips the bias correction (it is about 3.16 times too "
                     "large); at t = 1 divide m by 1 - 0.9 and v by 1 - 0.999.")
    if np.isclose(value, 1.0 + 0.05, atol=1e-4):
        return wrong("right size, wrong direction: the step goes against the gradient.")
    return wrong("at step 1, m_hat = g and v_hat = g**2: work out "
                 "1.0 - 0.05 * m_hat / sqrt(v_hat).")
