"""Reference solutions and wrong answers for notebook 03's exercises (softmax)."""

import numpy as np

from nnfs_exercises.nb03 import EXERCISE_BATCH, EXTREME_SCORES


def softmax_batch():
    exp_values = np.exp(EXERCISE_BATCH - EXERCISE_BATCH.max(axis=1, keepdims=True))
    return exp_values / exp_values.sum(axis=1, keepdims=True)


def softmax_batch_without_keepdims():
    exp_values = np.exp(EXERCISE_BATCH)
    return exp_values / exp_values.sum(axis=1)


def extreme_probabilities():
    exp_values = np.exp(EXTREME_SCORES - EXTREME_SCORES.max(axis=1, keepdims=True))
    return exp_values / exp_values.sum(axis=1, keepdims=True)


def extreme_probabilities_naive():
    with np.errstate(over="ignore", invalid="ignore"):
        exp_values = np.exp(EXTREME_SCORES)
        return exp_values / exp_values.sum(axis=1, keepdims=True)


def softmax_with_temperature(scores, temperature):
    scaled = scores / temperature
    exp_values = np.exp(scaled - scaled.max(axis=1, keepdims=True))
    return exp_values / exp_values.sum(axis=1, keepdims=True)


def softmax_times_temperature(scores, temperature):
    return softmax_with_temperature(scores, 1 / temperature)


REFERENCES = {
    "check_softmax_batch": softmax_batch,
    "check_extreme_scores": extreme_probabilities,
    "check_softmax_with_temperature": lambda: softmax_with_temperature,
}

WRONG_ANSWERS = {
    "check_softmax_batch": softmax_batch_without_keepdims,
    "check_extreme_scores": extreme_probabilities_naive,
    "check_softmax_with_temperature": lambda: softmax_times_temperature,
}
