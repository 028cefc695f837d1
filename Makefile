# Two commands: `make run` serves the app, `make test` runs the suite.
# Both create .venv and install what they need on first use.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app journal
HOST ?= 127.0.0.1
PORT ?= 5000
# flask run reads these, and so does the app where it needs its own address outside a request (journal.mail.site_url).
export FLASK_RUN_HOST := $(HOST)
export FLASK_RUN_PORT := $(PORT)

AXE_VERSION := 4.14.1
AXE := .cache/axe/node_modules/axe-core/axe.min.js

.PHONY: catalogs translations run test test-fast lint eval-safety install install-test upgrade demo clean ensure-chromium fonts bench-pdf bench bench-outage bench-export bench-import ensure-wrk ensure-nginx test-cluster soak

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed (set PYTHON=...)"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

## The compiled catalogs (.mo) are built from the committed .po files on install, never committed:
## a build output that would drift from its source. Babel compiles the five in under a second.
CATALOGS := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(BIN)/pybabel compile -i $< -o $@ -l $*

catalogs: $(CATALOGS)

## Extract every marked string to translations/messages.pot, merge it into each language's .po, compile.
LOCALES := es pt_BR de ar
translations: install
	@mkdir -p translations
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -k lazy_pgettext:1c,2 --no-location --sort-output \
	  --project "Integration Journal" --msgid-bugs-address "" -o translations/messages.pot .
	@for locale in $(LOCALES); do \
	  if [ -f translations/$$locale/LC_MESSAGES/messages.po ]; then \
	    $(BIN)/pybabel update -i translations/messages.pot -d translations -l $$locale --no-wrap --ignore-obsolete; \
	  else $(BIN)/pybabel init -i translations/messages.pot -d translations -l $$locale --no-wrap; fi; \
	done
	$(BIN)/pybabel compile -d translations --statistics

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed catalogs

install-test: $(VENV)/.installed-test catalogs

## Create or upgrade the database to the latest migration.
upgrade: install
	$(FLASK) db upgrade

## Fonts for every script in the PDF export (Debian packages), and pdftotext to check them.
## Installed when we can (root with apt); otherwise say what is missing: the PDF then falls back to DejaVu.
PDF_PACKAGES := fonts-dejavu-core fonts-noto-core fonts-droid-fallback fonts-nanum fonts-symbola poppler-utils
fonts:
	@missing=$$(for package in $(PDF_PACKAGES); do dpkg-query -W -f='$${Status}' $$package 2>/dev/null \
	  | grep -q 'install ok installed' || echo $$package; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing fonts for the PDF: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Missing for the PDF: $$missing (sudo apt-get install $$missing)"; fi; \
	fi

## Serve on http://127.0.0.1:5000 (SQLite in instance/ unless JOURNAL_DATABASE_URL is set).
run: upgrade fonts
	$(FLASK) run

## Create (or recreate) the demo patient with ENTRIES entries, and say how to log in.
ENTRIES ?= 40
demo: upgrade
	$(FLASK) seed-demo --entries $(ENTRIES)

## Browser tests drive Debian's Chromium; install it when we can (root with apt), else they skip.
ensure-chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: browser tests will be skipped (sudo apt-get install chromium)"; fi; \
	fi

## axe-core, from the npm registry, is injected into pages by the browser tests.
$(AXE):
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-save --no-package-lock --prefix .cache/axe axe-core@$(AXE_VERSION); \
	else echo "npm is missing: accessibility checks will be skipped"; fi

## Lint: ruff (pyflakes, pycodestyle, import order, bugbear), ruff's formatter, and mypy on journal/.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## On every core: pytest-xdist, with the suites that start servers of their own each kept on one worker.
## No worker is replaced: under loadgroup a replaced worker can leave the run waiting forever (pytest-xdist #1378),
## so a crashed or timed-out worker ends the run at once, with its test named.
PARALLEL := -n auto --dist loadgroup --max-worker-restart=0

## Lint, then run the whole suite on every core with one coverage summary over all workers
## (PostgreSQL too when JOURNAL_TEST_POSTGRES_URL is set, as in CI).
test: lint ensure-chromium ensure-nginx fonts $(AXE)
	$(BIN)/pytest $(PARALLEL) --cov --cov-report=term --durations=20

## The loop to run while writing code: SQLite only, no coverage, no browser, no gunicorn, on every core.
test-fast: install-test
	env -u JOURNAL_TEST_POSTGRES_URL -u JOURNAL_TEST_REQUIRE_POSTGRES \
	  $(BIN)/pytest $(PARALLEL) -m "not browser and not server and not cluster" -q $(ARGS)

## The cluster suite (tests/cluster) puts Debian's nginx in front of two gunicorn servers; install it when we can
## (root with apt), else that suite is skipped. Only the binary is used: the system's nginx service is never started.
ensure-nginx:
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing nginx for the cluster tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; \
	  else echo "nginx is missing: the cluster tests will be skipped (sudo apt-get install nginx)"; fi; \
	fi

## Two gunicorn servers behind nginx on their own PostgreSQL and Redis (tests/cluster_stack.py): sessions, rate
## limits, saves and job runs across servers, and which X-Forwarded-For is trusted. Also part of make test.
test-cluster: install-test ensure-nginx
	$(BIN)/pytest tests/cluster -q -n 0

## MINUTES of writers and therapists through nginx while PostgreSQL, Redis and one app server restart;
## prints one line of counts and fails unless nothing was lost, doubled or answered 500.
MINUTES ?= 2
soak: install-test ensure-nginx
	$(BIN)/python benchmarks/soak.py --minutes $(MINUTES)

## The safety engine on its labelled corpus: recall per category, false alarms, a confusion table, the held-out
## third's figures and the time for a 5,000-word entry. Fails below the thresholds CI enforces.
eval-safety: install-test
	$(BIN)/python -m tests.safety.evaluate

## Time the PDF export of a 300-entry journal against a bare ReportLab script; prints figures.
bench-pdf: install-test fonts
	$(BIN)/python benchmarks/pdf.py

## wrk measures throughput for make bench; install it when we can (root with apt), else those rows are skipped.
ensure-wrk:
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing wrk for make bench"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk is missing: throughput rows will be skipped (sudo apt-get install wrk)"; fi; \
	fi

## Time every page at 30, 300 and 3,000 entries (SQLite, and PostgreSQL when JOURNAL_TEST_POSTGRES_URL is set),
## the PDF export, gunicorn+wrk throughput against bare Flask, and a profile; prints one table (not a test).
BENCH_ARGS ?= --profile
bench: install-test ensure-wrk
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)
	$(BIN)/python -m tests.safety.evaluate --speed

## Restart PostgreSQL under ten patients saving (needs JOURNAL_TEST_POSTGRES_URL); counts lost and doubled saves.
bench-outage: install-test
	$(BIN)/python benchmarks/outage.py

## Peak memory and time of Export everything at 300 and 3,000 entries (a fresh process each).
bench-export: install-test
	$(BIN)/python benchmarks/export.py

## An 8,000-entry import on SQLite while another writer saves: how long that writer waits.
bench-import: install-test
	$(BIN)/python benchmarks/importing.py

clean:
	rm -rf $(VENV) .pytest_cache .coverage htmlcov build *.egg-info .cache artifacts
