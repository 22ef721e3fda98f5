#!/bin/sh
# Prints the address GitHub Pages serves this repository at, followed by $1 (a path ending in /).
# Same rule as rossjrw/pr-preview-action, so a preview's site_url is where the action puts it:
# the repository variable PAGES_BASE_URL (host and path, no https://) for a custom domain,
# else <owner>.github.io for a repository named so, else <owner>.github.io/<repository>.
set -eu
if [ -n "${PAGES_BASE_URL:-}" ]; then
  base=${PAGES_BASE_URL#https://}
else
  owner=${GITHUB_REPOSITORY%%/*}
  repo=${GITHUB_REPOSITORY#*/}
  if [ "$repo" = "$owner.github.io" ]; then base=$owner.github.io; else base=$owner.github.io/$repo; fi
fi
printf 'https://%s/%s\n' "${base%/}" "${1:-}"
