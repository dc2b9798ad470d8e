#!/usr/bin/env bash
# Lints every processes/*.bpmn with bpmnlint and the rules in .bpmnlintrc (repository root): any
# warning or error fails. Installs the pinned linter (npm ci, package-lock.json here) on first use.
#   tools/bpmnlint/lint.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x "$here/node_modules/.bin/bpmnlint" ]; then
  echo "Installing bpmnlint (npm ci in tools/bpmnlint)..." >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

shopt -s nullglob
models=("$root"/processes/*.bpmn)
if [ ${#models[@]} -eq 0 ]; then
  echo "no processes/*.bpmn to lint" >&2
  exit 1
fi
# bpmnlint resolves "bpmnlint:" and "plugin:" configs from the working directory's node_modules.
cd "$here"
node_modules/.bin/bpmnlint --config "$root/.bpmnlintrc" --max-warnings=0 "${models[@]}"
echo "bpmnlint: ${#models[@]} model(s), no warnings"
