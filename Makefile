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

.PHONY: run test lint format install chromium wrk nginx bench load scale-test clean

run: install
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py load_library
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install chromium wrk nginx
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

# The deploy files at work: two gunicorns (deploy/bin/web.sh) behind nginx on private
# PostgreSQL and Redis, one killed mid-run; figures to docs/scale.md (--short: the CI form).
scale-test: install nginx
	$(PY) deploy/scale_test.py --write-docs

clean:
	rm -rf $(VENV) .tools staticfiles .pytest_cache .hypothesis
