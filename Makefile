# claimsearch: `make serve` and `make test` do all set-up on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
INDEX ?= index
CORPUS ?= seeds
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve index test clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

$(INDEX)/CURRENT: | $(STAMP)
	$(BIN)/claimsearch index $(CORPUS) --index $(INDEX)

index: $(STAMP)
	$(BIN)/claimsearch index $(CORPUS) --index $(INDEX)

serve: $(STAMP) $(INDEX)/CURRENT
	$(BIN)/claimsearch serve --host $(HOST) --port $(PORT) --index $(INDEX)

test: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(INDEX)/builds $(INDEX)/CURRENT $(INDEX)/.lock
