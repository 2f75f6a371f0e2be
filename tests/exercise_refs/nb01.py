"""Reference answers (and wrong ones) for notebook 01's exercises."""

import numpy as np


def neuron_output():
    return np.dot([2.0, 1.5, 0.25], [0.5, -1.0, 2.0]) - 0.5


def layer_forward(inputs, weights, biases):
    return inputs @ weights + biases


def layer_forward_without_biases(inputs, weights, biases):
    return inputs @ weights


REFERENCES = {
    "check_neuron_output": lambda: neuron_output(),
    "check_layer_forward": lambda: layer_forward,
    "check_parameter_count": lambda: 192,
}

WRONG_ANSWERS = {
    # The bias added once per input instead of once per neuron.
    "check_neuron_output": lambda: np.dot([2.0, 1.5, 0.25], [0.5, -1.0, 2.0]) - 1.5,
    "check_layer_forward": lambda: layer_forward_without_biases,
    "check_parameter_count": lambda: 128,
}
