# Two commands are all a fresh machine needs: `make site` and `make test`.
PYTHON ?= python3
# CI adds the extra fuzz (atheris has wheels for Linux x86-64 only): make test EXTRAS=test,fuzz
EXTRAS ?= test
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test check schema fmt clean

# editable_mode=compat installs a plain path entry: no import hook slows every `vb` start-up.
# The package's bytecode is written once here, also where PYTHONDONTWRITEBYTECODE is set.
$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[$(EXTRAS)]'
	$(BIN)/python -m compileall -q generator  # as pip does for installed packages: `vb` starts without compiling
	touch $(STAMP)

# The browser editor (Decap CMS, served from site/redigera/) and its local server, pinned by editor/package-lock.json.
EDITOR_STAMP := editor/node_modules/.package-lock.json
$(EDITOR_STAMP): editor/package.json editor/package-lock.json
	cd editor && npm ci --no-audit --no-fund --loglevel=error

check: $(STAMP)
	$(BIN)/vb check content/

# `vb build` checks the content first; site/ is replaced only by a successful build.
site: $(STAMP) $(EDITOR_STAMP)
	$(BIN)/vb build

# Both cores (pytest-xdist; a module's tests on one worker, so that its fixtures are made once); `make test PYTEST_ARGS="-m 'not slow'"` leaves out the slow tests.
# Lint and format (ruff), types (mypy, strict on the core stages), then every test on both cores.
test: $(STAMP) $(EDITOR_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n auto --dist loadscope $(PYTEST_ARGS)

schema: $(STAMP)
	$(BIN)/vb schema --out schemas/

# Reports in the layout the editor saves, so that an edit there changes only its own lines.
fmt: $(STAMP)
	$(BIN)/vb fmt content/

clean:
	rm -rf $(VENV) site editor/node_modules
