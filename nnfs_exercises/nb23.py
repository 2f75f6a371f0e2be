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

# Line 1 of scores_to_loss is a reduction along rows of 3 numbers: NumPy's reductions
# pay a price per row, so it costs several times the exponentials of line 3, which
# run over all 9,000 float32 numbers in one vectorised loop.
_SLOWEST_LINE = 1


def check_slowest_line(answer):
    """Exercise 1: the number (1-5) of the slowest line of ``scores_to_loss``."""
    if is_placeholder(answer):
        return not_attempted("replace None with the number of the slowest line, 1 to 5.")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
        return wrong(f"give the line's number as a whole number, 1 to 5, got {answer!r}.")
    if answer not in (1, 2, 3, 4, 5):
        return wrong(f"the function has lines 1 to 5, got {answer}.")
    if answer == _SLOWEST_LINE:
        return correct("line 1: the maximum along rows of only 3 numbers. NumPy's "
                       "reductions are built for long rows and pay a price for every "
                       "short one, so it costs several times the 9,000 exponentials of "
                       "line 3. That is why train_fast keeps scores class by class and "
                       "uses row_max.")
    if answer == 3:
        return wrong("line 3 looks expensive, but np.exp runs over all 9,000 numbers in one "
                     "vectorised loop. Time each line: the slowest one does less arithmetic.")
    return wrong(f"line {answer} is cheap: time each line with time_lines and compare. "
                 f"Look for an operation along rows of only 3 numbers.")


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


def check_pack_two(function):
    """Exercise 3: ``pack_two(a, b)`` -> ``(flat, a_view, b_view)``, views into one buffer."""
    rng = np.random.default_rng(2323)
    a, b = rng.normal(size=(3, 4)), rng.normal(size=(1, 4))
    a_before, b_before = a.copy(), b.copy()
    result, verdict = call_answer(function, a, b)
    if verdict is not None:
        return verdict
    if not isinstance(result, tuple) or len(result) != 3:
        return wrong("return three things: (flat, a_view, b_view).")
    flat, a_view, b_view = result
    if not all(isinstance(x, np.ndarray) for x in result):
        return wrong("flat, a_view and b_view should all be NumPy arrays.")
    if flat.ndim != 1 or flat.size != a.size + b.size:
        return wrong(f"flat should be one-dimensional with {a.size + b.size} numbers "
                     f"(a's then b's), got shape {flat.shape}.")
    if a_view.shape != a.shape or b_view.shape != b.shape:
        return wrong(f"a_view and b_view should have the shapes of a and b, {a.shape} and "
                     f"{b.shape}, got {a_view.shape} and {b_view.shape}.")
    if not (np.array_equal(a_view, a_before) and np.array_equal(b_view, b_before)):
        return wrong("the views should hold a's and b's numbers: copy them into flat.")
    if not (np.shares_memory(a_view, flat) and np.shares_memory(b_view, flat)):
        return wrong("a_view and b_view must be views of flat (slices of it, reshaped), "
                     "not copies: np.shares_memory(a_view, flat) is False.")
    if np.shares_memory(flat, a) or np.shares_memory(flat, b):
        return wrong("flat should be a new buffer, not memory of a or b.")
    flat -= 1.0                                        # one call on the flat buffer...
    if not (np.allclose(a_view, a_before - 1) and np.allclose(b_view, b_before - 1)):
        return wrong("after flat -= 1 the views should each have changed by -1: do the "
                     "views overlap, or leave part of flat out?")
    return correct("one call on flat changed every number of both arrays: that is how "
                   "FlatAdam updates the whole network with nine calls.")
