"""Reference solutions and wrong answers for notebook 02's exercises."""

import numpy as np


def relu_batch():
    def relu_batch(batch):
        return np.maximum(batch, 0)

    return relu_batch


def relu_batch_in_place():
    # Right values, but it overwrites the caller's batch.
    def relu_batch(batch):
        batch[batch < 0] = 0
        return batch

    return relu_batch


def count_dead():
    def count_dead(layer, batch):
        activated = np.maximum(layer.forward(batch), 0)
        return int(np.all(activated == 0, axis=0).sum())

    return count_dead


def count_dead_any_zero():
    # Counts neurons that are 0 for SOME sample: every healthy ReLU neuron is.
    def count_dead(layer, batch):
        activated = np.maximum(layer.forward(batch), 0)
        return int(np.any(activated == 0, axis=0).sum())

    return count_dead


def collapse():
    def collapse(first, second):
        weights = first.weights @ second.weights
        biases = first.biases @ second.weights + second.biases
        return weights, biases

    return collapse


def collapse_adding_biases():
    # Forgets that the first biases pass through the second weights.
    def collapse(first, second):
        return first.weights @ second.weights, first.biases.sum() + second.biases

    return collapse


REFERENCES = {
    "check_relu_batch": relu_batch,
    "check_count_dead": count_dead,
    "check_collapse": collapse,
}

WRONG_ANSWERS = {
    "check_relu_batch": relu_batch_in_place,
    "check_count_dead": count_dead_any_zero,
    "check_collapse": collapse_adding_biases,
}
