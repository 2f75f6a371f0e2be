"""Checkers for notebook 10 (gradient checking), and the mystery network of exercise 2."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)

# Exercise 2: the parameter array whose gradient the mystery network gets wrong.
_MYSTERY_BUG = "layers[2].biases"


def mystery_network(seed=0):
    """A 2-8-8-3 network (as a list of layers) with one bug in a backward pass.

    Exercise 2 asks the learner to find it with ``gradient_check``.
    """
    from nnfs_helpers import DenseLayer, ReLU  # imported late: only exercise 2 needs them

    class Dense(DenseLayer):
        # The bug: the bias gradient is averaged over the batch instead of summed.
        # It keeps DenseLayer's __repr__, so printing the network does not give it away.
        def backward(self, dvalues):
            super().backward(dvalues)
            self.dbiases = dvalues.mean(axis=0, keepdims=True)
            return self.dinputs

    rng = np.random.default_rng(seed)
    layers = [DenseLayer(2, 8, rng=rng, weight_scale=1.0), ReLU(),
              Dense(8, 8, rng=rng, weight_scale=1.0), ReLU(),
              DenseLayer(8, 3, rng=rng, weight_scale=1.0)]
    for layer in layers[::2]:
        layer.biases = 0.5 * rng.standard_normal(layer.biases.shape)
    return layers


def check_count_near_kink(function):
    """Exercise 1: ``count_near_kink(pre_activations, margin)``."""
    rng = np.random.default_rng(10)
    cases = [(np.array([[3e-6, -0.5, 2.0], [-4e-6, 1e-5, 0.0]]), 1e-5),
             (rng.normal(scale=1e-4, size=(20, 8)), 5e-5),
             (np.array([[0.25, -0.25, 0.1]]), 0.2)]
    for pre_activations, margin in cases:
        result, verdict = call_answer(function, pre_activations.copy(), margin)
        if verdict is not None:
            return verdict
        expected = int(np.sum(np.abs(pre_activations) < margin))
        try:
            count = int(result)
        except (TypeError, ValueError):
            return wrong(f"expected a whole number, got {type(result).__name__}.")
        if count != result:
            return wrong(f"expected a whole number, got {result!r}.")
        if count == expected:
            continue
        if count == int(np.sum(pre_activations < margin)):
            return wrong("negative inputs far below 0 are counted too: compare the "
                         "distance to 0, np.abs(pre_activations), with the margin.")
        if count == int(np.sum((pre_activations >= 0) & (pre_activations < margin))):
            return wrong("only the positive side is counted; an input just below 0 is as "
                         "close to the kink. Use np.abs.")
        return wrong(f"for margin={margin} the count should be {expected}, got {count}. "
                     f"Count the entries with np.abs(pre_activations) < margin.")
    return correct("count_near_kink finds the ReLU inputs within a nudge of the kink.")


def check_suspect(answer):
    """Exercise 2: the name of the mystery network's wrong parameter array."""
    if is_placeholder(answer):
        return not_attempted("replace None with a name such as \"layers[0].weights\".")
    if not isinstance(answer, str):
        return wrong(f"give the name as a string, e.g. \"layers[0].weights\"; got "
                     f"{type(answer).__name__}.")
    name = "".join(answer.split())
    if name == _MYSTERY_BUG:
        return correct("its relative error is far above 1e-2 while every other array is "
                       "near 1e-10: the bias gradient of that layer is wrong (it averages "
                       "over the batch instead of summing).")
    known = {f"layers[{i}].{p}" for i in (0, 2, 4) for p in ("weights", "biases")}
    if name not in known:
        return wrong(f"{answer!r} is not one of the names gradient_check prints; "
                     f"they look like \"layers[0].weights\".")
    return wrong(f"{answer} has a small relative error. Run gradient_check(mystery, "
                 f"SoftmaxCrossEntropy(), X_check, y_check) and look for the one above 1e-2.")


def check_deeper_network_errors(errors):
    """Exercise 3: ``gradient_check``'s result for a 2-16-16-3 network."""
    if is_placeholder(errors):
        return not_attempted("replace None with what gradient_check returns.")
    if not isinstance(errors, dict):
        return wrong(f"gradient_check returns a dict of relative errors; got "
                     f"{type(errors).__name__}.")
    expected = {f"layers[{i}].{p}" for i in (0, 2, 4) for p in ("weights", "biases")}
    if set(errors) != expected:
        return wrong(f"expected the keys {sorted(expected)}, got {sorted(errors)}. The "
                     f"list should be [DenseLayer, ReLU, DenseLayer, ReLU, DenseLayer].")
    worst = max(errors, key=errors.get)
    if not errors[worst] < 1e-7:
        return wrong(f"{worst} has a relative error of {errors[worst]:.1e}. Were the "
                     f"layers made with weight_scale=1.0 and given random biases (so no "
                     f"ReLU input sits near the kink)? Is every ReLU a plain ReLU()?")
    return correct(f"all six parameter arrays agree with their numerical gradients "
                   f"(worst: {errors[worst]:.1e}).")
