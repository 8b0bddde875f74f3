# Service Training: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
LRS_VENV ?= .venv-lrs
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n 2
LOAD_DATABASE_URL ?= sqlite:///$(CURDIR)/load-run.sqlite3
LOAD_ARGS ?= --users 50 --seconds 120

.DEFAULT_GOAL := help
.PHONY: help run demo install install-dev lrs test lint format check e2e messages bench load

help:  ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt $(LRS_VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

# Ralph's dependencies clash with the product's pins: it gets a virtualenv of its own.
$(LRS_VENV)/.installed: requirements-lrs.txt
	$(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install --quiet --upgrade pip
	$(LRS_VENV)/bin/pip install --quiet -r requirements-lrs.txt
	touch $@

install: $(VENV)/.installed  ## Create .venv with the pinned runtime dependencies

install-dev: $(VENV)/.installed-dev  ## Add the pinned test and lint dependencies, and the test LRS (.venv-lrs)

lrs: $(LRS_VENV)/.installed  ## The learning record store the tests start (Ralph), in .venv-lrs

demo: install  ## Migrate and load the demo content (idempotent), and index it for search
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py update_index

run: demo  ## Run the product with demo content at http://127.0.0.1:8000
	$(PY) manage.py runserver $(HOST)

lint: install-dev  ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev  ## Format and fix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install-dev  ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=training.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=training.settings.test $(PY) manage.py makemigrations --check --dry-run

test: lint check  ## Lint, checks and the whole test suite (DATABASE_URL picks the database)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

e2e: install-dev  ## Only the real-browser tests
	$(VENV)/bin/pytest tests/e2e $(PYTEST_ARGS)

messages: install-dev  ## Refresh the .po files of the four languages
	$(PY) manage.py makemessages --all --ignore='.venv/*' --ignore='.venv-lrs/*' --ignore='staticfiles/*' --ignore='tests/*'

bench: install  ## Fresh database, demo + BENCH_PEOPLE people (10000), gunicorn + wrk; prints the figures
	$(PY) -m training.benchmark

load: install  ## 50 people at once for 2 minutes against gunicorn, on a new database (LOAD_DATABASE_URL)
	rm -f load-run.sqlite3 load-run.sqlite3-wal load-run.sqlite3-shm
	DATABASE_URL=$(LOAD_DATABASE_URL) $(PY) manage.py load_run $(LOAD_ARGS)
