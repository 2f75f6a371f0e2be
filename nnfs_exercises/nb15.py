"""Checkers for notebook 15: validation."""

import numpy as np

from nnfs_exercises import call_answer, correct, wrong


def check_train_val_split(train_val_split):
    """Exercise 1: a random split of (X, y) into training and validation parts.

    Parameters
    ----------
    train_val_split : callable
        ``train_val_split(X, y, val_fraction, rng) -> (X_train, y_train, X_val, y_val)``.
    """
    # 10 points whose first feature is their row number, labels in blocks like the spiral's.
    X = np.column_stack([np.arange(10.0), np.arange(10.0) ** 2])
    y = np.repeat([0, 1], 5)
    result, verdict = call_answer(train_val_split, X, y, 0.3, np.random.default_rng(0))
    if verdict is not None:
        return verdict
    if not isinstance(result, tuple | list) or len(result) != 4:
        return wrong("return four things: X_train, y_train, X_val, y_val.")
    try:
        X_train, y_train, X_val, y_val = (np.asarray(part) for part in result)
    except (TypeError, ValueError):
        return wrong("each of the four parts should be an array.")
    if len(X_val) != 3 or len(X_train) != 7:
        return wrong(
            f"with 10 rows and val_fraction=0.3 expected 3 validation rows and 7 training "
            f"rows, got {len(X_val)} and {len(X_train)}. Use int(len(X) * val_fraction)."
        )
    if len(y_val) != len(X_val) or len(y_train) != len(X_train):
        return wrong("each y part should have one label per row of its X part.")
    if X_train.shape[1:] != (2,) or X_val.shape[1:] != (2,):
        return wrong("split the rows of X, keeping all its columns: index with X[indices].")
    rows = np.concatenate([X_train[:, 0], X_val[:, 0]])
    if sorted(rows.tolist()) != list(range(10)):
        return wrong("every row of X should land in exactly one of the two parts.")
    for part_X, part_y in ((X_train, y_train), (X_val, y_val)):
        if not np.array_equal(part_y, y[part_X[:, 0].astype(int)]):
            return wrong("a label got separated from its point: index X and y with the "
                         "same shuffled indices.")
    if np.array_equal(np.sort(X_val[:, 0]), [7.0, 8.0, 9.0]) or np.array_equal(
            np.sort(X_val[:, 0]), [0.0, 1.0, 2.0]):
        return wrong("the validation rows are the last (or first) rows, unshuffled. "
                     "Spiral labels come in blocks, so that validation set would hold a "
                     "single class: shuffle with rng.permutation(len(X)) first.")
    return correct("a shuffled split: each row in one part, labels beside their points.")


def _history():
    """A history whose validation loss is lowest at epoch 300."""
    return {
        "epoch": [100, 200, 300, 400, 500],
        "loss": [0.9, 0.6, 0.4, 0.3, 0.2],
        "accuracy": [0.5, 0.7, 0.8, 0.85, 0.9],
        "val_loss": [1.0, 0.7, 0.55, 0.6, 0.8],
        "val_accuracy": [0.45, 0.6, 0.7, 0.72, 0.7],
    }


def check_early_stopping_epoch(best_epoch):
    """Exercise 2: the epoch with the lowest validation loss.

    Parameters
    ----------
    best_epoch : callable
        ``best_epoch(history) -> int``, an entry of ``history["epoch"]``.
    """
    result, verdict = call_answer(best_epoch, _history())
    if verdict is not None:
        return verdict
    if result == 500:
        return wrong("that is the epoch with the lowest *training* loss; use "
                     "history['val_loss'].")
    if result == 2:
        return wrong("2 is the position in the list; return history['epoch'] at that "
                     "position.")
    if result != 300:
        return wrong("find the position of the smallest history['val_loss'] "
                     "(np.argmin), then return history['epoch'] at that position.")
    return correct("epoch 300: the validation loss was lowest there, so early stopping "
                   "would keep that network.")


