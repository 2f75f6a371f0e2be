"""The training benchmark behind `make bench` (issue #5): what it compares is comparable.

Timing is the benchmark's job, not the tests' (a timed test fails on a busy
machine). These tests check that its contenders train the same network the
same way, so its table compares like with like, and that the script runs.
"""

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT
from nnfs_helpers import spiral_data

BENCH_PATH = ROOT / "benchmarks" / "bench_training.py"


@pytest.fixture(scope="module")
def bench():
    # The script imports its neighbour book_style.py, as it does when run.
    if str(BENCH_PATH.parent) not in sys.path:
        sys.path.insert(0, str(BENCH_PATH.parent))
    spec = importlib.util.spec_from_file_location("bench_training", BENCH_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spiral():
    return spiral_data(30, 3)


@pytest.mark.parametrize("epochs", [1, 2, 5])
def test_yardstick_takes_the_courses_steps(bench, spiral, epochs):
    # Same initial weights, same Adam: in the first epochs, before float32
    # rounding has had time to grow, the loss and accuracy must agree.
    X, y = spiral
    course_loss, course_accuracy = bench.train_course(X, y, epochs)
    yardstick_loss, yardstick_accuracy = bench.train_reference(X, y, epochs)
    assert yardstick_loss == pytest.approx(course_loss, rel=1e-5)
    assert yardstick_accuracy == course_accuracy


def test_yardstick_learns_like_the_course(bench, spiral):
    # After a real run the two differ by float32 rounding only: both learn.
    X, y = spiral
    course_loss, course_accuracy = bench.train_course(X, y, 300)
    yardstick_loss, yardstick_accuracy = bench.train_reference(X, y, 300)
    start_loss = float(np.log(3))  # the loss of uniform guesses
    assert course_loss < 0.8 * start_loss and yardstick_loss < 0.8 * start_loss
    assert yardstick_loss == pytest.approx(course_loss, rel=0.1)
    assert abs(yardstick_accuracy - course_accuracy) <= 0.1


@pytest.mark.parametrize("epochs", [1, 5, 300])
def test_book_style_code_takes_the_courses_steps(bench, spiral, epochs):
    # The book's code and the course's classes compute the same formulas in
    # float64 from the same weights: only the last bits of a few sums differ.
    X, y = spiral
    course_loss, course_accuracy = bench.train_course(X, y, epochs)
    book_loss, book_accuracy = bench.train_book(X, y, epochs)
    assert book_loss == pytest.approx(course_loss, rel=1e-6)
    assert book_accuracy == course_accuracy


def test_scikit_learn_contender_trains_the_same_network(bench, spiral):
    X, y = spiral
    loss, accuracy = bench.train_sklearn(X, y, 300)
    assert loss < 0.8 * float(np.log(3))
    assert accuracy > 0.5  # three classes: chance is 1/3


def test_make_bench_prints_a_row_per_contender(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCH_PATH), "--epochs", "3", "--repeats", "1", "--samples", "10"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=True,
    )
    rows = [line for line in result.stdout.splitlines() if line.startswith("| 30 points")]
    names = [row.split("|")[2].strip() for row in rows]
    assert names[:4] == ["course (notebook 11's loop)", "book's chapter-10 code",
                         "hand-tuned NumPy (yardstick)", "scikit-learn MLPClassifier"]
    for row in rows:
        cells = [cell.strip() for cell in row.split("|")[1:-1]]
        seconds, loss, accuracy = float(cells[2].split()[0]), float(cells[5]), float(cells[6])
        assert seconds >= 0  # printed to 0.01 s: three epochs can round to 0.00
        assert np.isfinite(loss) and 0 <= accuracy <= 1
