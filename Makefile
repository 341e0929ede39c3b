# The index of tasks. `make demo` and `make test` work on a fresh machine: they install what they need.
VENV      ?= .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
PG_URL    ?= postgresql://postgres@127.0.0.1:5432/toteuma
PYTEST    ?= $(BIN)/pytest
# Two test processes, each file in one of them (its fixtures and throw-away databases stay its own).
WORKERS   ?= 2
XDIST     := -n $(WORKERS) --dist loadfile
LINTED    := src tests examples scripts $(wildcard bench)

.PHONY: help install deps screenshots demo test test-sqlite test-postgres lint format example docs clean bench bench-city vendor-js

help:           ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install toteuma with its development tools

node_modules/.installed: package.json package-lock.json
	npm ci --no-fund --no-audit --silent
	touch $@

deps: install node_modules/.installed ## also Debian's Chromium, poppler and LibreOffice, and axe-core from npm
	bash scripts/install-system-deps.sh

demo: install   ## import the reference example into ./toteuma.sqlite3 and write its report into out/
	$(BIN)/toteuma demo --out out

test: deps lint test-sqlite test-postgres ## the whole suite: lint, tests on SQLite, database tests on PostgreSQL

lint: install   ## ruff, formatting, mypy and the import contracts
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/lint-imports

test-sqlite: install ## every test on the embedded SQLite database (but those about PostgreSQL itself)
	$(PYTEST) -q $(XDIST) -m "not postgresql"

test-postgres: install ## the database tests again on PostgreSQL (127.0.0.1:5432)
	bash scripts/ensure-postgres.sh
	TOTEUMA_DATABASE_URL=$(PG_URL) $(PYTEST) -q $(XDIST) -m "django_db and not sqlite"

screenshots: deps demo ## the report pictures in docs/img, taken in Chromium
	$(BIN)/python -m scripts.screenshots out/toteuma-1000-2024-03.html docs/img

format: install ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

example: install ## regenerate the example data from the reference figures
	$(BIN)/python examples/heinola-2024-q1/generate.py

BENCH_LINES ?= 1000000 10000000
bench: install  ## import generated ledgers of 1 M and 10 M lines on SQLite and PostgreSQL (minutes; not in `make test`)
	bash scripts/ensure-postgres.sh
	for n in $(BENCH_LINES); do $(BIN)/python bench/import_ledger.py --lines $$n --backend sqlite --backend postgresql --keep out/bench || exit 1; done

bench-city: deps  ## the big city's dashboard and reports against the example: latency, queries, 16 clients (an hour)
	bash scripts/ensure-postgres.sh
	for n in $(BENCH_LINES); do $(BIN)/python bench/bench_city.py --lines $$n --backend sqlite --backend postgresql || exit 1; done

docs: install    ## regenerate the generated pages: docs/cli.md, docs/problems.md, the matrix in docs/security.md, the account table of docs/file-formats.md, the tables of docs/forecasting.md
	$(BIN)/python scripts/cli_doc.py
	$(BIN)/python scripts/problems_doc.py
	$(BIN)/python scripts/security_doc.py
	$(BIN)/python scripts/accounts_doc.py
	$(BIN)/python -m scripts.forecasting_doc

VENDOR := src/toteuma/web/static/vendor
# The source maps stay out (a megabyte; collectstatic would look for the file a comment names).
vendor-js: node_modules/.installed ## copy vega, vega-lite and vega-embed (npm, package-lock.json) into the package's static files, with their licences
	for name in vega vega-lite vega-embed; do \
	  mkdir -p $(VENDOR)/$$name && cp node_modules/$$name/LICENSE $(VENDOR)/$$name/ && \
	  sed '/^\/\/# sourceMappingURL=/d' node_modules/$$name/build/$$name.min.js > $(VENDOR)/$$name/$$name.min.js && \
	  node -p "require('./node_modules/$$name/package.json').version" > $(VENDOR)/$$name/VERSION || exit 1; \
	done

clean:          ## remove the virtual environment, caches and outputs
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache toteuma.sqlite3
