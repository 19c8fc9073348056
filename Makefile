# Raadsplein — the one entry point. `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000
CONSTRAINTS := requirements/constraints.txt
export DJANGO_SETTINGS_MODULE ?= raadsplein.settings.dev

.PHONY: run test lint audit format bench bench-search bench-councilwork install install-dev migrate seed logins worker clean messages

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Raadsplein needs Python 3.11 or newer (set PYTHON=python3.11).")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(PY) pyproject.toml $(CONSTRAINTS)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --no-input

seed: migrate
	$(PY) manage.py seed_demo

logins: install
	@$(PY) manage.py demo_logins

## make run: install, migrate SQLite under var/, load the demo world, start worker and server.
run: seed
	@$(PY) manage.py collectstatic --no-input -v0
	@$(PY) manage.py demo_logins
	@echo ""
	@echo "Raadsplein draait op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	@( trap 'kill $$CHILD 2>/dev/null; exit 0' TERM; \
	   while :; do $(PY) manage.py run_worker --queue-name '*' >> var/worker.log 2>&1 & CHILD=$$!; \
	     wait $$CHILD; echo "worker stopped (status $$?); restarting in 2 s" >> var/worker.log; sleep 2; \
	   done ) & \
	  WORKER=$$!; trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

## make worker: the background worker alone, restarted whenever it stops (Ctrl+C twice to end).
worker: install
	@while :; do $(PY) manage.py run_worker --queue-name '*' || true; \
	  echo "worker stopped; restarting in 2 s (Ctrl+C again to end)"; sleep 2 || exit 0; done

## make test: dev extras, lint, the whole suite. REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 turn skips into failures.
# The suite runs in PYTEST_WORKERS processes (pytest-xdist; each file in one process, so the
# demo world a file builds is built once). PYTEST_WORKERS=0 runs it in this process.
PYTEST_WORKERS ?= 2
# The API fuzz file checks across its tests that every operation was exercised: it runs on its
# own, in one process, after the rest.
test: install-dev lint
	DJANGO_SETTINGS_MODULE=raadsplein.settings.test $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(if $(PYTEST_ARGS),$(PYTEST_ARGS),--ignore=tests/test_api_schema.py)
	$(if $(PYTEST_ARGS),,DJANGO_SETTINGS_MODULE=raadsplein.settings.test $(PY) -m pytest -p no:xdist tests/test_api_schema.py)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint src --lint

## make audit: pip-audit over the pinned dependencies; exit 2 (and says so) when it could not check.
audit: install-dev
	$(PY) scripts/audit_dependencies.py

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Benchmarks print figures (never gate on time). They are meant for PostgreSQL.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/raadsplein_bench
bench: install-dev
	@DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/ensure_database.py
	@for script in bench/bench_*.py; do echo "== $$script"; \
	  DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) $$script || exit 1; done

bench-search: install-dev
	@DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/ensure_database.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/bench_search.py

# Raadswerk alone (make bench runs it too, with every bench/bench_*.py).
bench-councilwork: install-dev
	@DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/ensure_database.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/bench_councilwork.py

messages: install
	cd src/raadsplein && ../../$(PY) ../../manage.py makemessages -l en --no-obsolete && ../../$(PY) ../../manage.py compilemessages -l en

clean:
	rm -rf var/static var/test-media .pytest_cache
