#!/usr/bin/env bash
# The C++ plugin in the real QGIS desktop under Xvfb, with a fresh profile:
# it loads its menu, panel and Processing provider; the panel loads the Almaty
# sample data and runs the OD analysis (5 zones x 8 districts) in the
# background; QGIS exits cleanly and logs no error from the plugin. A
# screenshot is kept in SCREENSHOT_DIR when given.
# Usage: test_desktop_plugin.sh PLUGIN_DIR [SCREENSHOT_DIR]
set -u
plugin_dir=$(realpath "$1")
shots=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profiles/default/QGIS"
cat > "$work/profiles/default/QGIS/QGIS3.ini" <<INI
[Plugins]
libcircularplanner=true

[plugins]
searchPathsForPlugins=$plugin_dir
INI
export CP_PROBE_OUT="$work/probe.txt" XDG_RUNTIME_DIR="$work"
[ -n "$shots" ] && export CP_SCREENSHOTS=$(realpath -m "$shots")
# The desktop needs a real X server (Xvfb); the offscreen platform the headless
# tests use makes QgisApp crash at start-up.
unset QT_QPA_PLATFORM
chmod 700 "$work"
here=$(cd "$(dirname "$0")" && pwd)
timeout 240 xvfb-run -a -s "-screen 0 1440x900x24" \
  qgis --nologo --noversioncheck --profiles-path "$work" --code "$here/probe_plugin.py" > "$work/qgis.log" 2>&1
rc=$?
fail() { echo "FAIL: $*"; tail -20 "$work/qgis.log"; exit 1; }
[ "$rc" -eq 0 ] || fail "QGIS exited with $rc"
[ -f "$work/probe.txt" ] || fail "the probe did not run"
cat "$work/probe.txt"
grep -q "menu=True" "$work/probe.txt" || fail "no Circular Planner menu"
grep -q "provider=True" "$work/probe.txt" || fail "no circularplanner provider"
grep -q "algorithm=True" "$work/probe.txt" || fail "no OD matrix algorithm"
grep -q "dock=True" "$work/probe.txt" || fail "no Circular Planner panel"
if [ -n "${CP_PROBE_FULL:-}" ]; then
  grep -q "sample_layers=10" "$work/probe.txt" || fail "the sample data did not load"
  grep -q "od_features=40" "$work/probe.txt" || fail "the OD analysis did not give 40 rows"
fi
! grep -iE "circular.?planner.*(error|critical|could not)" "$work/qgis.log" || fail "QGIS logged an error from the plugin"
echo "desktop: plugin, panel and provider loaded; clean exit${CP_PROBE_FULL:+; sample data and a 40-row OD analysis through the panel}"
