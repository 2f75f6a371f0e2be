"""Checkers for the exercises of notebook 01 (a dense layer)."""

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, is_placeholder, wrong


def check_neuron_output(answer):
    """Exercise 1: the output of one neuron with three inputs."""
    inputs = np.array([2.0, 1.5, 0.25])
    weights = np.array([0.5, -1.0, 2.0])
    expected = np.array(inputs @ weights - 0.5)
    return compare_arrays(
        answer, expected, what="the neuron's output",
        hint="Multiply inputs and weights element by element, add them up "
             "(np.dot), then add the bias once.")


def check_layer_forward(layer_forward):
    """Exercise 2: a batched forward pass, tried on random shapes."""
    rng = np.random.default_rng(1)
    for n_samples, n_inputs, n_neurons in [(5, 3, 4), (1, 2, 2), (7, 4, 1)]:
        inputs = rng.standard_normal((n_samples, n_inputs))
        weights = rng.standard_normal((n_inputs, n_neurons))
        biases = rng.standard_normal((1, n_neurons))
        result, verdict = call_answer(layer_forward, inputs, weights, biases)
        if verdict is not None:
            return verdict
        verdict = compare_arrays(
            result, inputs @ weights + biases,
            what=f"the output for {n_samples} samples, {n_inputs} inputs, "
                 f"{n_neurons} neurons",
            hint="inputs @ weights gives (n_samples, n_neurons); add the biases "
                 "to every row.")
        if not verdict:
            return verdict
    return correct("layer_forward works for every batch shape tried.")


def check_parameter_count(answer):
    """Exercise 3: weights and biases of DenseLayer(2, 64)."""
    if is_placeholder(answer):
        return compare_arrays(None, np.zeros(()), what="a whole number", hint="")
    expected = 2 * 64 + 64
    if isinstance(answer, str):
        return wrong(f"that is the text {answer!r}; give the number itself, without quotes.")
    if answer == expected:
        return correct(f"2 x 64 weights plus 64 biases make {expected}.")
    if answer == 2 * 64:
        return wrong("that counts the weights only; each neuron also has a bias.")
    return wrong("count the entries of weights (n_inputs, n_neurons) and of "
                 "biases (1, n_neurons).")
