"""The training benchmark behind `make bench` (issues #5 and #14): what it compares is comparable.

Timing is the benchmark's job, not the tests' (a timed test fails on a busy
machine). These tests check that its rows train the same network the same way,
so its table compares like with like; that the book's script runs in its own
process; that rounds are interleaved; and that the table and the JSON rows
come out as documented.
"""

import importlib.util
import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import ROOT
from nnfs_helpers import DenseLayer, spiral_data

BENCH_DIR = ROOT / "benchmarks"
BENCH_PATH = BENCH_DIR / "bench_training.py"


def load(name):
    spec = importlib.util.spec_from_file_location(name, BENCH_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return load("bench_training")


@pytest.fixture(scope="module")
def book():
    return load("book_style")  # imported, it patches nothing (nnfs.init() is in main)


@pytest.mark.parametrize("epochs", [1, 5, 20])
def test_fast_row_takes_the_taught_rows_steps(bench, epochs):
    # Same start, same Adam: before float32 rounding has had time to grow,
    # the loss and accuracy agree.
    _, taught_loss, taught_accuracy = bench.run_taught(10, epochs)
    _, fast_loss, fast_accuracy = bench.run_fast(10, epochs)
    assert fast_loss == pytest.approx(taught_loss, rel=1e-5)
    assert fast_accuracy == taught_accuracy


@pytest.mark.parametrize("epochs", [1, 5, 300])
def test_the_books_classes_take_the_taught_loops_steps(bench, book, epochs):
    # The book's code and the course's classes compute the same formulas: from
    # the course's starting weights, in float64, only the last bits of sums differ.
    X, y = spiral_data(10, 3)
    _, taught_loss, taught_accuracy = bench.run_taught(10, epochs)
    layers = []
    for seed, (n_inputs, n_neurons) in enumerate([(2, 64), (64, 3)]):
        layer = book.Layer_Dense.__new__(book.Layer_Dense)  # the book's init draws randn
        course = DenseLayer(n_inputs, n_neurons, rng=seed)
        layer.weights, layer.biases = course.weights, course.biases
        layers.append(layer)
    optimizer = book.Optimizer_Adam(learning_rate=0.05, decay=5e-7)
    book_loss, book_accuracy = book.train(X, y, epochs, *layers, optimizer)
    assert book_loss == pytest.approx(taught_loss, rel=1e-6)
    assert book_accuracy == taught_accuracy


def test_book_style_row_runs_the_books_script_in_its_own_process(bench):
    # nnfs.init() seeds the book's weights (0.01 * randn): one epoch's loss is
    # that of near-uniform guesses, ln 3; and this process's NumPy is untouched.
    dot = np.dot
    seconds, loss, accuracy = bench.run_book_style(10, 1)
    assert np.dot is dot and np.zeros(1).dtype == np.float64
    assert seconds >= 0 and loss == pytest.approx(np.log(3), abs=1e-3)
    assert 0 <= accuracy <= 1
    _, trained_loss, _ = bench.run_book_style(10, 300)
    assert trained_loss < 0.8 * np.log(3)  # it learns


def test_scikit_learn_row_trains_the_same_network(bench):
    _, loss, accuracy = bench.run_sklearn(10, 300)
    assert loss < 0.8 * float(np.log(3))
    assert accuracy > 0.5  # three classes: chance is 1/3


def test_rounds_are_interleaved_and_the_median_is_kept(bench):
    calls = []
    times = {"a": iter([0, 3.0, 1.0, 2.0]), "b": iter([0, 5.0, 6.0, 4.0])}

    def run(name):
        def train(samples, epochs, seed=0):
            calls.append((name, epochs))
            return next(times[name]), 0.5, 0.75
        return train

    rows = bench.measure(7, 100, 3, [("a", run("a")), ("b", run("b"))])
    assert calls == [("a", 10), ("b", 10)] + [("a", 100), ("b", 100)] * 3
    assert rows == [
        {"implementation": "a", "samples": 7, "seconds": 2.0, "loss": 0.5, "accuracy": 0.75},
        {"implementation": "b", "samples": 7, "seconds": 5.0, "loss": 0.5, "accuracy": 0.75},
    ]


def test_speedups_compare_the_fast_row_with_each_baseline(bench):
    rows = [{"implementation": name, "samples": samples, "seconds": seconds,
             "loss": 0.1, "accuracy": 0.9}
            for name, samples, seconds in [("fast", 100, 0.5), ("book-style", 100, 2.5),
                                           ("scikit-learn", 100, 1.0), ("fast", 1000, 2.0),
                                           ("book-style", 1000, 30.0)]]
    found = {(baseline, samples): (ratio, target)
             for baseline, samples, ratio, target in bench.speedups(rows)}
    assert found == {("book-style", 100): (5.0, 4.0), ("scikit-learn", 100): (2.0, 3.0),
                     ("book-style", 1000): (15.0, 10.0)}


def test_make_bench_prints_the_table_and_writes_the_json_rows(tmp_path):
    path = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(BENCH_PATH), "--epochs", "3", "--repeats", "1",
         "--samples", "10", "--json", str(path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, check=True,
    )
    table = [line for line in result.stdout.splitlines() if line.startswith("| 30 points")]
    names = [line.split("|")[2].strip() for line in table]
    written = json.loads(path.read_text())
    expected = ["taught", "fast", "book-style", "scikit-learn"]
    assert names[:4] == expected
    assert [row["implementation"] for row in written["rows"]][:4] == expected
    for row in written["rows"]:
        assert set(row) == {"implementation", "samples", "seconds", "loss", "accuracy"}
        assert row["samples"] == 10 and row["seconds"] >= 0
        assert np.isfinite(row["loss"]) and 0 <= row["accuracy"] <= 1
    assert written["machine"]["cores"] >= 1
    assert written["settings"]["epochs"] == 3
    if "pytorch" not in names:
        assert "PyTorch is not installed" in result.stdout
