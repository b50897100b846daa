#!/usr/bin/env bash
# The report on the bad-input corpus (tests/data/bad), a damaged file in each of
# its roles: a report with warnings, or a clear failure that writes nothing -
# never a crash. The slowest of the runner's tests, so
# it is a test of its own, run once (on the main QGIS version).
# Usage: test_report_bad_input.sh RUNNER SAMPLE_GPKG
set -u
runner=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
gpkg=$out/sample.gpkg
cp "$2" "$gpkg"
export QT_QPA_PLATFORM=offscreen
if ! "$runner" --help 2>&1 | grep -q "circular-planner report"; then
  echo "(this build has no report job: QGIS was left out)"
  exit 0
fi

# Each role with each kind of damage.
bad=$(cd "$(dirname "$0")/../data/bad" && pwd)
corpus_runs=0
corpus_reports=0
for role in roads:roads districts:districts zones:industrial_zones zone_products:zone_products \
  organic:organic_sources compost:composting_sites farmland:agricultural_land flows:material_flows; do
  for kind in truncated.geojson nulls_everywhere.geojson negative_values.geojson \
    metres_as_degrees.geojson ../any/truncated.gpkg; do
    file="$bad/${role#*:}/$kind"
    [ -e "$file" ] || continue
    printf '[data]\nsource = %s\n[output]\nfolder = %s\n[layers]\n%s = %s\n[maps]\ndpi = 50\n' \
      "$gpkg" "$out/corpus" "${role%%:*}" "$file" > "$out/corpus.ini"
    "$runner" report "$out/corpus.ini" > "$out/corpus.log" 2>&1
    rc=$?
    corpus_runs=$((corpus_runs + 1))
    { [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]; } && corpus_reports=$((corpus_reports + 1))
    if { [ "$rc" -gt 1 ] && [ "$rc" -ne 3 ]; } || { [ "$rc" -eq 1 ] && { [ -e "$out/corpus" ] || ! grep -q "nothing was written" "$out/corpus.log"; }; }; then
      echo "FAIL: report with $file as ${role%%:*} ended with rc=$rc:"; tail -3 "$out/corpus.log"
      failures=$((failures + 1))
    fi
    rm -rf "$out/corpus"
  done
done
echo "runner: $corpus_runs reports on bad input: $corpus_reports written (with warnings), the rest refused cleanly"

[ "$corpus_runs" -ge 30 ] || { echo "FAIL: only $corpus_runs corpus files found"; failures=$((failures + 1)); }
echo "runner corpus: $failures failure(s)"
[ "$failures" -eq 0 ]
