# Two entry points for people: `make serve` and `make test`. Everything else is set-up they share.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
# The project itself is installed too (editable, without dependencies: the lock has them all), so
# MkDocs finds its plugin through the entry point in pyproject.toml.
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)
# Pagefind (search for large briefings) comes from the npm registry, pinned by package-lock.json.
NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)

.PHONY: serve build site zensical test browser clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## Serve the briefing of seeds/ at http://127.0.0.1:8000, rebuilding when a seed changes
## (--dirty: a rebuild renders again only the pages the edit changed).
serve: $(STAMP) $(NODE_STAMP)
	$(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## Write the generated Markdown and data/briefing.json to build/briefing.
build: $(STAMP)
	$(PY) -m generator build --seeds seeds --out build/briefing

## Build the whole HTML site into site/.
site: $(STAMP) $(NODE_STAMP)
	$(PY) -m generator site --seeds seeds --site-dir site

## Build the generated pages with zensical (Material's successor) into build/zensical/site.
zensical: $(STAMP)
	$(PY) -m generator build --seeds seeds --out build/zensical/docs
	cp -R docs/. build/zensical/docs/
	$(PY) -m zensical build --strict --clean -f zensical.yml

## Debian's Chromium for the browser tests (installed when running as root);
## BRIEFING_CHROMIUM names another Chromium-based browser to use instead.
browser:
	@test -x "$${BRIEFING_CHROMIUM:-/usr/bin/chromium}" || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Debian's Chromium: sudo apt-get install chromium" >&2; exit 1; \
	  fi; }

## Install everything the tests need and run the whole suite.
test: $(STAMP) $(NODE_STAMP) browser
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) site build .cache node_modules
