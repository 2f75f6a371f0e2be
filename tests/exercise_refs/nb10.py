"""Reference solutions and wrong answers for notebook 10's exercises."""

import numpy as np

from nnfs_helpers import DenseLayer, ReLU, SoftmaxCrossEntropy, gradient_check, spiral_data


def count_near_kink(pre_activations, margin):
    return int(np.sum(np.abs(pre_activations) < margin))


def count_near_kink_one_sided(pre_activations, margin):
    return int(np.sum(pre_activations < margin))


def check_data():
    """The notebook's X_check, y_check: 30 points away from the centre."""
    X, y = spiral_data(samples=100, classes=3, seed=0)
    rng = np.random.default_rng(0)
    rows = rng.choice(np.flatnonzero(np.linalg.norm(X, axis=1) > 0.1), size=30,
                      replace=False)
    return X[rows], y[rows]


def deeper_network():
    rng = np.random.default_rng(0)
    layers = [DenseLayer(2, 16, rng=rng, weight_scale=1.0), ReLU(),
              DenseLayer(16, 16, rng=rng, weight_scale=1.0), ReLU(),
              DenseLayer(16, 3, rng=rng, weight_scale=1.0)]
    for layer in layers[::2]:
        layer.biases = 0.5 * rng.standard_normal(layer.biases.shape)
    return layers


def deeper_errors():
    return gradient_check(deeper_network(), SoftmaxCrossEntropy(), *check_data())


def deeper_errors_with_buggy_relu():
    class BuggyReLU(ReLU):  # notebook 10's bug: no mask in backward
        def backward(self, dvalues):
            self.dinputs = dvalues.copy()
            return self.dinputs

    layers = deeper_network()
    layers[1] = BuggyReLU()
    return gradient_check(layers, SoftmaxCrossEntropy(), *check_data())


REFERENCES = {
    "check_count_near_kink": lambda: count_near_kink,
    "check_suspect": lambda: "layers[2].biases",
    "check_deeper_network_errors": deeper_errors,
}

WRONG_ANSWERS = {
    "check_count_near_kink": lambda: count_near_kink_one_sided,
    "check_suspect": lambda: "layers[0].biases",
    "check_deeper_network_errors": deeper_errors_with_buggy_relu,
}
