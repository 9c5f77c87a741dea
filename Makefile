# Two commands do everything: `make serve` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

# Keep build logs readable: banners about MkDocs 2.0 and Material's end of life.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
# What builds the site: mkdocs, or properdocs, its maintained fork (CONTRIBUTING, "Building
# with ProperDocs"). The tests build with the other one too and compare every file.
export SITE_BUILDER ?= mkdocs

.PHONY: serve site publish scorm offline test check facts translated new-module browser clean

# The environment: exactly the versions in requirements.lock, checked against their hashes.
$(READY): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## serve: the site at http://127.0.0.1:8000/ (English at /en/), rebuilt on every save.
##   make serve ONLY=fi builds the Finnish pages only: each rebuild takes about half the time.
serve: $(READY)
	$(if $(filter-out fi,$(ONLY)),$(error ONLY=$(ONLY) is not possible: use ONLY=fi, the default language is always built))
	$(if $(filter-out mkdocs properdocs,$(SITE_BUILDER)),$(error SITE_BUILDER=$(SITE_BUILDER) is not possible: use mkdocs or properdocs))
	$(if $(ONLY),BUILD_EN=false )$(BIN)/$(SITE_BUILDER) serve --dev-addr 127.0.0.1:8000

## site: a strict build into site/, with the build time and page counts.
site: $(READY)
	$(BIN)/python scripts/build_site.py site

## publish: the build to put online (README, "For the site owner"), e.g.
##   make publish SITE_URL=https://tyoelamataidot.fi/ REPO_URL=https://github.com/example/tyoelamataidot
##   It refuses unset or placeholder addresses, builds into site/ (or PUBLISH_DIR) and writes
##   the server settings: _headers, _redirects and .htaccess there, nginx.conf in dist/server/.
PUBLISH_DIR ?= site
publish: $(READY)
	$(BIN)/python scripts/build_site.py --publish $(PUBLISH_DIR)

# Only for `make bench`: the mkdocs-quiz plugin it compares with, locked like the rest
# (installed together with requirements.lock, so that a stale lock fails instead of downgrading).
BENCH_READY := $(VENV)/.bench-installed
$(BENCH_READY): $(READY) requirements-bench.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock -r requirements-bench.lock
	touch $@

.PHONY: bench
## bench: build-time and page-weight benchmarks into BENCHMARKS.md (about 7 minutes on 2 cores; not part of test).
bench: $(BENCH_READY)
	$(BIN)/python scripts/bench/run.py

## scorm: one SCORM 1.2 package per module and language in dist/scorm/ (palkka.fi.zip, …),
##   for a company's learning platform (README, "For trainers").
scorm: $(READY)
	$(BIN)/python scripts/build_scorm.py dist/scorm

## offline: the trainer's offline pack, both languages in dist/tyoelamataidot-offline.zip;
##   unzip it and open tyoelamataidot/index.html, no network needed.
offline: $(READY)
	$(BIN)/python scripts/build_offline.py dist/tyoelamataidot-offline.zip

## check: the content checks, fast, no browser.
check: $(READY)
	$(BIN)/python -m training.site.checks docs

## facts: the site owner's re-check list of the fact register (facts.yml): every contact and
##   figure with its source, status and pages, the unconfirmed and overdue first; also
##   written to dist/facts-to-check.md.
facts: $(READY)
	$(BIN)/python -m training.facts.report docs

## translated: record that a translation is up to date with its source page, e.g.
##   make translated FILE=docs/en/oikeudet/palkka.md (FILE=docs/fi/… records every translation).
translated: $(READY)
	$(if $(FILE),,$(error give the page: make translated FILE=docs/en/oikeudet/palkka.md))
	$(BIN)/python -m training.site.translations "$(FILE)"

## new-module: a Finnish/English module pair to fill in, e.g.
##   make new-module ID=lomaraha TRACK=rights FILE=oikeudet/lomaraha.md
new-module: $(READY)
	$(BIN)/python scripts/new_module.py --id "$(ID)" --track "$(TRACK)" --file "$(FILE)"

# Only for the tests: scorm-again, a SCORM 1.2 runtime that plays a learning platform for the
# module packages, exactly as package-lock.json says (checked by its integrity hash).
NODE_READY := node_modules/.installed
$(NODE_READY): package-lock.json
	@command -v npm >/dev/null || { echo "make test needs Node.js and npm (Debian/Ubuntu: apt-get install nodejs npm)."; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## test: every test, browser tests included (installs Chromium if it can), with its duration
##   and the slowest tests; under 6 minutes on two cores, set-up included.
STARTED := $(shell date +%s)
test: $(READY) $(NODE_READY) browser
	@$(BIN)/python -m pytest -n auto --dist loadgroup; status=$$?; \
	echo "make test took $$(( $$(date +%s) - $(STARTED) )) s, set-up included."; exit $$status

## browser: make sure the system Chromium is there (never Playwright's own download).
browser:
	@scripts/ensure-chromium

clean:
	rm -rf site dist .venv .pytest_cache node_modules
