"""The stored outputs are computed, and compared, under one fixed arithmetic.

tools/reproducible_env.py says why: without it an AVX2 machine printed
different numbers from an AVX-512 one in 44 cells of notebooks 10-22.
"""

import json
import platform
import re
import subprocess
import sys

import pytest
import reproducible_env
from reproducible_env import environment, has_avx2

from conftest import ROOT

CPUINFO_FLAGS = "flags\t\t: fpu vme sse sse2 avx fma {extra}\n"


@pytest.mark.parametrize("extra, expected", [("avx2 avx512f", True), ("", False),
                                             ("avx2", True), ("avx512f", False)])
def test_has_avx2_reads_the_flags_line(tmp_path, monkeypatch, extra, expected):
    monkeypatch.setattr(platform, "machine", lambda: "x86_64")
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("model name\t: Some CPU with avx2 in its name\n"
                       + CPUINFO_FLAGS.format(extra=extra))
    assert has_avx2(cpuinfo) is expected


def test_no_openblas_core_off_x86(tmp_path, monkeypatch):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(CPUINFO_FLAGS.format(extra="avx2"))
    monkeypatch.setattr(platform, "machine", lambda: "arm64")
    assert not has_avx2(cpuinfo)
    monkeypatch.setattr(reproducible_env, "has_avx2", lambda: False)
    assert "OPENBLAS_CORETYPE" not in environment()


def test_environment_fixes_threads_and_cpu_code():
    env = environment()
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        assert env[name] == "1"
    assert env["NPY_DISABLE_CPU_FEATURES"].split() == ["X86_V4", "AVX512_ICL", "AVX512_SPR"]
    assert ("OPENBLAS_CORETYPE" in env) is has_avx2()


KERNEL_REPORT = """
import json
from numpy._core._multiarray_umath import __cpu_features__
from threadpoolctl import threadpool_info
blas = [pool for pool in threadpool_info() if pool["internal_api"] == "openblas"]
print(json.dumps({"features": __cpu_features__, "blas": blas}))
"""


def run_with_the_tests_environment(code):
    # Kernels that nbval and the browser tests start inherit this process's
    # environment, which conftest.py set.
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    return json.loads(result.stdout)


def test_kernels_run_numpy_without_avx512_code():
    report = run_with_the_tests_environment(KERNEL_REPORT)
    features = report["features"]
    assert features.get("X86_V4", False) is False
    assert features.get("AVX512_ICL", False) is False


def test_kernels_run_openblas_haswell_kernels_where_there_is_avx2():
    report = run_with_the_tests_environment(KERNEL_REPORT)
    assert report["blas"], "NumPy's OpenBLAS was not found"
    architectures = {pool["architecture"] for pool in report["blas"]}
    if has_avx2():
        assert architectures == {"Haswell"}
    else:  # OpenBLAS chooses; nothing to pin
        assert architectures


def test_printed_settings_survive_the_shell():
    # The Makefile puts the script's output in front of commands; the NumPy
    # value holds spaces, so the quoting must hold.
    words = subprocess.run([sys.executable, str(ROOT / "tools" / "reproducible_env.py")],
                           capture_output=True, text=True, check=True).stdout.strip()
    shown = subprocess.run(
        ["sh", "-c", f"{words} {sys.executable} -c "
                     "'import json, os; print(json.dumps(dict(os.environ)))'"],
        capture_output=True, text=True, check=True).stdout
    seen = json.loads(shown)
    for name, value in environment().items():
        assert seen[name] == value


@pytest.mark.parametrize("target", ["lab", "test", "notebooks"])
def test_make_targets_run_under_the_settings(target):
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^REPRODUCIBLE_ENV = \$\(shell \$\(PYTHON\) tools/reproducible_env.py\)$",
                     makefile, flags=re.MULTILINE)
    recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE).group(1)
    commands = [line for line in recipe.splitlines() if "$(BIN)/" in line]
    main = {"lab": "jupyter lab", "test": "pytest", "notebooks": "build_notebooks.py"}[target]
    assert any(main in line and line.strip().startswith("$(REPRODUCIBLE_ENV) ")
               for line in commands), recipe


def test_build_script_uses_the_settings():
    source = (ROOT / "tools" / "build_notebooks.py").read_text()
    assert "from reproducible_env import environment" in source
    assert "os.environ.update(environment())" in source
