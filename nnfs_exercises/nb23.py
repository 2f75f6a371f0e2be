"""Checkers for notebook 23: making training fast."""

import numbers
import tracemalloc

import numpy as np

from nnfs_exercises import (
    call_answer,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)

# Line 2 of scores_to_loss calls a Python function once per row (apply_along_axis):
# thousands of calls where the other lines make one each.
_SLOWEST_LINE = 2


def check_slowest_line(answer):
    """Exercise 1: the number (1-4) of the slowest line of ``scores_to_loss``."""
    if is_placeholder(answer):
        return not_attempted("replace None with the number of the slowest line, 1 to 4.")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        return wrong(f"give the line's number as a whole number, 1 to 4, got {answer!r}.")
    if answer not in (1, 2, 3, 4):
        return wrong(f"the function has lines 1 to 4, got {answer}.")
    if answer == _SLOWEST_LINE:
        return correct("line 2: np.apply_along_axis calls a Python function once per row, "
                       "3,000 calls where the other lines make one. Each row's softmax "
                       "costs a few microseconds of overhead for 3 numbers.")
    return wrong(f"line {answer} is one NumPy call over the whole array. Time each line: "
                 f"the slowest one makes many calls, not one.")


def _softmax_rows(scores):
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    exp_values = np.exp(shifted)
    return exp_values / np.sum(exp_values, axis=1, keepdims=True)


def check_remove_temporaries(function):
    """Exercise 2: ``softmax_rows_into(scores, out)``, the softmax without big temporaries."""
    scores = np.random.default_rng(23).normal(scale=3.0, size=(4000, 10))
    original = scores.copy()
    out = np.empty_like(scores)
    tracemalloc.start()
    try:
        result, verdict = call_answer(function, scores, out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if verdict is not None:
        return verdict
    if result is not out:
        return wrong("return the array `out` itself, after writing the probabilities "
                     "into it (return out).")
    if not np.array_equal(scores, original):
        return wrong("your function changed `scores`: write into `out`, leave the input "
                     "as it was (np.subtract(scores, ..., out=out) reads scores and "
                     "writes out).")
    expected = _softmax_rows(original)
    if not np.allclose(out, expected, rtol=1e-12, atol=1e-15):
        if np.allclose(out.sum(axis=1), 1):
            return wrong("the rows sum to 1 but the values differ from softmax_rows: "
                         "subtract each row's maximum, exponentiate, divide by the row sum.")
        return wrong("the values differ from softmax_rows: each row of out should sum to 1.")
    if peak >= scores.nbytes // 2:
        return wrong(f"the result is right, but your function allocated {peak:,} bytes "
                     f"at its peak, as much as an array like scores ({scores.nbytes:,} "
                     f"bytes) or more: some step still makes a new full-size array. "
                     f"Write every full-size result into out (out=, -=, /=).")
    return correct(f"the same probabilities, and at most {peak:,} bytes allocated at once "
                   f"(scores itself is {scores.nbytes:,}).")
