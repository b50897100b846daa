#!/usr/bin/env bash
# What `cmake --install` puts in a prefix works from there, with nothing of the
# build tree: the command writes a report from the installed sample data; the
# desktop plugin, from QGIS's plugin folder of that prefix, finds the installed
# sample data by itself and runs the panel's analyses (the desktop test under
# Xvfb); qgis_process runs an algorithm through the installed Python shim. The
# shipped sample data is never changed.
# Usage: test_install.sh BUILD_DIR
set -u
build=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/usr
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cmake --install "$build" --prefix "$prefix" > "$work/install.log" 2>&1 \
  || { echo "FAIL: cmake --install failed"; tail -5 "$work/install.log"; exit 1; }
share=$prefix/share/circular-planner
for f in bin/circular-planner lib/qgis/plugins/libcircularplanner.so \
  share/circular-planner/sample_data/almaty.gpkg share/circular-planner/sample_data/almaty_report.ini \
  share/circular-planner/python-plugins/circularplanner/__init__.py \
  share/circular-planner/python-plugins/circularplanner/metadata.txt \
  share/circular-planner/python-plugins/circularplanner/libcircularplanner.so; do
  [ -f "$prefix/$f" ] || fail "$f is not installed"
done
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
(unset CIRCULAR_PLANNER_SAMPLE_DATA; export CP_EXPECT_SAMPLE_FROM=$share/sample_data
  "$here/desktop/test_desktop_plugin.sh" "$prefix/lib/qgis/plugins") \
  > "$work/desktop.log" 2>&1 || { fail "the installed desktop plugin"; tail -15 "$work/desktop.log"; }

# qgis_process through the installed Python shim.
cp "$share/sample_data/almaty.gpkg" "$work/sample.gpkg"
"$here/qgis/test_qgis_process.sh" "$share/python-plugins" "$work/sample.gpkg" > "$work/process.log" 2>&1 \
  || { fail "qgis_process with the installed shim"; tail -5 "$work/process.log"; }

[ "$(sha256sum "$share/sample_data/almaty.gpkg")" = "$shipped" ] \
  || fail "the shipped sample data was changed"
[ "$(ls -A "$share/sample_data" | tr '\n' ' ')" = "README.md almaty.gpkg almaty_report.ini " ] \
  || fail "files were written beside the shipped sample data: $(ls -A "$share/sample_data")"
echo "install: $failures failure(s)"
[ "$failures" -eq 0 ]
