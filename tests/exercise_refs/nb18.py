"""Reference solutions and wrong answers for notebook 18's exercises."""

import numpy as np

from nnfs_helpers import spiral_data


def bce_by_hand():
    p = np.array([[0.8], [0.3], [0.5]])
    y = np.array([[1], [0], [1]])
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))


def bce_by_hand_sum():
    # The sum of the three losses, not their mean.
    p = np.array([[0.8], [0.3], [0.5]])
    y = np.array([[1], [0], [1]])
    return float(np.sum(-(y * np.log(p) + (1 - y) * np.log(1 - p))))


def two_questions():
    X3, y3 = spiral_data(100, 3, seed=0)
    return np.column_stack([y3 == 0, X3[:, 0] > 0]).astype(float)


def two_questions_transposed():
    # One row per question instead of one column.
    X3, y3 = spiral_data(100, 3, seed=0)
    return np.array([y3 == 0, X3[:, 0] > 0], dtype=float)


def fused_gradient():
    def fused_gradient(p, y):
        n_samples, n_outputs = p.shape
        return (p - y) / n_samples / n_outputs

    return fused_gradient


def fused_gradient_samples_only():
    # Forgets to divide by the number of outputs.
    def fused_gradient(p, y):
        return (p - y) / len(p)

    return fused_gradient


REFERENCES = {
    "check_bce_by_hand": bce_by_hand,
    "check_two_questions": two_questions,
    "check_fused_gradient": fused_gradient,
}

WRONG_ANSWERS = {
    "check_bce_by_hand": bce_by_hand_sum,
    "check_two_questions": two_questions_transposed,
    "check_fused_gradient": fused_gradient_samples_only,
}
