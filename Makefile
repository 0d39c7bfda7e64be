# Every target creates or reuses .venv and installs Accord into it first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export ACCORD_DATA_DIR ?= $(CURDIR)/.accord

.PHONY: install run test test-all lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

HOST ?= 127.0.0.1
PORT ?= 8000

## The main job: a SQLite store in ./.accord, a demo organisation with an admin and a token,
## the sample corpus imported, the stats and credentials printed, then the REST API served.
run: install
	$(BIN)/accord quickstart --serve --host $(HOST) --port $(PORT)

## The default test run (PostgreSQL tests too when ACCORD_TEST_DATABASE_URL is set).
test: install
	$(BIN)/python -m pytest

## Everything, slow tests included.
test-all: install
	$(BIN)/python -m pytest -m "slow or not slow"

lint: install
	$(BIN)/ruff check accord tests bench
	$(BIN)/ruff format --check accord tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/import.py

clean:
	rm -rf $(VENV) .accord .pytest_cache .mypy_cache .ruff_cache *.egg-info
