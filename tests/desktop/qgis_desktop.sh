# Sourced by the desktop tests: the real QGIS desktop under Xvfb from a fresh
# profile. The desktop needs a real X server; the offscreen platform the
# headless tests use makes QgisApp crash at start-up. QGIS treats files under
# the temp folder as temporary layers and asks before closing them, so its temp
# folder is made private: a checkout or build under /tmp does not count.

# desktop_profile WORK [PLUGIN_DIR]: a fresh profile in WORK, with the C++
# plugin of PLUGIN_DIR enabled when given (none otherwise).
desktop_profile() {
  mkdir -p "$1/profiles/default/QGIS" "$1/tmp"
  chmod 700 "$1"
  if [ -n "${2:-}" ]; then
    printf '[Plugins]\nlibcircularplanner=true\n\n[plugins]\nsearchPathsForPlugins=%s\n' "$2" \
      > "$1/profiles/default/QGIS/QGIS3.ini"
  else
    : > "$1/profiles/default/QGIS/QGIS3.ini"
  fi
}

# run_desktop WORK PROBE SECONDS: QGIS with that profile runs the Python file
# PROBE at start; its output goes to WORK/qgis.log. Returns QGIS's exit status
# (124 when it was still running after SECONDS).
run_desktop() {
  (export XDG_RUNTIME_DIR="$1" TMPDIR="$1/tmp"
    unset QT_QPA_PLATFORM
    timeout "$3" xvfb-run -a -s "-screen 0 1440x900x24" \
      qgis --nologo --noversioncheck --profiles-path "$1" --code "$2") > "$1/qgis.log" 2>&1
}
