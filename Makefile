# YogaFlow: `make run` serves the app on SQLite, `make test` runs every test.
# Both set up what a fresh Debian machine lacks (uv, the venv from uv.lock,
# Chromium for the browser tests).

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# uv from the PATH if there is one, else a pinned copy bootstrapped into .tools/.
UV_BOOTSTRAP := .tools/bin/uv
UV := $(or $(shell command -v uv 2>/dev/null),$(UV_BOOTSTRAP))
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint format install chromium wrk nginx bench load scale-test clean contract-tools contract-lint worker beat

run: install
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py load_library
	@if [ -z "$$CELERY_BROKER_URL" ]; then \
		echo "No CELERY_BROKER_URL: mail is sent inside the request, and practice reminders are NOT sent."; \
		echo "For reminders: CELERY_BROKER_URL=redis://127.0.0.1:6379/1 for both 'make run' and 'make worker' (worker + scheduler)."; \
	else \
		echo "Mail and reminders are queued on $$CELERY_BROKER_URL: run 'make worker' beside this (worker + scheduler)."; \
	fi
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Background work (mail, practice reminders, daily clean-ups): a Celery worker with the
# scheduler embedded (-B; one per deployment). WORKER_BEAT=0 for more workers without it,
# and `make beat` for a scheduler of its own. Needs the same CELERY_BROKER_URL as the app.
WORKER_BEAT ?= 1
WORKER_CONCURRENCY ?= 2
worker: install
	@test -n "$$CELERY_BROKER_URL" || { echo "make worker needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/1 (the same for make run)"; exit 1; }
	DEBUG=$${DEBUG:-true} $(VENV)/bin/celery -A yogaflow worker --loglevel=INFO \
		--concurrency=$(WORKER_CONCURRENCY) $(if $(filter 1,$(WORKER_BEAT)),-B)

beat: install
	@test -n "$$CELERY_BROKER_URL" || { echo "make beat needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/1"; exit 1; }
	DEBUG=$${DEBUG:-true} $(VENV)/bin/celery -A yogaflow beat --loglevel=INFO

test: install chromium wrk nginx contract-tools
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

$(UV_BOOTSTRAP):
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv==0.13.9

# One environment for serving and testing, exactly as uv.lock pins it.
install: $(UV)
	$(UV) sync --frozen --python python3.11

# Browser tests drive Debian's Chromium; never `playwright install`.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The load tests drive the app with wrk (Debian's package).
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the load tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }

# The scale-out test drives a real nginx (Debian's package) in front of two gunicorns.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
		echo "Installing Debian's nginx for the scale-out test"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx; }

# Load figures for docs/performance.md (PostgreSQL + Redis on 127.0.0.1, wrk, gunicorn).
bench: install wrk
	$(PY) bench/run.py

# Load with writes at 8 and 32 connections on private PostgreSQL and Redis: docs/load.md.
load: install wrk
	$(PY) bench/load.py --write-docs

# The API schema's lint (yogaflow/tests/test_contract.py runs it too): Redocly CLI, exactly as
# contract/package-lock.json pins it. Nothing but the npm install goes to the network.
REDOCLY := contract/node_modules/.bin/redocly
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

contract-tools:
	@command -v npm >/dev/null 2>&1 || { echo "npm not found: the Redocly lint test will skip"; exit 0; }; \
	[ contract/node_modules/.package-lock.json -nt contract/package-lock.json ] || \
		npm ci --prefix contract --no-audit --no-fund

contract-lint: install contract-tools
	DEBUG=true $(PY) manage.py spectacular --validate --fail-on-warn --file contract/openapi.yaml
	$(REDOCLY) lint --config contract/redocly.yaml contract/openapi.yaml

# The deploy files at work: two gunicorns (deploy/bin/web.sh) behind nginx on private
# PostgreSQL and Redis, one killed mid-run; figures to docs/scale.md (--short: the CI form).
scale-test: install nginx
	$(PY) deploy/scale_test.py --write-docs

clean:
	rm -rf $(VENV) .tools staticfiles .pytest_cache .hypothesis contract/node_modules contract/openapi.yaml
