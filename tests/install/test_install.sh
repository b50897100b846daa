#!/usr/bin/env bash
# What `cmake --install` puts in a fresh prefix is all there and works from
# there, with nothing of the build tree (check_installed.sh).
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
for f in bin/circular-planner lib/qgis/plugins/libcircularplanner.so \
  share/circular-planner/sample_data/almaty.gpkg share/circular-planner/sample_data/almaty_report.ini \
  share/circular-planner/python-plugins/circularplanner/__init__.py \
  share/circular-planner/python-plugins/circularplanner/metadata.txt \
  share/circular-planner/python-plugins/circularplanner/libcircularplanner.so; do
  [ -f "$prefix/$f" ] || fail "$f is not installed"
done
"$here/install/check_installed.sh" "$prefix" || fail "the installed tree does not work from its prefix"
echo "install: $failures failure(s)"
[ "$failures" -eq 0 ]
