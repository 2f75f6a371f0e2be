# The two commands a learner needs: `make lab` and `make test`.
# Each creates .venv and installs requirements.txt first (once; again only
# when requirements.txt or pyproject.toml change).

PYTHON ?= python3

# One BLAS thread: the course's networks are small, so more threads only add
# overhead, and on a busy machine they slow training down many times over.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
# Everything runs the machine's own CPU code: the notebooks must hold on any
# machine. `make test-other-cpu` validates them again as another CPU computes
# (tools/other_cpu.py explains how that is emulated on x86-64).
OTHER_CPU = $(shell $(PYTHON) tools/other_cpu.py)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITE_STAMP := $(VENV)/.site-installed

.PHONY: install lab test test-other-cpu notebooks bench site lint clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The website's tools (Sphinx, myst-nb, the book theme, MathJax), on top.
$(SITE_STAMP): requirements-site.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-site.txt
	touch $(SITE_STAMP)

# JupyterLab on this machine only (127.0.0.1), with token authentication on:
# open the link with the token that it prints. Jupyter refuses to run as root
# unless told to, which containers and CI machines often are; only then is
# --allow-root passed.
lab: install
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks \
		$(if $(filter 0,$(shell id -u)),--allow-root)

# Lint, then everything pytest collects: unit tests, the browser tests (skipped,
# with a note, when Chromium is missing), and nbval over every notebook. The
# site tests build the website first, so its tools are installed too.
test: install $(SITE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

# nbval over every notebook once more, under another CPU's arithmetic (x86-64
# only): OpenBLAS's SandyBridge kernels and NumPy without AVX2/FMA3/AVX-512.
# The first command fails unless the emulation really is in effect.
test-other-cpu: install
	env $(OTHER_CPU) $(BIN)/python tools/other_cpu.py --check
	env $(OTHER_CPU) $(BIN)/pytest notebooks

# Re-execute every notebook on a fresh kernel and store its outputs.
notebooks: install
	$(BIN)/python tools/build_notebooks.py

# Time the taught loop and notebook 23's fast loop against the book's code and
# scikit-learn (and PyTorch when installed); prints a table. Takes about five
# minutes. `make bench BENCH_ARGS="--json bench.json"` also writes the rows as JSON.
bench: install
	$(BIN)/python benchmarks/bench_training.py $(BENCH_ARGS)

# The course as a static website in site/, from README.md and the notebooks as
# stored (nothing is executed); serve it with `python -m http.server -d site`.
site: install $(SITE_STAMP)
	$(BIN)/python tools/build_site.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) test-artifacts site build/site
