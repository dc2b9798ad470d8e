#!/usr/bin/env bash
# Draws processes/*.bpmn as docs/images/*.svg with bpmn-js in headless Chromium (Debian's chromium, or
# $CHROMIUM), each stamped with its model's SHA-256. Run it after changing a model and commit the
# pictures: `./mvnw verify` fails while a picture is older than its model (check.mjs, no browser).
# Installs the pinned packages (npm ci, package-lock.json here) on first use.
#   tools/bpmn-render/render.sh [processes/x.bpmn ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/bpmn-js" ]; then
  echo "Installing bpmn-js and playwright-core (npm ci in tools/bpmn-render)..." >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
node "$here/render.mjs" "$@"
