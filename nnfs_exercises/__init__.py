"""Checkers for the notebooks' exercises.

Each notebook ends with exercises; each exercise cell calls a checker from
``nnfs_exercises.nbNN`` on the learner's answer. A checker returns a
:class:`Verdict`, which the notebook displays as one line: correct, not
attempted yet, or not quite (with a hint). The reference solutions live in the
tests (``tests/test_exercises.py``), which make sure every checker accepts its
reference solution and rejects a wrong answer.
"""

import numpy as np

CORRECT = "correct"
NOT_ATTEMPTED = "not attempted"
WRONG = "wrong"


class Verdict:
    """The outcome of checking one exercise.

    Parameters
    ----------
    status : {"correct", "not attempted", "wrong"}
    message : str
        What the learner reads.
    """

    _PREFIX = {
        CORRECT: "Correct!",
        NOT_ATTEMPTED: "Not attempted yet:",
        WRONG: "Not quite:",
    }

    def __init__(self, status, message):
        if status not in self._PREFIX:
            raise ValueError(f"unknown verdict status {status!r}")
        self.status = status
        self.message = message

    def __bool__(self):
        return self.status == CORRECT

    def __repr__(self):
        return f"{self._PREFIX[self.status]} {self.message}"


def correct(message):
    """A passing verdict."""
    return Verdict(CORRECT, message)


def not_attempted(message):
    """A verdict for an answer still at its placeholder."""
    return Verdict(NOT_ATTEMPTED, message)


def wrong(message):
    """A failing verdict; ``message`` should hint at the fix."""
    return Verdict(WRONG, message)


def is_placeholder(answer):
    """True for the placeholders exercise cells start with (``None`` or ``...``)."""
    return answer is None or answer is Ellipsis


def compare_arrays(answer, expected, *, what, hint, atol=1e-6):
    """Check a numeric answer against the expected array.

    Parameters
    ----------
    answer : array_like or None
        The learner's answer; ``None`` means not attempted.
    expected : ndarray
    what : str
        What the answer is ("the layer's output"), for the messages.
    hint : str
        Shown when the values are wrong but the shape is right.
    atol : float, default 1e-6

    Returns
    -------
    Verdict
    """
    if is_placeholder(answer):
        return not_attempted(f"replace None with {what}.")
    if isinstance(answer, str):
        return wrong(f"{what} should be a number, got the text {answer!r}: "
                     "write it without quotes.")
    try:
        answer = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"{what} should be an array of numbers, got {type(answer).__name__}.")
    if answer.shape != expected.shape:
        if expected.shape == () and answer.size == 1:
            return wrong(f"{what} should be a single number, not a list or an array "
                         f"holding one (shape {answer.shape}): take the number out.")
        if expected.shape == ():
            return wrong(f"{what} should be a single number, got an array of shape "
                         f"{answer.shape}. {hint}")
        return wrong(
            f"{what} should have shape {expected.shape}, got {answer.shape}. {hint}"
        )
    if not np.allclose(answer, expected, atol=atol, rtol=1e-6):
        return wrong(f"the shape is right but the values are not. {hint}")
    return correct(f"{what} is right.")


def call_answer(function, *args):
    """Call a learner's function, turning a placeholder or a crash into a verdict.

    Returns
    -------
    (result, Verdict or None)
        The verdict is ``None`` when the call succeeded.
    """
    if is_placeholder(function):
        return None, not_attempted("define the function first.")
    if not callable(function):
        return None, wrong(f"expected a function, got {type(function).__name__}.")
    try:
        result = function(*args)
    except NotImplementedError:
        return None, not_attempted("the function still raises NotImplementedError.")
    except Exception as error:  # the learner's code: report any failure in words
        return None, wrong(f"calling it raised {type(error).__name__}: {error}")
    if is_placeholder(result):
        return None, not_attempted("the function returns None; return your result.")
    return result, None
