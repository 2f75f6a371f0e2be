# The two commands a learner needs: `make lab` and `make test`.
# Each creates .venv and installs requirements.txt first (once; again only
# when requirements.txt or pyproject.toml change).

PYTHON ?= python3

# One BLAS thread: the course's networks are small, so more threads only add
# overhead, and on a busy machine they slow training down many times over.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
# Kernels, tests and notebook builds also fix the code NumPy and OpenBLAS
# choose for the CPU, so that any x86-64 machine with AVX2 computes exactly the
# stored outputs (tools/reproducible_env.py explains). `make bench` does not:
# it measures the machine's own, fastest code.
REPRODUCIBLE_ENV = $(shell $(PYTHON) tools/reproducible_env.py)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install lab test notebooks bench lint clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# JupyterLab on this machine only (127.0.0.1), with token authentication on:
# open the link with the token that it prints. Jupyter refuses to run as root
# unless told to, which containers and CI machines often are; only then is
# --allow-root passed.
lab: install
	$(REPRODUCIBLE_ENV) $(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks \
		$(if $(filter 0,$(shell id -u)),--allow-root)

# Lint, then everything pytest collects: unit tests, the browser tests (skipped,
# with a note, when Chromium is missing), and nbval over every notebook.
test: install
	$(BIN)/ruff check .
	$(REPRODUCIBLE_ENV) $(BIN)/pytest

# Re-execute every notebook on a fresh kernel and store its outputs.
notebooks: install
	$(REPRODUCIBLE_ENV) $(BIN)/python tools/build_notebooks.py

# Time the training loop the notebooks teach against scikit-learn (and PyTorch
# when installed); prints a table. Takes a minute or two.
bench: install
	$(BIN)/python benchmarks/bench_training.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) test-artifacts
