"""Reference solutions and wrong answers for notebook 06's exercises."""

import numpy as np

EX1_PROBS = np.array([[0.1, 0.6, 0.3],
                      [0.8, 0.1, 0.1],
                      [0.3, 0.3, 0.4],
                      [0.2, 0.5, 0.3],
                      [0.5, 0.1, 0.4]])
EX1_LABELS = np.array([1, 0, 1, 1, 2])


def my_accuracy():
    def my_accuracy(y_pred, y_true):
        if y_true.ndim == 2:
            y_true = np.argmax(y_true, axis=1)
        return np.mean(np.argmax(y_pred, axis=1) == y_true)

    return my_accuracy


def my_accuracy_sparse_only():
    # Forgets one-hot labels: (n,) == (n, k) broadcasts into a wrong number.
    def my_accuracy(y_pred, y_true):
        return np.mean(np.argmax(y_pred, axis=1) == y_true)

    return my_accuracy


REFERENCES = {
    "check_accuracy_by_hand": lambda: np.mean(EX1_PROBS.argmax(axis=1) == EX1_LABELS),
    "check_accuracy_function": my_accuracy,
    # Rows 0, 1 and 3 more confident; row 2 still wrong, but closer.
    "check_same_accuracy_lower_loss": lambda: np.array([[0.9, 0.05, 0.05],
                                                        [0.05, 0.9, 0.05],
                                                        [0.49, 0.48, 0.03],
                                                        [0.05, 0.05, 0.9]]),
}

WRONG_ANSWERS = {
    # The fraction of wrong predictions.
    "check_accuracy_by_hand": lambda: 0.4,
    "check_accuracy_function": my_accuracy_sparse_only,
    # Also fixes row 2: the loss drops, but so does the number of mistakes.
    "check_same_accuracy_lower_loss": lambda: np.array([[0.9, 0.05, 0.05],
                                                        [0.05, 0.9, 0.05],
                                                        [0.05, 0.9, 0.05],
                                                        [0.05, 0.05, 0.9]]),
}
