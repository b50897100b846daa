#!/usr/bin/env bash
# The ZIP for QGIS's Plugin Manager, as a planner uses it: it holds one plugin
# folder made for the QGIS at hand, with its library, the sample data and the
# data's licence; installed from the ZIP into a fresh profile (the desktop test
# under Xvfb) the plugin starts, loads the sample it ships and runs the panel's
# analyses; qgis_process runs its algorithms from the unpacked folder.
# Usage: test_plugin_zip.sh ZIP   (exit status 0 when all of it works)
set -u
zip=$(realpath "$1")
tests=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

listing=$(unzip -Z1 "$zip")
for file in __init__.py metadata.txt libcircularplanner.so sample_data/almaty.gpkg \
  sample_data/README.md sample_data/almaty_report.ini; do
  grep -qx "circularplanner/$file" <<< "$listing" || fail "the ZIP has no circularplanner/$file"
done
[ "$(grep -cv '^circularplanner/' <<< "$listing")" = 0 ] || fail "the ZIP holds more than the plugin folder"
unzip -q "$zip" -d "$work/plugins"
qgis=$(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION.split("-")[0])')
grep -qx "qgisMinimumVersion=$qgis" "$work/plugins/circularplanner/metadata.txt" \
  && grep -qx "qgisMaximumVersion=$qgis" "$work/plugins/circularplanner/metadata.txt" \
  || fail "the ZIP is not marked for QGIS $qgis: $(grep Version= "$work/plugins/circularplanner/metadata.txt")"
grep -q "© OpenStreetMap contributors" "$work/plugins/circularplanner/sample_data/README.md" \
  || fail "the sample data's OpenStreetMap attribution is not in the ZIP"

"$tests/desktop/test_desktop_plugin.sh" "$zip" > "$work/desktop.log" 2>&1 \
  || { fail "the plugin installed from the ZIP"; tail -15 "$work/desktop.log"; }
"$tests/qgis/test_qgis_process.sh" "$work/plugins" "$work/plugins/circularplanner/sample_data/almaty.gpkg" \
  > "$work/process.log" 2>&1 || { fail "qgis_process with the ZIP's plugin"; tail -5 "$work/process.log"; }
[ "$failures" -eq 0 ] && echo "plugin ZIP for QGIS $qgis: contents, desktop install from ZIP, qgis_process"
