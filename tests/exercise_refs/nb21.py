"""Reference solutions and wrong answers for notebook 21's exercises."""

import numpy as np


def standardise():
    def standardise(X_train, X_other):
        mean = X_train.mean(axis=0)
        std = X_train.std(axis=0)
        return (X_other - mean) / np.where(std == 0, 1.0, std)

    return standardise


def standardise_with_nan():
    # Divides by a standard deviation of 0.
    def standardise(X_train, X_other):
        with np.errstate(invalid="ignore", divide="ignore"):
            return (X_other - X_train.mean(axis=0)) / X_train.std(axis=0)

    return standardise


def per_class_accuracy():
    def per_class_accuracy(confusion):
        return np.diag(confusion) / confusion.sum(axis=1)

    return per_class_accuracy


def per_class_accuracy_by_column():
    # Divides by how often each class was predicted, not by how many images it has.
    def per_class_accuracy(confusion):
        return np.diag(confusion) / confusion.sum(axis=0)

    return per_class_accuracy


def most_confused_pair():
    def most_confused_pair(confusion):
        off_diagonal = confusion.copy()
        np.fill_diagonal(off_diagonal, 0)
        return np.unravel_index(np.argmax(off_diagonal), off_diagonal.shape)

    return most_confused_pair


def most_confused_pair_with_diagonal():
    # Forgets to clear the diagonal: finds the largest correct count.
    def most_confused_pair(confusion):
        return np.unravel_index(np.argmax(confusion), confusion.shape)

    return most_confused_pair


REFERENCES = {
    "check_standardise": standardise,
    "check_per_class_accuracy": per_class_accuracy,
    "check_most_confused_pair": most_confused_pair,
}

WRONG_ANSWERS = {
    "check_standardise": standardise_with_nan,
    "check_per_class_accuracy": per_class_accuracy_by_column,
    "check_most_confused_pair": most_confused_pair_with_diagonal,
}
