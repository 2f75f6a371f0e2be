"""The book's chapter-10 training code, as the book writes it: the benchmark's baseline.

"Neural Networks from Scratch in Python" (Kinsley and Kukieła), chapters 3-10:
``Layer_Dense``, ``Activation_ReLU``, ``Activation_Softmax_Loss_CategoricalCrossentropy``
and ``Optimizer_Adam`` with the book's names and formulas, and the chapter's
training loop (``train``), whose body is the book's loop minus its ``print``.

Run as a script (``python book_style.py --samples 100 --epochs 10000``), it
does what the book's chapter-10 script does: ``nnfs.init()`` (which patches
``np.dot``, ``np.zeros``, ``np.random.randn`` and ``np.eye`` for the whole
process: float32 data, dot products computed in float64 and returned as
float32, the global random seed set to 0), the spiral data, a 2-64-3 network
with the book's starting weights, Adam with the given settings, and the loop.
It prints one line of JSON: the seconds the loop took (not counting Python's
start or the imports) and the last epoch's loss and accuracy.
``bench_training.py`` runs it in a subprocess, so the patches touch nothing
else. Imported, the module patches nothing: the tests run the same classes in
float64 from the course's starting weights.
"""

import argparse
import json
import time

import numpy as np


class Layer_Dense:  # noqa: N801 - the book's names
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)  # noqa: NPY002
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.dot(inputs, self.weights) + self.biases

    def backward(self, dvalues):
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = np.dot(dvalues, self.weights.T)


class Activation_ReLU:  # noqa: N801
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


class Activation_Softmax:  # noqa: N801
    def forward(self, inputs):
        self.inputs = inputs
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=1, keepdims=True)


class Loss:
    def calculate(self, output, y):
        sample_losses = self.forward(output, y)
        data_loss = np.mean(sample_losses)
        return data_loss


class Loss_CategoricalCrossentropy(Loss):  # noqa: N801
    def forward(self, y_pred, y_true):
        samples = len(y_pred)
        y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        if len(y_true.shape) == 1:
            correct_confidences = y_pred_clipped[range(samples), y_true]
        elif len(y_true.shape) == 2:
            correct_confidences = np.sum(y_pred_clipped * y_true, axis=1)
        negative_log_likelihoods = -np.log(correct_confidences)
        return negative_log_likelihoods


class Activation_Softmax_Loss_CategoricalCrossentropy:  # noqa: N801
    def __init__(self):
        self.activation = Activation_Softmax()
        self.loss = Loss_CategoricalCrossentropy()

    def forward(self, inputs, y_true):
        self.activation.forward(inputs)
        self.output = self.activation.output
        return self.loss.calculate(self.output, y_true)

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        if len(y_true.shape) == 2:
            y_true = np.argmax(y_true, axis=1)
        self.dinputs = dvalues.copy()
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


class Optimizer_Adam:  # noqa: N801
    def __init__(self, learning_rate=0.001, decay=0., epsilon=1e-7, beta_1=0.9, beta_2=0.999):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate
        self.decay = decay
        self.iterations = 0
        self.epsilon = epsilon
        self.beta_1 = beta_1
        self.beta_2 = beta_2

    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * (
                1. / (1. + self.decay * self.iterations))

    def update_params(self, layer):
        if not hasattr(layer, "weight_cache"):
            layer.weight_momentums = np.zeros_like(layer.weights)
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_momentums = np.zeros_like(layer.biases)
            layer.bias_cache = np.zeros_like(layer.biases)
        layer.weight_momentums = (self.beta_1 * layer.weight_momentums
                                  + (1 - self.beta_1) * layer.dweights)
        layer.bias_momentums = (self.beta_1 * layer.bias_momentums
                                + (1 - self.beta_1) * layer.dbiases)
        weight_momentums_corrected = layer.weight_momentums / (
            1 - self.beta_1 ** (self.iterations + 1))
        bias_momentums_corrected = layer.bias_momentums / (
            1 - self.beta_1 ** (self.iterations + 1))
        layer.weight_cache = (self.beta_2 * layer.weight_cache
                              + (1 - self.beta_2) * layer.dweights ** 2)
        layer.bias_cache = self.beta_2 * layer.bias_cache + (1 - self.beta_2) * layer.dbiases ** 2
        weight_cache_corrected = layer.weight_cache / (1 - self.beta_2 ** (self.iterations + 1))
        bias_cache_corrected = layer.bias_cache / (1 - self.beta_2 ** (self.iterations + 1))
        layer.weights += (-self.current_learning_rate * weight_momentums_corrected
                          / (np.sqrt(weight_cache_corrected) + self.epsilon))
        layer.biases += (-self.current_learning_rate * bias_momentums_corrected
                         / (np.sqrt(bias_cache_corrected) + self.epsilon))

    def post_update_params(self):
        self.iterations += 1


def train(X, y, epochs, dense1, dense2, optimizer):
    """The book's chapter-10 loop (without its print); the last epoch's loss and accuracy.

    ``dense1`` and ``dense2`` are ``Layer_Dense`` objects (2-64 and 64-3 in the
    book); ``optimizer`` an ``Optimizer_Adam``. Both are trained in place.
    """
    activation1 = Activation_ReLU()
    loss_activation = Activation_Softmax_Loss_CategoricalCrossentropy()
    for _ in range(epochs):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dense2.forward(activation1.output)
        loss = loss_activation.forward(dense2.output, y)
        predictions = np.argmax(loss_activation.output, axis=1)
        if len(y.shape) == 2:
            y = np.argmax(y, axis=1)
        accuracy = np.mean(predictions == y)
        loss_activation.backward(loss_activation.output, y)
        dense2.backward(loss_activation.dinputs)
        activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)
        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.post_update_params()
    return float(loss), float(accuracy)


def main(argv=None):
    """The book's chapter-10 script: nnfs.init(), spiral data, 2-64-3, Adam, the loop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100, help="samples per class")
    parser.add_argument("--epochs", type=int, default=10_000)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--decay", type=float, default=5e-7)
    args = parser.parse_args(argv)

    import nnfs
    from nnfs.datasets import spiral_data

    nnfs.init()
    X, y = spiral_data(samples=args.samples, classes=3)
    dense1 = Layer_Dense(2, 64)
    dense2 = Layer_Dense(64, 3)
    optimizer = Optimizer_Adam(learning_rate=args.learning_rate, decay=args.decay)
    start = time.perf_counter()
    loss, accuracy = train(X, y, args.epochs, dense1, dense2, optimizer)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "loss": loss, "accuracy": accuracy}))


if __name__ == "__main__":
    main()
