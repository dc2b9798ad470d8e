#!/usr/bin/env bash
# Validates docker/compose.yml without a Docker engine (none runs on the development machines):
#   1. dclint: the Compose Specification JSON schema and the rules in tools/compose-lint/.dclintrc.yml;
#   2. tools/compose-lint/check-compose.mjs: interpolation, anchors and merge keys, the schema again on
#      the interpolated file, and the references Compose checks on load (depends_on targets and their
#      healthchecks, named volumes, networks, build context and Dockerfile, bind sources, host ports).
# Installs the pinned tools (npm ci, tools/compose-lint/package-lock.json) on first use.
# Where a Docker engine with Compose v2 exists, `docker compose -f docker/compose.yml config -q` is the
# reference check; this script also runs it then.
#   docker/validate-compose.sh [compose-file]      exit 0 when valid
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
file="$(realpath "${1:-$root/docker/compose.yml}")"
tools="$root/tools/compose-lint"

if [ ! -x "$tools/node_modules/.bin/dclint" ]; then
  echo "Installing the compose checkers (npm ci in tools/compose-lint)..."
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

status=0
if "$tools/node_modules/.bin/dclint" --config "$tools/.dclintrc.yml" --max-warnings 0 --no-color "$file" >"${TMPDIR:-/tmp}/dclint.$$" 2>&1; then
  echo "$file: dclint: no problems"
else
  grep -v '^$' "${TMPDIR:-/tmp}/dclint.$$" >&2 || true
  status=1
fi
rm -f "${TMPDIR:-/tmp}/dclint.$$"
node "$tools/check-compose.mjs" "$file" || status=1

if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  if docker compose -f "$file" config -q; then
    echo "$file: docker compose config: valid"
  else
    status=1
  fi
fi
exit "$status"
