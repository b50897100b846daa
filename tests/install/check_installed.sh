#!/usr/bin/env bash
# What an installation under PREFIX does from there alone, as a planner uses
# it: the command writes a report from the installed sample data; the desktop
# plugin, from QGIS's plugin folder of that prefix, finds the installed sample
# by itself and runs the panel's analyses (the desktop test under Xvfb);
# qgis_process runs an algorithm through the installed Python shim; nothing is
# changed or written beside the shipped sample data.
# Usage: check_installed.sh PREFIX   (exit status 0 when all of it works)
set -u
prefix=$1
tests=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
share=$prefix/share/circular-planner
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
shipped=$(sha256sum "$share/sample_data/almaty.gpkg")

# The command, on the installed sample (exit 3: complete, with the sample's warnings).
printf '[data]\nsource = %s\n[output]\nfolder = %s\n[maps]\ndpi = 60\n' \
  "$share/sample_data/almaty.gpkg" "$work/report" > "$work/report.ini"
(cd "$work" && QT_QPA_PLATFORM=offscreen "$prefix/bin/circular-planner" report "$work/report.ini") \
  > "$work/report.log" 2>&1
rc=$?
[ "$rc" -eq 3 ] && [ -f "$work/report/maps/composting.png" ] \
  || { fail "the installed command wrote no report (exit $rc)"; tail -5 "$work/report.log"; }

# The desktop plugin from the installed plugin folder, with no hint where the sample is.
(unset CIRCULAR_PLANNER_SAMPLE_DATA
  export CP_EXPECT_SAMPLE_FROM=$share/sample_data CP_DESKTOP_RESULTS=$work/desktop-results
  "$tests/desktop/test_desktop_plugin.sh" "$prefix/lib/qgis/plugins") \
  > "$work/desktop.log" 2>&1 || { fail "the installed desktop plugin"; tail -15 "$work/desktop.log"; }

# qgis_process through the installed Python shim.
"$tests/qgis/test_qgis_process.sh" "$share/python-plugins" "$share/sample_data/almaty.gpkg" \
  > "$work/process.log" 2>&1 || { fail "qgis_process with the installed shim"; tail -5 "$work/process.log"; }

[ "$(sha256sum "$share/sample_data/almaty.gpkg")" = "$shipped" ] \
  || fail "the shipped sample data was changed"
[ "$(ls -A "$share/sample_data" | tr '\n' ' ')" = "README.md almaty.gpkg almaty_report.ini " ] \
  || fail "files were written beside the shipped sample data: $(ls -A "$share/sample_data")"
[ "$failures" -eq 0 ]
