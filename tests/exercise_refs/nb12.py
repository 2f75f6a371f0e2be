"""Reference solutions and wrong answers for notebook 12's exercises."""

import numpy as np


def decayed_learning_rate(learning_rate, decay, step):
    return learning_rate / (1 + decay * step)


def exponential_learning_rate(learning_rate, decay, step):
    return learning_rate * (1 - decay) ** step


def momentum_steps(gradients, learning_rate, momentum):
    steps, velocity = [], 0.0
    for gradient in gradients:
        velocity = momentum * velocity - learning_rate * gradient
        steps.append(velocity)
    return np.array(steps)


def momentum_steps_without_forgetting(gradients, learning_rate, momentum):
    # The old velocity is never scaled by the momentum: a running sum of steps.
    return np.cumsum(-learning_rate * np.asarray(gradients, dtype=float))


REFERENCES = {
    "check_decayed_learning_rate": lambda: decayed_learning_rate,
    "check_momentum_steps": lambda: momentum_steps,
    "check_best_momentum": lambda: 0.8,
}

WRONG_ANSWERS = {
    "check_decayed_learning_rate": lambda: exponential_learning_rate,
    "check_momentum_steps": lambda: momentum_steps_without_forgetting,
    "check_best_momentum": lambda: 0.9,
}
