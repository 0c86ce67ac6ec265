# Involve: the two commands are `make run` and `make test`. Everything else is a step they call.
SHELL := /bin/bash
.DEFAULT_GOAL := help
ENV := . scripts/env.sh &&

.PHONY: help install build train run shell test test-scale test-unit test-data test-stories test-servers bench bench-nlu lint audit clean teams-package

help:
	@echo "make run    install what is missing, train if needed, start the bot (prints where to chat)"
	@echo "make test   install what is missing, then run the whole test suite"
	@echo "make shell  chat in the terminal"
	@echo "make train  retrain now (add FORCE=1 to retrain even if nothing changed)"
	@echo "make test-scale  two Rasa servers sharing PostgreSQL and Redis (also the last layer of make test)"
	@echo "make bench  benchmarks and quality reports into bench/results/ (not part of make test)"
	@echo "make audit  pinned packages checked against the advisories in security/advisories.yml (offline)"
	@echo "make teams-package  the Teams app zip to upload (needs TEAMS_APP_ID)"

install:
	@bash scripts/install.sh

build: install
	@$(ENV) .venv/bin/python -m bot.knowledge check && .venv/bin/python -m bot.nlp build

train: install
	@bash scripts/train.sh $(if $(FORCE),--force,)

run: train
	@bash scripts/run.sh

shell: train
	@bash scripts/run.sh --shell

test: install
	@bash scripts/test.sh

test-scale: train
	@bash scripts/test_scale.sh

bench: train
	@$(ENV) .venv/bin/python bench/run.py

bench-nlu: train
	@$(ENV) BENCH_NLU=1 .venv/bin/python bench/nlu_report.py

teams-package: install
	@.venv/bin/python -m bot.channels.teams.package

audit: install
	@$(ENV) .venv/bin/python -m bot.audit

lint: install
	@.venv/bin/ruff check bot actions rasa_plugins tests scripts bench

clean:
	rm -rf build models .pytest_cache results
