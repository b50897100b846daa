#!/usr/bin/env bash
# The C++ plugin in the real QGIS desktop under Xvfb, with a fresh profile:
# it loads its menu, panel and Processing provider; the panel loads the Almaty
# sample data and runs the OD analysis (5 industrial zones x 8 district
# centres) and the composting-site catchments in the background, into
# GeoPackages; the panel's choices survive saving and re-reading the project;
# the plugin unloads and re-loads cleanly; QGIS exits by itself and logs no
# error from the plugin. Screenshots (map, panel, catchments) are kept in
# SCREENSHOT_DIR when given.
# Given the plugin's ZIP instead of a folder, the fresh profile starts without
# the plugin, which is installed from the ZIP as the Plugin Manager's "Install
# from ZIP" does, and must find the sample data it ships.
# Usage: test_desktop_plugin.sh PLUGIN_DIR|PLUGIN_ZIP [SCREENSHOT_DIR]
set -u
plugin=$(realpath "$1")
shots=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
. "$here/qgis_desktop.sh"
if [ "${plugin%.zip}" != "$plugin" ]; then
  export CP_PLUGIN_ZIP=$plugin
  export CP_EXPECT_SAMPLE_FROM=$work/profiles/default/python/plugins/circularplanner/sample_data
  results=$(dirname "$plugin")/test-artifacts/desktop-results-zip
  desktop_profile "$work"
else
  results=$plugin/../test-artifacts/desktop-results
  desktop_profile "$work" "$plugin"
fi
results=$(realpath -m "${CP_DESKTOP_RESULTS:-$results}")
rm -rf "$results" && mkdir -p "$results"
export CP_PROBE_OUT="$work/probe.txt" CP_RESULTS="$results"
[ -n "$shots" ] && export CP_SCREENSHOTS=$(realpath -m "$shots")
run_desktop "$work" "$here/probe_plugin.py" 240
rc=$?
fail() {
  echo "FAIL: $*"
  cat "$work/probe.txt" 2>/dev/null
  tail -20 "$work/qgis.log"
  exit 1
}
[ "$rc" -eq 0 ] || fail "QGIS exited with $rc"
[ -f "$work/probe.txt" ] || fail "the probe did not run"
cat "$work/probe.txt"
grep "^dialog=" "$work/probe.txt" && fail "a dialog interrupted the run"
grep "^timeout=" "$work/probe.txt" && fail "a result layer never arrived"
[ -z "${CP_PLUGIN_ZIP:-}" ] \
  || grep -q "before_zip=menu=False,provider=False,algorithms=False,dock=False" "$work/probe.txt" \
  || fail "the fresh profile already had the plugin before the ZIP was installed"
grep -q "menu=True" "$work/probe.txt" || fail "no Circular Planner menu"
grep -q "provider=True" "$work/probe.txt" || fail "no circularplanner provider"
grep -q "algorithms=True" "$work/probe.txt" || fail "the four algorithms are not all registered"
grep -q "dock=True" "$work/probe.txt" || fail "no Circular Planner panel"
grep -q "sample_layers=15" "$work/probe.txt" || fail "the sample data did not load"
# CP_EXPECT_SAMPLE_FROM: the folder the shipped sample must have come from.
[ -z "${CP_EXPECT_SAMPLE_FROM:-}" ] \
  || grep -q "^sample_status=Sample data loaded from $CP_EXPECT_SAMPLE_FROM/.* (a copy: $work/" "$work/probe.txt" \
  || fail "the sample data was not the one expected in $CP_EXPECT_SAMPLE_FROM, or not a copy in the profile"
grep -q "od_features=40" "$work/probe.txt" || fail "the OD analysis did not give 40 rows"
grep -q "od_network_rows=40" "$work/probe.txt" || fail "not every OD row was routed on the network"
grep -q "places_features=13" "$work/probe.txt" || fail "the places layer does not hold the 13 places"
grep -q "result_file=True" "$work/probe.txt" || fail "the result is not in a file"
grep -q "catchment_features=8" "$work/probe.txt" || fail "the catchments are not one per composting site"
# Every source within 20 km: 600 + 90 + 48 kt (EN:1573, 1594, 1555).
grep -q "catchment_tonnes=738000" "$work/probe.txt" || fail "the catchments do not gather the expected tonnes"
grep -q "selection_sites=existing=2 new=1" "$work/probe.txt" || fail "the site selection did not keep 2 existing sites and add 1"
grep -q "selection_co2_t=[1-9]" "$work/probe.txt" || fail "the panel's emission factors did not give the site selection its transport CO2e"
grep -q "farmland_parcels=509" "$work/probe.txt" || fail "the farmland supplied is not every parcel"
grep -q "farmland_compost_positive=True" "$work/probe.txt" || fail "no parcel received compost"
grep -q "compost_warnings_shown=True" "$work/probe.txt" || fail "the panel did not show the run's warnings"
# Nothing composted in this run: 600 + 48 kt go to the Karasai landfill (EN:1573, 1555), the
# nine firms' 90 kt stay with the firms (EN:1596); the planned plant (730 kt/yr) would take it all.
grep -q "disposal_landfill_tonnes=648000" "$work/probe.txt" || fail "the landfill does not receive the waste not composted"
grep -q "disposal_plant_tonnes=648000" "$work/probe.txt" || fail "the planned plant does not take the waste not composted"
grep -q "climate_scenarios=4" "$work/probe.txt" || fail "the panel's climate balance did not compare the four shipped strategies"
# The baseline's 877 kt CO2e a year, as the runner and the report give it.
grep -q "climate_baseline_kt=877" "$work/probe.txt" || fail "the panel's climate balance does not give the baseline's 877 kt CO2e"
grep -q "climate_composting_lower=True" "$work/probe.txt" || fail "composting does not lower the panel's balance"
grep -q "climate_plant_takes_kt=648" "$work/probe.txt" || fail "the panel's map of what the plant changes does not move the landfill's 648 kt to it"
grep -q "timber_lever_enabled=True" "$work/probe.txt" || fail "the panel's timber share is not offered for the construction supply"
grep -q "construction_scenarios=bought_elsewhere,primary_only,urban_mining,urban_mining_and_timber" "$work/probe.txt" \
  || fail "the panel's construction balance did not compare the four scenarios, the timber share's among them"
# The same baseline as the runner's and the report's: 471.6 kt CO2e.
grep -q "construction_baseline_kt=472" "$work/probe.txt" || fail "the panel's construction balance does not give the baseline's 472 kt CO2e"
grep -q "construction_district_changes=True" "$work/probe.txt" || fail "the panel did not load the districts the construction scenarios change"
grep -q "flow_lines=90" "$work/probe.txt" || fail "the masterplan's 90 construction flows were not drawn"
grep -q "flow_tonnes=1431000" "$work/probe.txt" || fail "the construction flows do not carry the table's tonnes"
grep -q "road_load_segments=True" "$work/probe.txt" || fail "no road loads"
grep -q "network_builds=1$" "$work/probe.txt" || fail "the panel's analyses did not share one road network"
grep -q "unnamed_layer_refused=True" "$work/probe.txt" \
  || fail "a layer the run could not take was not refused at once with the reason"
grep -q "roles_restored=True" "$work/probe.txt" || fail "the panel's choices did not come back with the project"
grep -q "after_unload=menu=False,provider=False,algorithms=False,dock=False" "$work/probe.txt" \
  || fail "unloading left something behind"
grep -q "after_reload=menu=True,provider=True,algorithms=True,dock=True" "$work/probe.txt" \
  || fail "re-loading did not bring everything back"
! grep -iE "circular.?planner.*(error|critical|could not)" "$work/qgis.log" || fail "QGIS logged an error from the plugin"
echo "desktop: plugin, panel and provider loaded; sample data, a 40-row OD analysis, the composting catchments, a site selection, compost outlets, waste disposal, the climate balance of the strategies, the construction supply and its climate balance, the construction flows and their road loads through the panel; choices kept in the project; unload and re-load clean; clean exit"
