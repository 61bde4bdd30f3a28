# Two commands are all a fresh machine needs: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test check schema clean

# editable_mode=compat installs a plain path entry: no import hook slows every `vb` start-up.
# The package's bytecode is written once here, also where PYTHONDONTWRITEBYTECODE is set.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[test]'
	$(BIN)/python -m compileall -q generator  # as pip does for installed packages: `vb` starts without compiling
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/vb check content/

# `vb build` checks the content first; site/ is replaced only by a successful build.
site: $(STAMP)
	$(BIN)/vb build

test: $(STAMP)
	$(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/vb schema --out schemas/

clean:
	rm -rf $(VENV) site
