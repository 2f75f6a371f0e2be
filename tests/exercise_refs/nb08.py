"""Reference solutions and wrong answers for notebook 08's exercises."""

import numpy as np


def dense_backward():
    def dense_backward(inputs, weights, dvalues):
        return (inputs.T @ dvalues, dvalues.sum(axis=0, keepdims=True),
                dvalues @ weights.T)

    return dense_backward


def dense_backward_mean_biases():
    # The biases' gradient averaged over the batch instead of summed.
    def dense_backward(inputs, weights, dvalues):
        return (inputs.T @ dvalues, dvalues.mean(axis=0, keepdims=True),
                dvalues @ weights.T)

    return dense_backward


def relu_backward():
    def relu_backward(inputs, dvalues):
        return np.where(inputs > 0, dvalues, 0.0)

    return relu_backward


def relu_backward_in_place():
    # Right values, but the caller's dvalues are zeroed in place.
    def relu_backward(inputs, dvalues):
        dvalues[inputs <= 0] = 0.0
        return dvalues

    return relu_backward


REFERENCES = {
    # z = 1 + 1.5 + 0.5 + 0.25 = 3.25 > 0, so d_w = dvalue * x
    "check_neuron_dweights": lambda: 2.0 * np.array([2.0, -1.0, 0.5]),
    "check_dense_backward": dense_backward,
    "check_relu_backward": relu_backward,
}

WRONG_ANSWERS = {
    # The gradient with respect to the inputs (dvalue * w) instead.
    "check_neuron_dweights": lambda: 2.0 * np.array([0.5, -1.5, 1.0]),
    "check_dense_backward": dense_backward_mean_biases,
    "check_relu_backward": relu_backward_in_place,
}
