"""Checked claims and seed studies (notebook 11), and the other-CPU emulation."""

import platform
import subprocess
import sys

import matplotlib.pyplot as plt
import numpy as np
import pytest

from conftest import ROOT
from nnfs_helpers import check_claim, plot_seed_study, print_seed_study, seed_study

sys.path.insert(0, str(ROOT / "tools"))
import other_cpu  # noqa: E402


def test_check_claim_prints_a_tick_when_it_holds(capsys):
    check_claim("the accuracy is above 0.9", 0.95 > 0.9)
    assert capsys.readouterr().out == "\u2713 the accuracy is above 0.9\n"


def test_check_claim_accepts_numpy_booleans(capsys):
    check_claim("every value is positive", np.all(np.array([1, 2]) > 0))
    assert capsys.readouterr().out.startswith("\u2713")


def test_check_claim_raises_naming_the_claim_when_it_fails(capsys):
    with pytest.raises(AssertionError, match="the loss is below 0.1"):
        check_claim("the loss is below 0.1", 0.3 < 0.1)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("holds", [1, 0.0, "yes", None, np.array([True, True])])
def test_check_claim_refuses_what_is_not_a_verdict(holds):
    # An array or a number passed by mistake must not count as a kept claim.
    with pytest.raises(TypeError, match="True or False"):
        check_claim("something", holds)


def test_seed_study_runs_once_per_seed_in_order():
    calls = []

    def run(seed):
        calls.append(seed)
        return {"accuracy": seed / 10, "loss": float(seed)}

    study = seed_study(run, [3, 1, 2])
    assert calls == [3, 1, 2]
    np.testing.assert_array_equal(study["accuracy"], [0.3, 0.1, 0.2])
    np.testing.assert_array_equal(study["loss"], [3.0, 1.0, 2.0])
    assert study["loss"].shape == (3,)


def test_seed_study_needs_a_seed():
    with pytest.raises(ValueError, match="at least one seed"):
        seed_study(lambda seed: {"loss": 0.0}, [])


def test_seed_study_of_a_seeded_run_is_reproducible():
    def run(seed):
        return {"draw": np.random.default_rng(seed).normal()}

    first, second = seed_study(run, range(5)), seed_study(run, range(5))
    np.testing.assert_array_equal(first["draw"], second["draw"])
    assert len(set(first["draw"])) == 5


def test_print_seed_study_shows_median_spread_and_every_seed(capsys):
    studies = {"plain": {"accuracy": np.array([0.5, 0.7, 0.6])},
               "momentum": {"accuracy": np.array([0.9, 0.8, 0.95])}}
    print_seed_study(studies, "accuracy")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["median", "min", "max"]
    assert lines[1].split() == ["plain", "0.600", "0.500", "0.700", "0.500", "0.700", "0.600"]
    assert lines[2].split() == ["momentum", "0.900", "0.800", "0.950",
                                "0.900", "0.800", "0.950"]


def test_plot_seed_study_draws_a_dot_per_seed_and_a_median_per_setting():
    studies = {"a": {"accuracy": np.array([0.5, 0.7, 0.6])},
               "b": {"accuracy": np.array([0.9, 0.8, 0.95, 0.85])}}
    ax = plot_seed_study(studies, "accuracy", title="spread")
    dots = [collection.get_offsets()[:, 0] for collection in ax.collections]
    np.testing.assert_allclose(dots[0], [0.5, 0.7, 0.6])
    np.testing.assert_allclose(dots[1], [0.9, 0.8, 0.95, 0.85])
    medians = [line.get_xdata()[0] for line in ax.lines]
    assert medians == [0.6, 0.875]
    assert [label.get_text() for label in ax.get_yticklabels()] == ["a", "b"]
    assert ax.get_title() == "spread"
    plt.close(ax.figure)


@pytest.mark.skipif(platform.machine().lower() not in ("x86_64", "amd64"),
                    reason="OpenBLAS's SandyBridge kernels exist on x86-64 only")
def test_other_cpu_settings_switch_numpy_and_openblas_to_other_code():
    env = dict(other_cpu.environment(), PATH="", OPENBLAS_NUM_THREADS="1")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "other_cpu.py"), "--check"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "in effect" in done.stdout


def test_other_cpu_check_fails_without_the_settings():
    env = {"PATH": "", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "other_cpu.py"), "--check"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "not in effect" in done.stderr


def test_makefile_runs_the_notebooks_under_the_other_cpu_settings():
    makefile = (ROOT / "Makefile").read_text()
    assert "OTHER_CPU = $(shell $(PYTHON) tools/other_cpu.py)" in makefile
    assert "env $(OTHER_CPU) $(BIN)/python tools/other_cpu.py --check" in makefile
    assert "env $(OTHER_CPU) $(BIN)/pytest notebooks" in makefile
    assert "make test-other-cpu" in (ROOT / ".ci" / "run").read_text()
