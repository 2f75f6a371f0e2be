"""Every exercise checker accepts its reference solution and rejects wrong answers.

The reference solutions live in tests/exercise_refs/, not in the notebooks, so a learner
does not see them next to the exercise. Each checker is also shown to answer "not
attempted yet" for the placeholder the exercise cell starts with.
"""

import ast
import importlib
from pathlib import Path

import numpy as np
import pytest

import nnfs_exercises
from conftest import NOTEBOOKS, parse_code, read_notebook


def load_references():
    """Read tests/exercise_refs/nbNN.py, one module per notebook.

    Each maps a checker's name to a function of no arguments returning the answer
    to give it, in ``REFERENCES`` (right answers) and ``WRONG_ANSWERS``. They are
    kept per notebook, so two notebooks may use the same checker name.

    Returns
    -------
    dict
        ``"nb05"`` -> the module holding that notebook's references.
    """
    return {
        path.stem: importlib.import_module(f"exercise_refs.{path.stem}")
        for path in sorted(Path(__file__).parent.glob("exercise_refs/nb*.py"))
    }


REFS = load_references()


def refs_for(module):
    """The reference module for ``nnfs_exercises.nbNN``."""
    return REFS[module.rsplit(".", 1)[1]]


def checkers_used_in_notebooks():
    """(module, checker) for every `from nnfs_exercises.nbNN import check_...`."""
    found = set()
    for path in NOTEBOOKS:
        for node in ast.walk(parse_code(read_notebook(path))):
            if (isinstance(node, ast.ImportFrom) and node.module
                    and node.module.startswith("nnfs_exercises.")):
                found.update((node.module, a.name) for a in node.names
                             if a.name.startswith("check_"))
    return sorted(found)


def get_checker(module, name):
    return getattr(importlib.import_module(module), name)


USED = checkers_used_in_notebooks()
IDS = [f"{module.rsplit('.', 1)[1]}.{name}" for module, name in USED]


def test_every_checker_in_a_notebook_has_a_reference_and_a_wrong_answer():
    assert USED, "no notebook uses a checker"
    for module, name in USED:
        stem = module.rsplit(".", 1)[1]
        assert stem in REFS, f"no tests/exercise_refs/{stem}.py for {module}"
        assert name in REFS[stem].REFERENCES, f"no reference answer for {module}.{name}"
        assert name in REFS[stem].WRONG_ANSWERS, f"no wrong answer for {module}.{name}"


@pytest.mark.parametrize("module, name", USED, ids=IDS)
def test_checker_accepts_the_reference(module, name):
    verdict = get_checker(module, name)(refs_for(module).REFERENCES[name]())
    assert verdict.status == nnfs_exercises.CORRECT, repr(verdict)
    assert repr(verdict).startswith("Correct!")


@pytest.mark.parametrize("module, name", USED, ids=IDS)
def test_checker_rejects_a_wrong_answer(module, name):
    verdict = get_checker(module, name)(refs_for(module).WRONG_ANSWERS[name]())
    assert verdict.status == nnfs_exercises.WRONG, repr(verdict)
    assert repr(verdict).startswith("Not quite:")


@pytest.mark.parametrize("module, name", USED, ids=IDS)
def test_checker_reports_the_placeholder_as_not_attempted(module, name):
    verdict = get_checker(module, name)(None)
    assert verdict.status == nnfs_exercises.NOT_ATTEMPTED, repr(verdict)


def test_verdict_is_truthy_only_when_correct():
    assert nnfs_exercises.correct("ok")
    assert not nnfs_exercises.wrong("no")
    assert not nnfs_exercises.not_attempted("later")
    with pytest.raises(ValueError, match="unknown verdict"):
        nnfs_exercises.Verdict("maybe", "?")


def test_compare_arrays_reports_shape_then_values():
    expected = np.zeros((2, 3))
    shape = nnfs_exercises.compare_arrays(np.zeros((3, 2)), expected, what="x", hint="h")
    assert shape.status == "wrong" and "shape (2, 3)" in shape.message
    values = nnfs_exercises.compare_arrays(np.ones((2, 3)), expected, what="x", hint="h")
    assert values.status == "wrong" and "values" in values.message
    text = nnfs_exercises.compare_arrays("abc", expected, what="x", hint="h")
    assert text.status == "wrong"


def test_call_answer_turns_failures_into_verdicts():
    def broken(x):
        raise KeyError("oops")

    def unfinished(x):
        raise NotImplementedError

    assert nnfs_exercises.call_answer(broken, 1)[1].status == "wrong"
    assert nnfs_exercises.call_answer(unfinished, 1)[1].status == "not attempted"
    assert nnfs_exercises.call_answer(lambda x: None, 1)[1].status == "not attempted"
    assert nnfs_exercises.call_answer(42, 1)[1].status == "wrong"
    assert nnfs_exercises.call_answer(lambda x: x + 1, 1) == (2, None)


def test_a_number_wrapped_in_a_list_gets_a_hint_to_take_it_out():
    from nnfs_exercises.nb01 import check_neuron_output

    verdict = check_neuron_output([np.dot([2.0, 1.5, 0.25], [0.5, -1.0, 2.0]) - 0.5])
    assert verdict.status == "wrong"
    assert "single number" in verdict.message and "take the number out" in verdict.message


def test_a_number_given_as_text_gets_a_hint_about_quotes():
    from nnfs_exercises.nb01 import check_neuron_output, check_parameter_count

    for verdict in (check_parameter_count("192"), check_neuron_output("-0.25")):
        assert verdict.status == "wrong"
        assert "without quotes" in verdict.message


def test_a_missing_transpose_in_dense_backward_names_the_fix():
    from nnfs_exercises.nb08 import check_dense_backward

    def without_transpose(inputs, weights, dvalues):
        return inputs.T @ dvalues, dvalues.sum(axis=0, keepdims=True), dvalues @ weights

    verdict = check_dense_backward(without_transpose)
    assert verdict.status == "wrong"
    assert "needs a .T" in verdict.message and "dvalues @ weights.T" in verdict.message
    assert "core dimension" not in verdict.message


def test_sign_sgd_that_rebinds_value_is_told_to_update_in_place():
    from nnfs_exercises.nb11 import check_sign_sgd

    refs = REFS["nb11"]
    rebinding = check_sign_sgd(refs.SignSGDRebinding)
    assert rebinding.status == "wrong", repr(rebinding)
    assert "in place" in rebinding.message and "value -=" in rebinding.message
    returning = check_sign_sgd(refs.SignSGDReturning)
    assert returning.status == "wrong", repr(returning)
    assert "step ignores what update returns" in returning.message
    placeholder = check_sign_sgd(refs.SignSGDPlaceholder)
    assert placeholder.status == "not attempted", repr(placeholder)


def test_a_tolerance_from_a_standard_deviation_is_named_as_such():
    from nnfs_exercises.nb19 import check_tolerance_accuracy
    from nnfs_helpers import regression_accuracy

    def with_tolerance(tolerance):
        return lambda y_pred, y_true, fraction: regression_accuracy(
            y_pred, y_true, tolerance(y_pred, y_true, fraction))

    for spread, words in [(lambda p, t: np.std(t), "standard deviation of the targets"),
                          (lambda p, t: np.std(p), "standard deviation of the predictions"),
                          (lambda p, t: 1.0, "not the fraction itself")]:
        verdict = check_tolerance_accuracy(
            with_tolerance(lambda p, t, f, spread=spread: f * spread(p, t)))
        assert verdict.status == "wrong", repr(verdict)
        assert words in verdict.message, repr(verdict)


def test_float32_data_in_the_model_exercise_is_named_not_blamed_on_the_rng():
    from nnfs_exercises.nb20 import check_trained_model

    verdict = check_trained_model(REFS["nb20"].trained_model_float32_data())
    assert verdict.status == "wrong", repr(verdict)
    assert "float32" in verdict.message and "astype" in verdict.message, repr(verdict)
