#!/usr/bin/env bash
# circularplanner algorithms through qgis_process, which loads the Python shim.
# Usage: test_qgis_process.sh PYTHON_PLUGIN_DIR SAMPLE_GPKG
set -u
plugins=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gpkg=$work/sample.gpkg  # a copy of its own, as other tests read the sample at the same time
cp "$2" "$gpkg"
mkdir -m 700 "$work/xdg"
mkdir -p "$work/profile/profiles/default/QGIS"
printf '[PythonPlugins]\ncircularplanner=true\n' > "$work/profile/profiles/default/QGIS/QGIS3.ini"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/xdg" QGIS_CUSTOM_CONFIG_PATH="$work/profile"
export QGIS_PLUGINPATH="$plugins"
# The Debian wrapper passes an option qgis_process rejects; the binary works.
qgis_process=/usr/bin/qgis_process.bin

fail() { echo "FAIL: $*"; exit 1; }

timeout 120 "$qgis_process" list > "$work/list.txt" 2>&1 || fail "qgis_process list failed: $(tail -3 "$work/list.txt")"
for alg in buildnetwork odmatrix routes nearestfacilities allocation catchments siteselection \
  compostoutlets flowlines flowbalance roadloads sankey buildingstock constructionsupply \
  siteassessment reportmap; do
  grep -q "circularplanner:$alg" "$work/list.txt" || fail "circularplanner:$alg is not listed"
done

timeout 300 "$qgis_process" run circularplanner:odmatrix -- \
  "ROADS=$gpkg|layername=roads" "ORIGINS=$gpkg|layername=industrial_zones" ORIGIN_ID=zone_id \
  "DESTINATIONS=$gpkg|layername=district_centres" DESTINATION_ID=name "OUTPUT=$work/od.gpkg" \
  > "$work/run.txt" 2>&1 || fail "the run failed: $(tail -5 "$work/run.txt")"
count=$(ogrinfo -so -al "$work/od.gpkg" | sed -n 's/^Feature Count: //p')
[ "$count" = 40 ] || fail "expected 40 OD rows, found '$count'"
unreachable=$(ogrinfo -q -al -where "method <> 'network'" "$work/od.gpkg" | grep -c "OGRFeature" || true)
[ "$unreachable" = 0 ] || fail "$unreachable rows were not routed on the network"

# Runs an algorithm on the sample roads with the zones as origins; $1 algorithm,
# $2 output file, the rest extra parameters.
run_alg() {
  local alg=$1 out=$2
  shift 2
  timeout 300 "$qgis_process" run "circularplanner:$alg" -- "ROADS=$gpkg|layername=roads" \
    "$@" "OUTPUT=$out" > "$work/$alg.txt" 2>&1 || fail "$alg failed: $(tail -5 "$work/$alg.txt")"
}
features() { ogrinfo -so -al "$1" | sed -n 's/^Feature Count: //p'; }
zones=("ORIGINS=$gpkg|layername=industrial_zones" ORIGIN_ID=zone_id)
run_alg routes "$work/routes.gpkg" "${zones[@]}" "DESTINATIONS=$gpkg|layername=district_centres" \
  DESTINATION_ID=name "PLACES=$work/places.gpkg"
[ "$(features "$work/routes.gpkg")" = 40 ] || fail "expected 40 routes"
[ "$(features "$work/places.gpkg")" = 13 ] || fail "expected 13 places"
run_alg nearestfacilities "$work/nearest.gpkg" "${zones[@]}" \
  "FACILITIES=$gpkg|layername=district_centres" FACILITY_ID=name K=3
[ "$(features "$work/nearest.gpkg")" = 15 ] || fail "expected 5 zones x 3 nearest"
run_alg allocation "$work/allocation.gpkg" "SOURCES=$gpkg|layername=organic_sources" \
  SOURCE_ID=source_id "SITES=$gpkg|layername=composting_sites" SITE_ID=site_id
grep -q "ALLOCATED_TONNES" "$work/allocation.txt" || fail "allocation reported no tonnes"
[ "$(features "$work/allocation.gpkg")" -gt 0 ] || fail "the allocation has no lines"
compost=("SITES=$gpkg|layername=composting_sites" SITE_ID=site_id)
run_alg catchments "$work/catchments.gpkg" "${compost[@]}"
[ "$(features "$work/catchments.gpkg")" = 8 ] || fail "expected a catchment per composting site"
run_alg siteselection "$work/selection.gpkg" "SOURCES=$gpkg|layername=organic_sources" \
  SOURCE_ID=source_id "${compost[@]}" NEW_SITES=1 METHOD=2
grep -q "PROVEN_OPTIMAL:.1" "$work/siteselection.txt" || fail "the exact site selection proved nothing"
run_alg compostoutlets "$work/outlets.gpkg" "${compost[@]}" \
  "FARMLAND=$gpkg|layername=agricultural_land" PARCEL_ID=parcel_id \
  "COEFFICIENTS=$gpkg|layername=coefficients"
grep -q "PLACED_TONNES" "$work/compostoutlets.txt" || fail "compost outlets reported no tonnes"
run_alg flowlines "$work/flows.gpkg" "FLOWS=$gpkg|layername=material_flows" \
  "PLACES=$gpkg|layername=industrial_zones" "PLACES=$gpkg|layername=districts" \
  SCENARIO=masterplan_2050_illustrative
[ "$(features "$work/flows.gpkg")" = 90 ] || fail "expected the masterplan's 90 flows"
run_alg sankey "$work/sankey.svg" "FLOWS=$gpkg|layername=material_flows" GROUP=construction
grep -q "<svg" "$work/sankey.svg" || fail "the Sankey diagram is no SVG"
timeout 300 "$qgis_process" run circularplanner:reportmap -- "LAYERS=$gpkg|layername=districts" \
  "LAYERS=$gpkg|layername=roads" "TITLE=Almaty" DPI=60 "OUTPUT=$work/map.png" \
  > "$work/reportmap.txt" 2>&1 || fail "reportmap failed: $(tail -5 "$work/reportmap.txt")"
[ -s "$work/map.png" ] || fail "no report map"
run_alg buildnetwork "$work/network.gpkg"
grep -q "MAIN_NETWORK_NODES" "$work/buildnetwork.txt" || fail "buildnetwork reported no counts"
[ "$(features "$work/network.gpkg")" -gt 40000 ] || fail "the network has too few segments"

timeout 120 "$qgis_process" run circularplanner:odmatrix -- \
  "ROADS=$gpkg|layername=settlements" "ORIGINS=$gpkg|layername=industrial_zones" \
  "DESTINATIONS=$gpkg|layername=district_centres" "OUTPUT=$work/bad.gpkg" > "$work/bad.txt" 2>&1 \
  && fail "points accepted as roads"
grep -q "must be lines" "$work/bad.txt" || fail "no clear error for points as roads: $(tail -3 "$work/bad.txt")"
echo "qgis_process: the algorithms ran (40 OD rows and 40 routes by network, 15 nearest, an allocation, 8 catchments, a proven site selection, compost outlets, 90 flow lines, a Sankey diagram, a report map, the network); bad input refused with a clear message"
