# Every target sets up .venv on first use (Python >= 3.11 as $(PY)), so a fresh clone
# needs only `make extract` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared
RAW ?= data/raw
OUT ?= data/processed
JOBS ?= 1

.PHONY: install extract test test-slow test-all lint schema eval bench clean train ner-eval report \
	report-screenshots test-stanza train-stanza stanza-eval

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

## extract: the bundled sample articles in data/raw -> data/processed
## (ENGINE=dask: on a local Dask cluster of JOBS workers, or on SCHEDULER=tcp://host:8786)
ENGINE ?= local
extract: $(STAMP)
	$(BIN)/python -m pipeline extract $(RAW) --out $(OUT) --jobs $(JOBS) --engine $(ENGINE) \
		$(if $(SCHEDULER),--scheduler $(SCHEDULER))

## report: the HTML report of $(OUT) -> $(OUT)/report (open $(OUT)/report/index.html; no server, no network);
## a progress bar on long runs
report: $(STAMP)
	$(BIN)/python -m pipeline report $(OUT) --jobs $(JOBS)

## report-screenshots: the README's pictures, docs/screenshots/{index,article}.png, from the sample articles
## (needs Debian's chromium)
SCREENSHOT_ARTICLE ?= kota/parepare-peresmian-taman
report-screenshots: extract
	$(BIN)/python -m pipeline report $(OUT) --no-progress --screenshots docs/screenshots --article $(SCREENSHOT_ARTICLE)

## test: the fast test suite (the same command CI runs)
test: $(STAMP)
	$(BIN)/python -m pytest -q

## test-slow: only the slow tests (a 20 MB article, worker processes)
test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

## test-all: the fast and the slow tests
test-all: $(STAMP)
	$(BIN)/python -m pytest -q -m 'slow or not slow'

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests training scripts
	$(BIN)/ruff format --check pipeline tests training scripts

## schema: rewrite docs/record.schema.json from the pydantic models
schema: $(STAMP)
	$(BIN)/python -m pipeline schema > docs/record.schema.json

## eval: score the pipeline on the shared gold data (../shared/eval) and rewrite docs/EVALUATION.md;
## COMPARE=blank (the default) also runs the rules only and lists the metrics the model changes
COMPARE ?= blank
EVAL_GOLD = $(SHARED)/eval/pfsa/dev.jsonl $(SHARED)/eval/gov/dev.jsonl $(SHARED)/eval/gov/seed.jsonl \
	$(SHARED)/eval/gov/real-dev.jsonl
eval: $(STAMP)
	@if [ ! -d "$(SHARED)/eval" ]; then \
		echo "make eval: skipped: $(SHARED)/eval not found (the shared gold data is not in this checkout)"; \
		exit 0; \
	fi; \
	commit=$$(git rev-parse --verify --quiet --short HEAD 2>/dev/null || echo uncommitted); \
	echo "$(BIN)/python -m pipeline evaluate ... --out out/eval --write-doc docs/EVALUATION.md"; \
	$(BIN)/python -m pipeline evaluate $(EVAL_GOLD) --out out/eval --show-errors \
		--write-doc docs/EVALUATION.md --commit "$${commit:-uncommitted}" $(if $(MODEL),--model $(MODEL)) \
		$(if $(COMPARE),--compare $(COMPARE))

## train: the NER model models/id_warta_ner from idner-news-2k + NERGrit in $(SHARED)/corpora/ner
## (deterministic; about 20 minutes on 2 cores); then ner-eval. See models/README.md.
NER_MODEL := models/id_warta_ner
NER_CORPORA = $(SHARED)/corpora/ner
NER_OUT := training/output
NER_AUGMENT := 2
train: $(STAMP)
	$(BIN)/python -m training.convert --corpora $(NER_CORPORA) --out training/corpus --augment $(NER_AUGMENT) --seed 0
	$(BIN)/python -m spacy train training/config.cfg --code training/functions.py --output $(NER_OUT)
	$(BIN)/python -m training.package --model $(NER_OUT)/model-best --out $(NER_MODEL)
	$(MAKE) ner-eval

## ner-eval: P/R/F1 of models/id_warta_ner on the NER test sets and words/s -> training/output/scores.json
ner-eval: $(STAMP)
	$(BIN)/python -m training.evaluate --model $(NER_MODEL) --corpora $(NER_CORPORA) --out $(NER_OUT)/scores.json --speed

clean:
	rm -rf $(OUT)/*.jsonl $(OUT)/*.json $(OUT)/*.parquet $(OUT)/report .pytest_cache .ruff_cache

## bench: throughput, per-stage time and memory on a corpus repeated from $(SHARED)/eval (or data/raw);
## blank and the shipped model, 1 and 2 jobs, the local and the dask engine; several minutes. Not part of `make test`.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --shared $(SHARED)

## --nlp stanza: its own environment .venv-stanza (stanza + CPU torch; .venv stays without torch).
## On a machine whose pip does not find torch 2.13.0+cpu, give PyTorch's CPU index:
## make test-stanza STANZA_PIP_ARGS='--extra-index-url <PyTorch CPU wheel index>'
STANZA_VENV := .venv-stanza
STANZA_BIN := $(STANZA_VENV)/bin
STANZA_STAMP := $(STANZA_VENV)/.installed-stamp
STANZA_PIP_ARGS ?=
STANZA_MODELS := models/stanza_id
STANZA_WORK := training/stanza-work
STANZA_TESTS := tests/test_stanza_backend.py tests/test_syntax_align.py tests/test_syntax_tree.py tests/test_syntax_models.py

$(STANZA_STAMP): pyproject.toml
	test -x $(STANZA_BIN)/python || $(PY) -m venv $(STANZA_VENV)
	$(STANZA_BIN)/python -m pip install --quiet --upgrade pip
	$(STANZA_BIN)/python -m pip install --quiet $(STANZA_PIP_ARGS) -e '.[dev,stanza]'
	@if $(STANZA_BIN)/python -m pip list 2>/dev/null | grep -i '^nvidia-'; then \
		echo "$(STANZA_VENV) has CUDA libraries (above): torch must be the +cpu build"; exit 1; fi
	touch $@

## test-stanza: the tests of --nlp stanza (and the slow one that trains tiny models), in .venv-stanza
test-stanza: $(STANZA_STAMP)
	$(STANZA_BIN)/python -m pytest -q -m 'slow or not slow' $(STANZA_TESTS)

## train-stanza: models/stanza_id (tokenize, mwt, pos, lemma, depparse) from $(SHARED)/corpora/ud
## (deterministic; about 30 minutes on 2 free cores), then stanza-eval. See models/stanza_id/README.md.
train-stanza: $(STANZA_STAMP)
	$(STANZA_BIN)/python -m training.stanza_train --ud $(SHARED)/corpora/ud --work $(STANZA_WORK) --out $(STANZA_MODELS)
	$(MAKE) stanza-eval

## stanza-eval: UPOS, LAS and token F1 of models/stanza_id on the UD test files -> $(STANZA_WORK)/scores.json
stanza-eval: $(STANZA_STAMP)
	$(STANZA_BIN)/python -m training.stanza_eval --models $(STANZA_MODELS) --ud $(SHARED)/corpora/ud \
		--out $(STANZA_WORK)/scores.json
