#!/usr/bin/env bash
# Analyses in the background while the desktop changes the project: 40 OD runs
# through the plugin's provider, as the panel starts them, with a layer added
# and removed every few milliseconds. QGIS must survive every run (QGIS 3.40
# crashed within seconds when a run read project layers from its own thread)
# and each run must give its 40 rows.
# Usage: test_background_runs.sh PLUGIN_DIR SAMPLE_GPKG
set -u
plugin_dir=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
. "$here/qgis_desktop.sh"
cp "$2" "$work/sample.gpkg"
desktop_profile "$work" "$plugin_dir"
export CP_PROBE_OUT="$work/probe.txt" CP_SAMPLE="$work/sample.gpkg"
run_desktop "$work" "$here/probe_background.py" 400
rc=$?
fail() {
  echo "FAIL: $*"
  tail -3 "$work/probe.txt" 2>/dev/null
  grep -m1 -A12 "died on signal" "$work/qgis.log" || tail -10 "$work/qgis.log"
  exit 1
}
[ "$rc" -eq 0 ] || fail "QGIS exited with $rc after $(grep -c '^run=' "$work/probe.txt" 2>/dev/null) runs"
grep -qx finished "$work/probe.txt" || fail "the runs did not all end"
[ "$(grep -c '^run=.* ok=True rows=40$' "$work/probe.txt")" = 40 ] || fail "not every run gave its 40 rows"
echo "40 background OD runs while the project changed: QGIS survived, every run complete"
