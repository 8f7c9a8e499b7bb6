# Masar — the two commands: `make run` (set up and serve with demo data) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo relaxes two-factor enrolment for the demo logins (the login page says so).
DEMO_RELAX_2FA ?= true

.PHONY: run setup deps deps-dev system-deps messages test lint check clean-db

run: setup
	$(PY) manage.py seed_demo
	@echo "Masar is served at http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	MASAR_DEMO_RELAX_2FA=$(DEMO_RELAX_2FA) $(PY) manage.py runserver $(HOST):$(PORT)

setup: deps messages
	$(PY) manage.py migrate --noinput

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet "uv==$(UV_VERSION)"

deps: $(UV)
	$(UV) sync --frozen --python $(PY)

deps-dev: $(UV)
	$(UV) sync --frozen --group dev --python $(PY)

messages:
	@command -v msgfmt >/dev/null || bash scripts/system-deps.sh gettext
	$(PY) manage.py compilemessages --ignore=.venv -v 0

system-deps:
	bash scripts/system-deps.sh gettext chromium postgresql poppler

test: deps-dev system-deps messages
	bash scripts/test.sh $(ARGS)

lint: deps-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
