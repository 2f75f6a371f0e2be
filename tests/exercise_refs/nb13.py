"""Reference answers (and wrong ones) for notebook 13's exercises."""

import numpy as np


def rmsprop_rates(gradients, learning_rate, rho):
    cache, rates = 0.0, []
    for gradient in gradients:
        cache = rho * cache + (1 - rho) * gradient ** 2
        rates.append(learning_rate / (np.sqrt(cache) + 1e-7))
    return np.array(rates)


def adagrad_rates(gradients, learning_rate, rho):
    # The cache summed instead of averaged: AdaGrad, not RMSProp.
    return learning_rate / (np.sqrt(np.cumsum(np.asarray(gradients) ** 2)) + 1e-7)


REFERENCES = {
    "check_two_adagrad_steps": lambda: 1.0 - 0.1 * 3 / np.sqrt(9) - 0.1 * 4 / np.sqrt(9 + 16),
    "check_rmsprop_rates": lambda: rmsprop_rates,
    "check_adagrad_tenth": lambda: 100,
}

WRONG_ANSWERS = {
    # The cache forgotten at the second step: 4 / sqrt(16) instead of 4 / sqrt(25).
    "check_two_adagrad_steps": lambda: 0.8,
    "check_rmsprop_rates": lambda: adagrad_rates,
    "check_adagrad_tenth": lambda: 10,
}
