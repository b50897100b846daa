#!/usr/bin/env bash
# The C++ plugin in the real QGIS desktop under Xvfb, with a fresh profile:
# it loads, adds its menu and Processing provider, QGIS exits cleanly and logs
# no error from the plugin. A screenshot is kept in SCREENSHOT_DIR when given.
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
# The desktop needs a real X server (Xvfb); the offscreen platform the headless
# tests use makes QgisApp crash at start-up.
unset QT_QPA_PLATFORM
chmod 700 "$work"
here=$(cd "$(dirname "$0")" && pwd)
timeout 180 xvfb-run -a -s "-screen 0 1280x800x24" \
  qgis --nologo --noversioncheck --profiles-path "$work" --code "$here/probe_plugin.py" > "$work/qgis.log" 2>&1
rc=$?
fail() { echo "FAIL: $*"; tail -20 "$work/qgis.log"; exit 1; }
[ "$rc" -eq 0 ] || fail "QGIS exited with $rc"
[ -f "$work/probe.txt" ] || fail "the probe did not run"
cat "$work/probe.txt"
grep -q "menu=True" "$work/probe.txt" || fail "no Circular Planner menu"
grep -q "provider=True" "$work/probe.txt" || fail "no circularplanner provider"
grep -q "algorithm=True" "$work/probe.txt" || fail "no OD matrix algorithm"
! grep -iE "circular.?planner.*(error|critical|could not)" "$work/qgis.log" || fail "QGIS logged an error from the plugin"
echo "desktop: plugin loaded, menu and provider present, QGIS exited cleanly"
