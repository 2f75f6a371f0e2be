"""Reference solutions and wrong answers for notebook 07's exercises."""

import numpy as np


def centred_difference():
    def centred_difference(f, x, h=1e-5):
        return (f(x + h) - f(x - h)) / (2 * h)

    return centred_difference


def one_sided_difference():
    # The one-sided difference: error like h, too large for the checker.
    def centred_difference(f, x, h=1e-5):
        return (f(x + h) - f(x)) / h

    return centred_difference


REFERENCES = {
    "check_centred_difference": centred_difference,
    # df/dx = 2xy, df/dy = x**2 + 3y**2 at (1, 2)
    "check_partial_derivatives": lambda: np.array([4.0, 13.0]),
    # (2*64 + 64) + (64*64 + 64) + (64*3 + 3) = 4547 parameters, two passes each
    "check_forward_pass_count": lambda: 9094,
}

WRONG_ANSWERS = {
    "check_centred_difference": one_sided_difference,
    # df/dy without the x**2 term
    "check_partial_derivatives": lambda: np.array([4.0, 12.0]),
    # one pass per parameter
    "check_forward_pass_count": lambda: 4547,
}
