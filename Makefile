# Peerpath: `make run` to try it, `make test` to check it. Needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The whole suite's line coverage may not fall below this (a part of it, PYTEST_ARGS, may).
# Raise it when coverage rises; never lower it.
COVERAGE_FLOOR := 94
# `make test` runs pytest in one process per core (pytest-xdist); TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= auto

.PHONY: run install install-dev migrate seed test lint pytest worker beat bench clean

# A stamp per dependency set, so repeated runs skip pip when pyproject.toml is unchanged.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

run: seed
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/djlint templates --lint
	$(BIN)/lint-imports

# PYTEST_ARGS passes options to pytest, e.g. PYTEST_ARGS='-m "not browser"' make test.
test: lint
	$(MANAGE) makemigrations --check --dry-run --settings=cms.settings.test
	SECRET_KEY=ci-only-dummy-secret-key-for-check-deploy-0123456789abcdefghijklmnopqrstuvwxyz \
		$(MANAGE) check --deploy --fail-level WARNING --settings=cms.settings.production
	$(BIN)/pytest -n $(TEST_WORKERS) $(if $(PYTEST_ARGS),,--cov-fail-under=$(COVERAGE_FLOOR)) $(PYTEST_ARGS)

pytest: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install-dev
	$(BIN)/python bench/run_all.py

worker: install
	$(BIN)/celery -A cms worker --loglevel=INFO

beat: install
	$(BIN)/celery -A cms beat --loglevel=INFO

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles .test-media
