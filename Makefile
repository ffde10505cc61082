# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: run test lint bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	FAGWORKSHOP_SESSIONS_DIR="$(CURDIR)/sessions" $(VENV)/bin/fagworkshop $(ARGS)

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests tools
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy src tests tools

clean:
	rm -rf $(VENV) build dist

bench: $(STAMP)
	PYTHONPATH=tools $(PY) -m fagworkshop_tools.bench --json bench/results.json

fuzz: $(STAMP)
	PYTHONPATH=tools $(PY) -m fagworkshop_tools.fuzz --cases 5000 --kills 500 --large --truncations --typing-kills 120
