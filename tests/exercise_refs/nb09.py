"""Reference solutions and wrong answers for notebook 09's exercises."""

import numpy as np


def jacobian_of_softmax(p):
    return np.diagflat(p) - np.outer(p, p)


def jacobian_diagonal_only(p):
    return np.diagflat(p * (1 - p))


def cross_entropy_gradient(probs, y):
    one_hot = np.eye(probs.shape[1])[y]
    return -one_hot / probs / len(probs)


def cross_entropy_gradient_without_mean(probs, y):
    return -np.eye(probs.shape[1])[y] / probs


def fused_gradient(scores, y):
    exp_values = np.exp(scores - scores.max(axis=1, keepdims=True))
    p = exp_values / exp_values.sum(axis=1, keepdims=True)
    return (p - np.eye(scores.shape[1])[y]) / len(scores)


def fused_gradient_unstable(scores, y):
    # No max-subtraction: exp(1000) is inf, and inf / inf is nan.
    exp_values = np.exp(scores)
    p = exp_values / exp_values.sum(axis=1, keepdims=True)
    return (p - np.eye(scores.shape[1])[y]) / len(scores)


REFERENCES = {
    "check_jacobian_of_softmax": lambda: jacobian_of_softmax,
    "check_cross_entropy_gradient": lambda: cross_entropy_gradient,
    "check_fused_gradient": lambda: fused_gradient,
}

WRONG_ANSWERS = {
    "check_jacobian_of_softmax": lambda: jacobian_diagonal_only,
    "check_cross_entropy_gradient": lambda: cross_entropy_gradient_without_mean,
    "check_fused_gradient": lambda: fused_gradient_unstable,
}
