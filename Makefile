# The two commands a learner needs: `make lab` and `make test`.
# Each creates .venv and installs requirements.txt first (once; again only
# when requirements.txt or pyproject.toml change).

PYTHON ?= python3

# One BLAS thread: the course's networks are small, so more threads only add
# overhead, and on a busy machine they slow training down many times over.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
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
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks \
		$(if $(filter 0,$(shell id -u)),--allow-root)

# Lint, then everything pytest collects: unit tests, the browser tests (skipped,
# with a note, when Chromium is missing), and nbval over every notebook.
test: install
	$(BIN)/ruff check .
	$(BIN)/pytest

# Re-execute every notebook on a fresh kernel and store its outputs.
notebooks: install
	$(BIN)/python tools/build_notebooks.py

# Time the training loop the notebooks teach against scikit-learn (and PyTorch
# when installed); prints a table. Takes a minute or two.
bench: install
	$(BIN)/python benchmarks/bench_training.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) test-artifacts
