"""Reference solutions and wrong answers for notebook 05's exercises."""

import numpy as np

from nnfs_helpers import CategoricalCrossEntropy


def cross_entropy():
    def cross_entropy(y_pred, y_true):
        clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        return np.mean(-np.log(clipped[np.arange(len(y_true)), y_true]))

    return cross_entropy


def cross_entropy_unclipped():
    # Forgets the clip: infinite when a correct class has probability 0.
    def cross_entropy(y_pred, y_true):
        with np.errstate(divide="ignore"):
            return np.mean(-np.log(y_pred[np.arange(len(y_true)), y_true]))

    return cross_entropy


def uniform_loss():
    y_pred = np.full((50, 10), 0.1)
    labels = np.arange(50) % 10
    return CategoricalCrossEntropy().forward(y_pred, labels)


REFERENCES = {
    "check_one_sample_loss": lambda: -np.log(np.array([0.2, 0.5, 0.3])[2]),
    "check_cross_entropy_function": cross_entropy,
    "check_uniform_loss": uniform_loss,
}

WRONG_ANSWERS = {
    # The probability of the predicted class instead of the correct one.
    "check_one_sample_loss": lambda: -np.log(0.5),
    "check_cross_entropy_function": cross_entropy_unclipped,
    # Base-10 log.
    "check_uniform_loss": lambda: np.log10(10),
}
