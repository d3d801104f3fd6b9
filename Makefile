# budgetlens — one entry point for set-up, the demo and the checks.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve test check lint typecheck system docs bench bench-ingest bench-serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,bench,ocr,postgres]'
	touch $(STAMP)

## demo: install, then read and check the bundled sample documents (examples/); exit 1 of check = findings
demo: $(STAMP)
	@for f in examples/*.txt; do \
		$(BIN)/budgetlens extract "$$f" --format text && echo && \
		{ $(BIN)/budgetlens check "$$f"; [ $$? -le 1 ]; } && echo || exit 1; \
	done

## serve: install and start the web UI and REST API on the default database (http://127.0.0.1:8000/)
serve: $(STAMP)
	$(BIN)/budgetlens serve

## test: install and run lint, type checks and the whole test suite
test: check system
	$(BIN)/pytest

## system: install LibreOffice, Chromium, CJK fonts and PostgreSQL from Debian when missing
system:
	bash scripts/ensure-system.sh

check: lint typecheck

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

## docs: regenerate the generated reference pages
docs: $(STAMP)
	$(BIN)/budgetlens tables --markdown > docs/tables.md
	$(BIN)/budgetlens rules --markdown > docs/rules.md
	cp src/budgetlens/schema/document.schema.json docs/document.schema.json

## bench: read every sample PDF in one warm process, beside pdfplumber's extract_tables
bench: $(STAMP)
	$(BIN)/python bench/read_pdfs.py --repeat 3

## bench-ingest: ingest the seeds and all samples into a fresh SQLite database with 1 and 2 workers
bench-ingest: $(STAMP)
	$(BIN)/python bench/ingest.py --workers 1 2

## bench-serve: p50/p95 response times of a unit page with 10 documents, against the running server
bench-serve: $(STAMP)
	$(BIN)/python bench/serve.py --requests 200

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
