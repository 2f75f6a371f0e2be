"""Reference solutions and wrong answers for notebook 15's exercises."""

import numpy as np


def train_val_split():
    def train_val_split(X, y, val_fraction, rng):
        order = rng.permutation(len(X))
        n_val = int(len(X) * val_fraction)
        val, train = order[:n_val], order[n_val:]
        return X[train], y[train], X[val], y[val]

    return train_val_split


def train_val_split_unshuffled():
    # The last rows as validation: with labels in blocks, a single class.
    def train_val_split(X, y, val_fraction, rng):
        n_train = len(X) - int(len(X) * val_fraction)
        return X[:n_train], y[:n_train], X[n_train:], y[n_train:]

    return train_val_split


def best_epoch():
    def best_epoch(history):
        return history["epoch"][int(np.argmin(history["val_loss"]))]

    return best_epoch


def best_epoch_training_loss():
    # Looks at the training loss, which only keeps falling.
    def best_epoch(history):
        return history["epoch"][int(np.argmin(history["loss"]))]

    return best_epoch


REFERENCES = {
    "check_train_val_split": train_val_split,
    "check_early_stopping_epoch": best_epoch,
}

WRONG_ANSWERS = {
    "check_train_val_split": train_val_split_unshuffled,
    "check_early_stopping_epoch": best_epoch_training_loss,
}
