#!/usr/bin/env bash
# Verifies a Directive Tracker audit export (CSV) offline, as POST /api/audit/verify does.
#
#   docs/audit-verify.sh EXPORT.csv [EXPECTED_CHAIN_HEAD]
#
# Prints "intact EVENTS CHAIN_HEAD" and exits 0; or "not intact: line L: REASON" and exits 1; or
# "malformed: REASON" and exits 2. Give the chain head recorded when the export was first made (JSON
# "chainHead", the CSV's last hash, or the X-Audit-Chain-Head header) to also catch lines cut off the end.
#
# The chain (docs/audit.md): hash_0 = sha256(line 1); for event line n (file line n + 2), split at the
# last comma into CANONICAL,HASH; HASH must equal sha256(hash_(n-1) CANONICAL), hex, no separator, no
# line ending. Needs bash and sha256sum (or openssl).
set -u
export LC_ALL=C

file=${1:?usage: audit-verify.sh EXPORT.csv [EXPECTED_CHAIN_HEAD]}
expected=${2:-}
[[ -r $file ]] || { echo "malformed: cannot read $file"; exit 2; }

if command -v sha256sum >/dev/null 2>&1; then
  sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
else
  sha() { printf '%s' "$1" | openssl dgst -sha256 -r | cut -d' ' -f1; }
fi

subject_prefix='"# directive-tracker audit v2; '
subject_prefix_v1='# directive-tracker audit v1; '
header='seq,time,type,actor,unit,details,hash'
lineno=0
prev=
n=0
while IFS= read -r line || [[ -n $line ]]; do
  lineno=$((lineno + 1))
  if (( lineno == 1 )); then
    [[ $line == "$subject_prefix"* || $line == "$subject_prefix_v1"* ]] || { echo "malformed: line 1 is not the subject line of an audit export"; exit 2; }
    prev=$(sha "$line")
    continue
  fi
  if (( lineno == 2 )); then
    [[ $line == "$header" ]] || { echo "malformed: line 2 is not the column header '$header'"; exit 2; }
    continue
  fi
  n=$((n + 1))
  if [[ $line != *,* ]]; then
    echo "not intact: line $lineno: not an event line (no hash column)"; exit 1
  fi
  stored=${line##*,}
  canonical=${line%,*}
  seq=${canonical%%,*}
  if [[ $seq != "$n" ]]; then
    echo "not intact: line $lineno: event number '$seq' where $n was expected: a line was removed, inserted or moved"
    exit 1
  fi
  computed=$(sha "$prev$canonical")
  if [[ $computed != "$stored" ]]; then
    echo "not intact: line $lineno: hash does not match: this line was changed, or the line before it was changed, removed or moved"
    exit 1
  fi
  prev=$computed
done < "$file"

(( lineno >= 2 )) || { echo "malformed: line 2 is not the column header '$header'"; exit 2; }
if [[ -n $expected && ${expected,,} != "$prev" ]]; then
  echo "not intact: line $((lineno + 1)): the chain ends in $prev, not in the expected head $expected: events were removed from the end or added after it was recorded"
  exit 1
fi
echo "intact $n $prev"
