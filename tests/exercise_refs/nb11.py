"""Reference solutions and wrong answers for notebook 11's exercises."""

import numpy as np

from nnfs_helpers import SGD, Optimizer


def sgd_step(value, gradient, learning_rate):
    return value - learning_rate * gradient


def sgd_step_uphill(value, gradient, learning_rate):
    return value + learning_rate * gradient


def first_epoch_reaching(values, target):
    for epoch, value in enumerate(values):
        if value >= target:
            return epoch
    return -1


def first_epoch_above(values, target):
    # Strictly above: misses an accuracy equal to the target.
    for epoch, value in enumerate(values):
        if value > target:
            return epoch
    return -1


class SignSGD(Optimizer):
    def update(self, value, gradient, state):
        value -= self.current_learning_rate * np.sign(gradient)


class SignSGDWithoutSign(SGD):
    # Plain SGD in disguise: the gradient's size is kept.
    pass


REFERENCES = {
    "check_sgd_step": lambda: sgd_step,
    "check_first_epoch_reaching": lambda: first_epoch_reaching,
    "check_sign_sgd": lambda: SignSGD,
}

WRONG_ANSWERS = {
    "check_sgd_step": lambda: sgd_step_uphill,
    "check_first_epoch_reaching": lambda: first_epoch_above,
    "check_sign_sgd": lambda: SignSGDWithoutSign,
}
