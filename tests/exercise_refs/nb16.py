"""Reference solutions and wrong answers for notebook 16's exercises."""

import numpy as np


def penalty():
    def penalty(weights, l1, l2):
        return float(l1 * np.sum(np.abs(weights)) + l2 * np.sum(weights ** 2))

    return penalty


def penalty_without_abs():
    # Negative weights cancel positive ones.
    def penalty(weights, l1, l2):
        return float(l1 * np.sum(weights) + l2 * np.sum(weights ** 2))

    return penalty


def penalty_gradient():
    def penalty_gradient(weights, l1, l2):
        return l1 * np.sign(weights) + 2 * l2 * weights

    return penalty_gradient


def penalty_gradient_without_two():
    def penalty_gradient(weights, l1, l2):
        return l1 * np.sign(weights) + l2 * weights

    return penalty_gradient


def decay_factor():
    def decay_factor(learning_rate, l2):
        return 1 - 2 * learning_rate * l2

    return decay_factor


def decay_factor_without_two():
    def decay_factor(learning_rate, l2):
        return 1 - learning_rate * l2

    return decay_factor


REFERENCES = {
    "check_penalty": penalty,
    "check_penalty_gradient": penalty_gradient,
    "check_decay_factor": decay_factor,
}

WRONG_ANSWERS = {
    "check_penalty": penalty_without_abs,
    "check_penalty_gradient": penalty_gradient_without_two,
    "check_decay_factor": decay_factor_without_two,
}
