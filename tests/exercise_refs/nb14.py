"""Reference answers (and wrong ones) for notebook 14's exercises."""

import numpy as np


def adam_update(value, gradient, m, v, t, learning_rate, beta_1, beta_2, epsilon):
    m = beta_1 * m + (1 - beta_1) * gradient
    v = beta_2 * v + (1 - beta_2) * gradient ** 2
    m_hat = m / (1 - beta_1 ** t)
    v_hat = v / (1 - beta_2 ** t)
    return value - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon), m, v


def adam_update_without_correction(value, gradient, m, v, t, learning_rate, beta_1, beta_2,
                                   epsilon):
    m = beta_1 * m + (1 - beta_1) * gradient
    v = beta_2 * v + (1 - beta_2) * gradient ** 2
    return value - learning_rate * m / (np.sqrt(v) + epsilon), m, v


REFERENCES = {
    "check_m_hat": lambda: (0.9 * 0.2 + 0.1 * 4.0) / (1 - 0.9 ** 2),
    "check_adam_update": lambda: adam_update,
    "check_first_adam_step": lambda: 1.0 - 0.05,
}

WRONG_ANSWERS = {
    # The raw moving average, not divided by 1 - beta_1**2.
    "check_m_hat": lambda: 0.58,
    "check_adam_update": lambda: adam_update_without_correction,
    # The uncorrected first step: lr * 0.1 g / sqrt(0.001 g**2), about 3.16 lr.
    "check_first_adam_step": lambda: 1.0 - 0.05 * 0.1 / np.sqrt(0.001),
}
