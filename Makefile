# Kompas: two commands for a newcomer. `make run` and `make test` each set up .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint format test-postgres test-fast e2e bench demo clean venv

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(BIN)/.installed

run: $(BIN)/.installed
	KOMPAS_BASE_URL=$${KOMPAS_BASE_URL:-http://localhost:$(PORT)} $(BIN)/python -m kompas demo --if-empty
	@echo "Kompas draait op http://localhost:$(PORT) (stoppen: Ctrl+C)"
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: $(BIN)/.installed-dev lint
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-postgres

# ruff: lint and format (line length 100, see pyproject.toml); `make format` fixes.
lint: $(BIN)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The domain tests marked `postgres` once more against a throwaway PostgreSQL server
# (installed with apt-get in CI/as root; elsewhere skipped with a loud warning).
test-postgres: $(BIN)/.installed-dev
	bash scripts/postgres-test.sh $(BIN)/python -m pytest -n 2 --postgres $(PYTEST_ARGS)

test-fast: $(BIN)/.installed-dev
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not e2e and not slow" $(PYTEST_ARGS)

bench: $(BIN)/.installed-dev
	$(BIN)/python bench/run_all.py

demo: $(BIN)/.installed
	$(BIN)/python -m kompas demo

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

# A schema migration after a change in kompas/models.py (README, Ontwikkelen):
#   make migration m="deelsessies per workshop"
# autogenerates migrations/versions/<datum>_<rev>_<m>.py against a scratch database at the
# newest revision; read it through, then commit it with the model change.
.PHONY: migration
migration: $(BIN)/.installed-dev
	@test -n "$(m)" || { echo 'gebruik: make migration m="wat er verandert"' >&2; exit 2; }
	@tmp=$$(mktemp -d) && export KOMPAS_DATABASE_URL="sqlite:///$$tmp/migratie.db" && \
	$(BIN)/alembic upgrade head && $(BIN)/alembic revision --autogenerate -m "$(m)"; \
	status=$$?; rm -rf "$$tmp"; exit $$status
	$(BIN)/ruff check --fix --quiet migrations/versions
	$(BIN)/ruff format --quiet migrations/versions
