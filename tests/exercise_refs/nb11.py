"""Reference solutions and wrong answers for notebook 11's exercises."""

import numpy as np


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


class BookOptimizer:
    # Notebook 11's Optimizer, which the learner's SignSGD subclasses there: no
    # decay and no state, so step calls update(value, gradient).
    def __init__(self, learning_rate):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate

    def step(self, layers):
        for layer in layers:
            if not hasattr(layer, "parameters"):
                continue
            for _name, value, gradient in layer.parameters():
                self.update(value, gradient)


class SignSGD(BookOptimizer):
    def update(self, value, gradient):
        value -= self.current_learning_rate * np.sign(gradient)


class SignSGDWithoutSign(BookOptimizer):
    # Plain SGD in disguise: the gradient's size is kept.
    def update(self, value, gradient):
        value -= self.current_learning_rate * gradient


class SignSGDRebinding(BookOptimizer):
    # Makes a new array and rebinds the local name: the layer's array never changes.
    def update(self, value, gradient):
        value = value - self.current_learning_rate * np.sign(gradient)  # noqa: F841


class SignSGDReturning(BookOptimizer):
    # Returns the stepped array, which step ignores.
    def update(self, value, gradient):
        return value - self.current_learning_rate * np.sign(gradient)


class SignSGDPlaceholder(BookOptimizer):
    # The exercise cell as it starts.
    def update(self, value, gradient):
        pass  # your code here: change value in place


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
