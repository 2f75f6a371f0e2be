"""Checkers for notebook 08: backpropagation through a dense layer and ReLU."""

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, is_placeholder, wrong

# Exercise 1: ReLU(x . w + b), with the gradient dvalue coming back.
_X = np.array([2.0, -1.0, 0.5])
_W = np.array([0.5, -1.5, 1.0])
_B = 0.25
_DVALUE = 2.0


def check_neuron_dweights(d_w):
    """Exercise 1: the gradient of one ReLU neuron with respect to its weights."""
    z = _X @ _W + _B
    expected = _DVALUE * (1.0 if z > 0 else 0.0) * _X
    if not is_placeholder(d_w) and np.shape(d_w) == (3,):
        answer = np.asarray(d_w, dtype=float)
        if np.allclose(answer, _X):
            return wrong("that is the inputs alone; multiply by the gradient that came "
                         "back through the ReLU (dvalue, since z > 0).")
        if np.allclose(answer, _DVALUE * _W):
            return wrong("that is the gradient with respect to the inputs (dvalue times "
                         "the weights). For a weight, the 'other factor' is its input.")
        if np.allclose(answer, 0.0):
            return wrong(f"the weighted sum is z = {z:g}, which is positive, so the ReLU "
                         f"lets the gradient through.")
    return compare_arrays(
        d_w, expected, what="the gradient with respect to the weights",
        hint="Compute z = x . w + b; if z > 0 the ReLU passes dvalue on, and each weight's "
             "gradient is that times its own input.")


def _dense_cases():
    rng = np.random.default_rng(8)
    for n_samples, n_inputs, n_neurons in [(4, 3, 2), (1, 2, 5), (7, 4, 1)]:
        yield (rng.normal(size=(n_samples, n_inputs)), rng.normal(size=(n_inputs, n_neurons)),
               rng.normal(size=(n_samples, n_neurons)))


def check_dense_backward(dense_backward):
    """Exercise 2: ``dense_backward(inputs, weights, dvalues)`` -> three gradients."""
    for inputs, weights, dvalues in _dense_cases():
        result, verdict = call_answer(dense_backward, inputs.copy(), weights.copy(),
                                      dvalues.copy())
        if verdict is not None and "matmul" in verdict.message:
            # NumPy's own message names operands and core dimensions, not the fix.
            return wrong(
                f"a matrix product failed for inputs {inputs.shape}, weights "
                f"{weights.shape}, dvalues {dvalues.shape}: the inner sizes of @ must "
                "match. Check which operand needs a .T: the gradients keep the shapes of "
                "what they belong to, so dweights = inputs.T @ dvalues and "
                "dinputs = dvalues @ weights.T.")
        if verdict is not None:
            return verdict
        if not isinstance(result, tuple | list) or len(result) != 3:
            return wrong("return a tuple of three arrays: (dweights, dbiases, dinputs).")
        dweights, dbiases, dinputs = result
        expected = (inputs.T @ dvalues, dvalues.sum(axis=0, keepdims=True),
                    dvalues @ weights.T)
        shape = f"for inputs {inputs.shape}, weights {weights.shape}, dvalues {dvalues.shape}"
        if np.shape(dweights) == expected[0].T.shape != expected[0].shape:
            return wrong(f"{shape}, dweights has shape {np.shape(dweights)}, the transpose "
                         f"of the weights' shape. Use inputs.T @ dvalues.")
        if np.shape(dbiases) == (dvalues.shape[1],):
            return wrong("dbiases should keep the biases' shape (1, n_neurons): "
                         "sum with keepdims=True.")
        if (np.shape(dbiases) == expected[1].shape
                and not np.allclose(dbiases, expected[1])
                and np.allclose(dbiases, expected[1] / len(dvalues))):
            return wrong("dbiases is the mean of the columns; it should be their sum "
                         "(the 1/n_samples of a mean loss is already inside dvalues).")
        for name, answer, want, hint in [
                ("dweights", dweights, expected[0],
                 "Each weight's gradient sums input times dvalue over the batch: "
                 "inputs.T @ dvalues."),
                ("dbiases", dbiases, expected[1],
                 "Each bias's gradient is the sum of its column of dvalues."),
                ("dinputs", dinputs, expected[2],
                 "Each input's gradient sums dvalue times weight over the neurons: "
                 "dvalues @ weights.T.")]:
            verdict = compare_arrays(answer, want, what=f"{name} ({shape})", hint=hint)
            if not verdict:
                return verdict
    return correct("dweights, dbiases and dinputs are right for every batch shape tried.")


def check_relu_backward(relu_backward):
    """Exercise 3: ``relu_backward(inputs, dvalues)``, leaving dvalues untouched."""
    rng = np.random.default_rng(9)
    inputs = rng.normal(size=(6, 4))
    inputs[0, 0] = 0.0  # exactly at the kink: the gradient is taken as 0
    dvalues = rng.normal(size=(6, 4))
    given = dvalues.copy()
    result, verdict = call_answer(relu_backward, inputs.copy(), given)
    if verdict is not None:
        return verdict
    expected = np.where(inputs > 0, dvalues, 0.0)
    if np.shape(result) == expected.shape:
        answer = np.asarray(result, dtype=float)
        if np.allclose(answer, np.where(dvalues > 0, dvalues, 0.0)):
            return wrong("the mask must come from the ReLU's inputs (where the input was "
                         "positive), not from the sign of dvalues.")
        if np.allclose(answer, (inputs > 0).astype(float)):
            return wrong("that is the mask itself; multiply it by dvalues (or use "
                         "np.where(inputs > 0, dvalues, 0)).")
        if np.allclose(answer, np.where(inputs >= 0, dvalues, 0.0)) and not np.allclose(
                answer, expected):
            return wrong("at an input of exactly 0 the gradient is taken as 0: "
                         "use inputs > 0, not inputs >= 0.")
    verdict = compare_arrays(
        result, expected, what="the gradient with respect to the ReLU's inputs",
        hint="Let dvalues through where the input was positive and put 0 elsewhere.")
    if not verdict:
        return verdict
    if not np.array_equal(given, dvalues):
        return wrong("the values are right, but your function changed the dvalues it was "
                     "given. Build a new array (np.where, or dvalues * (inputs > 0)) "
                     "instead of zeroing entries of dvalues in place.")
    return correct("relu_backward passes the gradient only where the input was positive, "
                   "and leaves dvalues alone.")
