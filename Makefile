# eventwire: each target creates .venv if needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO := build/demo

.PHONY: demo test lint eval bench train clean

$(BIN)/eventwire: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(BIN)/eventwire

demo: $(BIN)/eventwire
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/python scripts/make_warc.py $(DEMO)/pages.warc.gz \
		https://example.org/en/grain-corridor=examples/page.html \
		https://example.org/de/un-konvoi=examples/page2.html
	$(BIN)/eventwire run examples $(DEMO)/pages.warc.gz --db $(DEMO)/demo.duckdb
	$(BIN)/eventwire articles --db $(DEMO)/demo.duckdb --format table
	$(BIN)/eventwire events --db $(DEMO)/demo.duckdb --format table
	$(BIN)/eventwire rejects --db $(DEMO)/demo.duckdb

test: $(BIN)/eventwire
	$(BIN)/python -m pytest -q

lint: $(BIN)/eventwire
	$(BIN)/ruff check src tests scripts

eval: $(BIN)/eventwire
	$(BIN)/python -m eventwire.evaluate

bench: $(BIN)/eventwire
	$(BIN)/python scripts/bench.py

train: $(BIN)/eventwire
	$(BIN)/python scripts/train_ner.py --lang de
	$(BIN)/python scripts/train_ner.py --lang en

clean:
	rm -rf build .pytest_cache
