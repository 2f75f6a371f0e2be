"""Reference solutions and wrong answers for notebook 04's exercises."""

import numpy as np

from nnfs_helpers import DenseLayer, ReLU, Softmax, spiral_data


def deeper_network():
    rng = np.random.default_rng(0)
    return [DenseLayer(2, 8, rng=rng), ReLU(),
            DenseLayer(8, 8, rng=rng), ReLU(),
            DenseLayer(8, 3, rng=rng), Softmax()]


def deeper_network_wrong_sizes():
    # The middle layer still expects 3 inputs, as in the 2-3-3 network.
    rng = np.random.default_rng(0)
    return [DenseLayer(2, 8, rng=rng), ReLU(),
            DenseLayer(3, 8, rng=rng), ReLU(),
            DenseLayer(8, 3, rng=rng), Softmax()]


def class_fractions():
    def class_fractions(probs):
        predicted = probs.argmax(axis=1)  # (n_samples,)
        return np.bincount(predicted, minlength=probs.shape[1]) / len(probs)

    return class_fractions


def class_fractions_counts():
    # Counts, not fractions.
    def class_fractions(probs):
        return np.bincount(probs.argmax(axis=1), minlength=probs.shape[1])

    return class_fractions


def five_class_probs():
    X5, _ = spiral_data(samples=50, classes=5)
    rng = np.random.default_rng(0)
    output = X5
    for layer in [DenseLayer(2, 3, rng=rng), ReLU(), DenseLayer(3, 5, rng=rng), Softmax()]:
        output = layer.forward(output)
    return output


def five_class_probs_three_outputs():
    # The 2-3-3 network on 5-class data: 3 columns, not 5.
    X5, _ = spiral_data(samples=50, classes=5)
    rng = np.random.default_rng(0)
    output = X5
    for layer in [DenseLayer(2, 3, rng=rng), ReLU(), DenseLayer(3, 3, rng=rng), Softmax()]:
        output = layer.forward(output)
    return output


REFERENCES = {
    "check_deeper_network": deeper_network,
    "check_class_fractions": class_fractions,
    "check_five_class_probs": five_class_probs,
}

WRONG_ANSWERS = {
    "check_deeper_network": deeper_network_wrong_sizes,
    "check_class_fractions": class_fractions_counts,
    "check_five_class_probs": five_class_probs_three_outputs,
}
