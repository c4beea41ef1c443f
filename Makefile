# Two commands do all the set-up:  `make run` starts the app, `make test` runs every check.
# Both install exactly the versions pinned in uv.lock (hashes checked) into .venv, with
# Python 3.11+ from this machine; a new release upstream changes nothing until `make lock`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
TOOLS  := .tools
UV     := $(TOOLS)/bin/uv
UV_SYNC = $(UV) sync --locked --python $(PYTHON)

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint format lock mutants bench browser clean

run: $(UV)
	$(UV_SYNC) --inexact
	$(BIN)/streamlit run app.py

# `uv sync --locked` stops with an error when pyproject.toml and uv.lock disagree.
test: $(UV) browser
	$(UV_SYNC) --extra test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/atlas schema --check
	$(BIN)/atlas validate --strict cases/
	$(BIN)/python -m pytest

format: $(UV)
	$(UV_SYNC) --extra test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# After editing the dependencies in pyproject.toml; `make lock UPGRADE=streamlit` moves
# one package (and what it needs) to its newest allowed release, `UPGRADE=all` every one.
lock: $(UV)
	$(UV) lock --python $(PYTHON) $(if $(UPGRADE),$(if $(filter all,$(UPGRADE)),--upgrade,--upgrade-package $(UPGRADE)))

# Mutation testing of the loading code (atlas/filters.py, loader.py, snapshot.py,
# yaml_source*.py; [tool.mutmut] in pyproject.toml): slow, so not part of `make test`.
# mutants/ keeps the results, so a second run only retries what changed.
# `make mutants JOBS=1` on a busy machine.
JOBS ?= 2
mutants: $(UV)
	$(UV_SYNC) --extra test --extra mutants
	$(BIN)/mutmut run --max-children $(JOBS)
	$(BIN)/python scripts/mutation_score.py

# The app beside Datasette (the locked `benchmark` extra) and a one-line Streamlit app, in
# headless Chromium, at the curated library, 1,000 and 10,000 cases: a table of figures and
# targets, benchmarks/out/peers.json and peers.png. About 15 minutes; not part of `make test`.
bench: $(UV) browser
	$(UV_SYNC) --extra test --extra benchmark
	$(BIN)/python benchmarks/peers.py

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser:
	@sh scripts/install-browser.sh

$(UV): scripts/uv-requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r scripts/uv-requirements.txt
	touch $@

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache mutants benchmarks/out
