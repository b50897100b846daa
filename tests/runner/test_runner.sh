#!/usr/bin/env bash
# The headless runner as a user meets it: exit codes, messages, and a full run.
# Usage: test_runner.sh RUNNER SAMPLE_GPKG
set -u
runner=$1
gpkg=$2
out=$(mktemp -d)
failures=0

expect() {  # expect CODE PATTERN -- ARGS...
  local code=$1 pattern=$2
  shift 3
  local text rc
  text=$("$runner" "$@" 2>&1)
  rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -q -- "$pattern" <<<"$text"; then
    echo "FAIL: '$*' gave rc=$rc (wanted $code) and did not say '$pattern':"
    echo "$text" | head -5
    failures=$((failures + 1))
  fi
}

expect 2 "usage:" -- 
expect 2 "--roads is required" -- od --origins x --output y
expect 2 "--metric is 'distance' or 'time'" -- od --roads r --origins o --output y --metric fastest
expect 2 "--max-snap must be greater than 0" -- od --roads r --origins o --output y --max-snap 0
expect 1 "cannot open the data source" -- od --roads /nonexistent.gpkg --origins x --output "$out/a.gpkg"
expect 1 "roads must be lines" -- od --roads "$gpkg|layername=settlements" --origins "$gpkg|layername=districts" --output "$out/b.gpkg"
expect 1 "field 'nom'" -- od --roads "$gpkg|layername=roads" --origins "$gpkg|layername=districts" --origin-id nom --output "$out/c.gpkg"
expect 0 "64 by network" -- od --roads "$gpkg|layername=roads" --origins "$gpkg|layername=district_centres" --origin-id name --output "$out/d.gpkg"

for f in a b c; do
  [ -e "$out/$f.gpkg" ] && { echo "FAIL: a failed run left $f.gpkg"; failures=$((failures + 1)); }
done
[ -s "$out/d.gpkg" ] || { echo "FAIL: the full run wrote no output"; failures=$((failures + 1)); }
rm -rf "$out"
echo "runner: $failures failure(s)"
[ "$failures" -eq 0 ]
