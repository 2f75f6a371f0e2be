"""Checkers for notebook 09 (softmax and cross-entropy, backwards).

Besides "right" and "wrong", they recognise the usual slips (a flipped sign,
forgetting to divide by the number of samples, only the diagonal of the
Jacobian, a softmax that overflows) and name them.
"""

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, wrong


def _softmax(scores):
    """Stable softmax of each row (the reference the checkers compare with)."""
    exp_values = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return exp_values / exp_values.sum(axis=-1, keepdims=True)


def _matches(answer, expected):
    """True if ``answer`` has the shape and values of ``expected``."""
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return False
    return answer.shape == expected.shape and np.allclose(answer, expected, atol=1e-9)


def _has_nan_or_inf(answer):
    try:
        return not np.isfinite(np.asarray(answer, dtype=float)).all()
    except (TypeError, ValueError):
        return False


def _first_slip(answer, slips):
    """The hint of the first slip ``answer`` matches, or None."""
    for slip, hint in slips:
        if _matches(answer, slip):
            return hint
    return None


def check_jacobian_of_softmax(function):
    """Exercise 1: ``jacobian_of_softmax(p)``, the (C, C) softmax Jacobian of one sample."""
    cases = [np.array([0.7, 0.1, 0.2]),
             np.full(4, 0.25),
             _softmax(np.array([1.0, -0.5, 2.0, 0.3, 0.0]))]
    for p in cases:
        result, verdict = call_answer(function, p.copy())
        if verdict is not None:
            return verdict
        expected = np.diagflat(p) - np.outer(p, p)
        hint = _first_slip(result, [
            (-expected, "the signs are flipped: the diagonal p_i (1 - p_i) is positive "
                        "and the rest, -p_i p_j, negative. Compute diagflat(p) - outer(p, p)."),
            (np.diagflat(p * (1 - p)), "only the diagonal is right; the entries off it are "
                                       "-p_i * p_j, not 0. Subtract np.outer(p, p)."),
            (np.diagflat(p) - np.diagflat(p * p), "np.diagflat(p * p) keeps only the "
                                                  "diagonal; use np.outer(p, p)."),
            (np.outer(p, p), "that is only the second term; subtract it from np.diagflat(p)."),
        ])
        if hint:
            return wrong(hint)
        verdict = compare_arrays(
            result, expected, what=f"the Jacobian for p = {np.round(p, 3)}",
            hint="Entry (i, j) is p[i] * ((i == j) - p[j]): np.diagflat(p) - np.outer(p, p).")
        if not verdict:
            return verdict
    return correct("jacobian_of_softmax gives p_i (delta_ij - p_j) for every pair (i, j).")


def check_cross_entropy_gradient(function):
    """Exercise 2: ``cross_entropy_gradient(probs, y)``, dL/dp of the mean loss."""
    rng = np.random.default_rng(9)
    for n_samples, n_classes in [(4, 3), (6, 5)]:
        probs = _softmax(rng.normal(size=(n_samples, n_classes)))
        y = rng.integers(0, n_classes, size=n_samples)
        result, verdict = call_answer(function, probs.copy(), y.copy())
        if verdict is not None:
            return verdict
        one_hot = np.eye(n_classes)[y]
        expected = -one_hot / probs / n_samples
        hint = _first_slip(result, [
            (-one_hot / probs, "you forgot to divide by the number of samples: the loss "
                               "is a mean, so each sample's gradient is divided by N."),
            (one_hot / probs / n_samples, "the sign is flipped: d(-log p)/dp = -1/p."),
            (-1 / probs / n_samples, "every class got a gradient, but the loss only looks "
                                     "at the correct class: multiply by the one-hot labels."),
            (-one_hot * probs / n_samples, "that multiplies by p; the derivative of log p "
                                           "is 1/p, so divide."),
        ])
        if hint:
            return wrong(hint)
        verdict = compare_arrays(
            result, expected, what=f"the gradient for {n_samples} samples",
            hint="It is -one_hot / probs / n_samples, with one_hot = np.eye(n_classes)[y].")
        if not verdict:
            return verdict
    return correct("cross_entropy_gradient is -y / (N p): non-zero only at the correct class.")


def check_fused_gradient(function):
    """Exercise 3: ``fused_gradient(scores, y)``, (softmax(scores) - one_hot) / N."""
    rng = np.random.default_rng(19)
    ordinary = rng.normal(size=(5, 3))
    extreme = np.array([[1000.0, -1000.0, 0.0],
                        [-1000.0, 1000.0, 500.0],
                        [0.5, 0.0, -0.5]])
    for scores, y in [(ordinary, np.array([0, 2, 1, 1, 0])), (extreme, np.array([1, 1, 2]))]:
        with np.errstate(all="ignore"):  # an unstable answer should not print warnings
            result, verdict = call_answer(function, scores.copy(), y.copy())
        if verdict is not None:
            return verdict
        n_samples, n_classes = scores.shape
        p, one_hot = _softmax(scores), np.eye(n_classes)[y]
        expected = (p - one_hot) / n_samples
        if _has_nan_or_inf(result):
            return wrong("the result holds nan or inf for scores of +-1000: exp(1000) "
                         "overflows. Subtract each row's maximum before np.exp.")
        hint = _first_slip(result, [
            (p - one_hot, "you forgot to divide by the number of samples (the loss is a mean)."),
            ((one_hot - p) / n_samples, "the sign is flipped: it is p - y, not y - p."),
            (p / n_samples, "you forgot to subtract the one-hot labels (1 at each correct "
                            "class)."),
        ])
        if hint:
            return wrong(hint)
        verdict = compare_arrays(
            result, expected, what=f"the gradient for scores of shape {scores.shape}",
            hint="Take a stable softmax of each row, subtract 1 at the correct class, and "
                 "divide by the number of samples.")
        if not verdict:
            return verdict
    return correct("fused_gradient is (p - y) / N, and it stays finite for scores of +-1000.")
