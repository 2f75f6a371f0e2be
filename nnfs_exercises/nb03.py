"""Checkers for notebook 03 (softmax).

Each checker takes the learner's answer and returns a
:class:`~nnfs_exercises.Verdict`. Besides "right" and "wrong", they recognise
the usual slips (summing over the wrong axis, forgetting ``keepdims``,
skipping the max-subtraction, multiplying by the temperature) and name them.
"""

import numpy as np

from nnfs_exercises import call_answer, compare_arrays, correct, is_placeholder, wrong

# The same arrays as in the notebook's exercise cells.
EXERCISE_BATCH = np.array([[1.0, 2.0, 3.0],
                           [2.0, -1.0, 0.5],
                           [0.0, 0.0, 4.0]])
EXTREME_SCORES = np.array([[1000.0, 1001.0, 1002.0],
                           [-1000.0, -999.0, -998.0]])


def _softmax(scores):
    """Stable softmax of each row (the reference the checkers compare with)."""
    exp_values = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exp_values / exp_values.sum(axis=1, keepdims=True)


def _matches(answer, expected):
    """True if ``answer`` has the shape and values of ``expected``."""
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return False
    return answer.shape == expected.shape and np.allclose(answer, expected, atol=1e-6)


def _has_nan(answer):
    """True if ``answer`` holds a nan (``None`` would become one, so it does not count)."""
    if is_placeholder(answer):
        return False
    try:
        return bool(np.isnan(np.asarray(answer, dtype=float)).any())
    except (TypeError, ValueError):
        return False


def check_softmax_batch(answer):
    """Exercise 1: the softmax of each row of ``exercise_batch``, by hand."""
    exp_batch = np.exp(EXERCISE_BATCH)
    slips = [
        (exp_batch / exp_batch.sum(axis=1),
         "you divided by row totals of shape (3,), which NumPy lines up with the "
         "columns. Add keepdims=True so the totals have shape (3, 1)."),
        (exp_batch / exp_batch.sum(axis=0, keepdims=True),
         "each column sums to 1, not each row. Sum with axis=1."),
        (exp_batch / exp_batch.sum(),
         "the whole batch sums to 1, not each row. Sum with axis=1, keepdims=True."),
        (EXERCISE_BATCH / EXERCISE_BATCH.sum(axis=1, keepdims=True),
         "you normalised the raw scores. Exponentiate them first with np.exp."),
    ]
    if not is_placeholder(answer):
        for slip, hint in slips:
            if _matches(answer, slip):
                return wrong(hint)
    return compare_arrays(
        answer, _softmax(EXERCISE_BATCH), what="the softmax of exercise_batch",
        hint="Exponentiate, then divide by np.sum(..., axis=1, keepdims=True).")


def check_extreme_scores(answer):
    """Exercise 2: the softmax of ``extreme_scores`` without any nan."""
    if _has_nan(answer):
        return wrong(
            "your answer contains nan. exp(1000) overflows to inf (inf / inf is nan), "
            "and exp(-1000) underflows to 0 (0 / 0 is nan). Subtract each row's "
            "maximum before np.exp.")
    verdict = compare_arrays(
        answer, _softmax(EXTREME_SCORES), what="the probabilities of extreme_scores",
        hint="Both rows are [0, 1, 2] plus a constant, so both equal softmax([0, 1, 2]).")
    if verdict:
        return correct("both rows equal softmax([0, 1, 2]): adding a constant to a row "
                       "changes nothing, and subtracting the maximum keeps exp() in range.")
    return verdict


def check_softmax_with_temperature(function):
    """Exercise 3: ``softmax_with_temperature(scores, temperature)``."""
    scores = np.array([[2.0, -1.0, 0.5],
                       [1000.0, 1500.0, 2000.0]])
    for temperature in (1.0, 5.0, 0.5):
        with np.errstate(all="ignore"):  # an unstable answer should not print warnings
            result, verdict = call_answer(function, scores, temperature)
        if verdict is not None:
            return verdict
        expected = _softmax(scores / temperature)
        if _matches(result, expected):
            continue
        if _has_nan(result):
            return wrong(f"with temperature={temperature} and scores in the thousands "
                         f"you get nan. Subtract each row's maximum before np.exp.")
        if _matches(result, _softmax(scores * temperature)):
            return wrong("you multiplied by the temperature; divide by it, so that a "
                         "high temperature flattens the probabilities.")
        if temperature != 1.0 and _matches(result, _softmax(scores)):
            return wrong("the temperature has no effect: divide the scores by it "
                         "before the softmax.")
        return compare_arrays(
            result, expected,
            what=f"softmax_with_temperature(scores, {temperature})",
            hint="Divide the scores by the temperature, then take a stable softmax of "
                 "each row.")
    return correct("softmax_with_temperature gives the right probabilities and stays "
                   "stable for large scores.")
