"""Checkers for notebook 22: saving, loading and predicting safely."""

import tempfile
from pathlib import Path

import numpy as np

from nnfs_exercises import (
    call_answer,
    compare_arrays,
    correct,
    wrong,
)


def check_array_names(function):
    """Exercise 1: ``array_names(path)``, the sorted parameter-array names in a model file."""
    from nnfs_helpers import DenseLayer, Model, ReLU, SoftmaxCrossEntropy, save_model

    model = Model([DenseLayer(3, 5, rng=0), ReLU(), DenseLayer(5, 4, rng=1), ReLU(),
                   DenseLayer(4, 2, rng=2)], SoftmaxCrossEntropy())
    expected = sorted(f"layers.{index}.{name}" for index in (0, 2, 4)
                      for name in ("weights", "biases"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "exercise.npz"
        save_model(model, path)
        result, verdict = call_answer(function, str(path))
    if verdict is not None:
        return verdict
    try:
        names = list(result)
    except TypeError:
        return wrong(f"return a list of names, got {type(result).__name__}.")
    if names == expected:
        return correct(f"{len(names)} parameter arrays: {names[:2]}, ...")
    if sorted(names) == expected:
        return wrong("the right names, but not sorted: return sorted(...).")
    if "model.json" in names:
        return wrong("leave out 'model.json': it is the description, not a parameter array.")
    return wrong(f"expected {expected}, got {names}. The names are in the .files "
                 f"attribute of what np.load returns.")


def _probabilities():
    rng = np.random.default_rng(22)
    scores = rng.normal(scale=2.0, size=(9, 6))
    exp_scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exp_scores / exp_scores.sum(axis=1, keepdims=True)


def check_top_k(function):
    """Exercise 2: ``top_k(probabilities, k)``, class indices most likely first."""
    probabilities = _probabilities()
    for k in (3, 1, 6):
        result, verdict = call_answer(function, probabilities.copy(), k)
        if verdict is not None:
            return verdict
        expected = np.argsort(-probabilities, axis=1)[:, :k]
        ascending = np.argsort(probabilities, axis=1)[:, -k:]
        values = np.asarray(result)
        if values.shape == expected.shape and np.array_equal(values, expected):
            continue
        if values.shape == expected.shape and np.array_equal(values, ascending):
            return wrong(f"for k={k} these are the top classes, least likely first; "
                         f"reverse each row ([:, ::-1]) or sort -probabilities.")
        if values.shape == expected.shape and np.array_equal(
                values, np.argsort(probabilities, axis=1)[:, :k]):
            return wrong("these are the k LEAST likely classes: np.argsort sorts from "
                         "small to large.")
        verdict = compare_arrays(values, expected, what=f"the top {k} classes",
                                 hint="np.argsort(-probabilities, axis=1)[:, :k].")
        if not verdict:
            return verdict
    return correct("the k most likely classes of each row, most likely first.")


def check_predict_or_abstain(function):
    """Exercise 3: ``predict_or_abstain(probabilities, threshold)``, -1 when unsure."""
    probabilities = _probabilities()
    probabilities[0] = [0.7, 0.1, 0.1, 0.05, 0.05, 0.0]   # exactly at the threshold below
    for threshold in (0.7, 0.5, 0.9):
        result, verdict = call_answer(function, probabilities.copy(), threshold)
        if verdict is not None:
            return verdict
        best = probabilities.argmax(axis=1)
        expected = np.where(probabilities.max(axis=1) >= threshold, best, -1)
        values = np.asarray(result)
        if values.shape == expected.shape and np.array_equal(
                values, np.where(probabilities.max(axis=1) > threshold, best, -1)):
            if not np.array_equal(values, expected):
                return wrong("a probability equal to the threshold counts as sure: "
                             "use >=, not >.")
        verdict = compare_arrays(values, expected, what=f"the answers at threshold "
                                 f"{threshold}",
                                 hint="np.where(probabilities.max(axis=1) >= threshold, "
                                      "probabilities.argmax(axis=1), -1).")
        if not verdict:
            return verdict
    return correct("the most likely class when sure enough, -1 otherwise.")
