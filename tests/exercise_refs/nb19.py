"""Reference solutions and wrong answers for notebook 19's exercises."""

import numpy as np

from nnfs_helpers import regression_accuracy


def loss_values():
    pred = np.array([[2.0], [0.5], [-1.0], [0.0]])
    true = np.array([[1.5], [0.5], [1.0], [0.0]])
    errors = pred - true
    return float(np.mean(errors ** 2)), float(np.mean(np.abs(errors)))


def loss_values_swapped():
    mse, mae = loss_values()
    return mae, mse


def accuracy_within():
    def accuracy_within(y_pred, y_true, fraction):
        tolerance = fraction * (y_true.max() - y_true.min())
        return regression_accuracy(y_pred, y_true, tolerance)

    return accuracy_within


def accuracy_within_plain_fraction():
    # The fraction used as the tolerance itself, ignoring the targets' range.
    def accuracy_within(y_pred, y_true, fraction):
        return regression_accuracy(y_pred, y_true, fraction)

    return accuracy_within


def mae_gradient():
    def mae_gradient(y_pred, y_true):
        n_samples, n_outputs = y_pred.shape
        return np.sign(y_pred - y_true) / n_samples / n_outputs

    return mae_gradient


def mae_gradient_not_averaged():
    def mae_gradient(y_pred, y_true):
        return np.sign(y_pred - y_true)

    return mae_gradient


REFERENCES = {
    "check_loss_values": loss_values,
    "check_tolerance_accuracy": accuracy_within,
    "check_mae_gradient": mae_gradient,
}

WRONG_ANSWERS = {
    "check_loss_values": loss_values_swapped,
    "check_tolerance_accuracy": accuracy_within_plain_fraction,
    "check_mae_gradient": mae_gradient_not_averaged,
}
