#!/usr/bin/env bash
# The headless runner as a user meets it: exit codes, messages, and a full run.
# Usage: test_runner.sh RUNNER SAMPLE_GPKG
set -u
# A report is a QGIS job; it needs no display.
runner=$1
out=$(mktemp -d)
failures=0
# A copy of its own: QGIS opens a GeoPackage for update, and other tests that
# run at the same time read the same sample.
gpkg=$out/sample.gpkg
cp "$2" "$gpkg"

expect() {  # expect CODE PATTERN -- ARGS...
  local code=$1 pattern=$2
  shift 3
  local text rc
  text=$("$runner" "$@" 2>&1)
  rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -q -- "$pattern" <<<"$text"; then
    echo "FAIL: '$*' gave rc=$rc (wanted $code) and did not say '$pattern':"
    echo "$text" | head -5
    failures=$((failures + 1))
  fi
}

expect 2 "usage:" -- 
expect 2 "--roads is required" -- od --origins x --output y
expect 2 "--metric is 'distance' or 'time'" -- od --roads r --origins o --output y --metric fastest
expect 2 "--max-snap must be greater than 0" -- od --roads r --origins o --output y --max-snap 0
expect 1 "cannot open the data source" -- od --roads /nonexistent.gpkg --origins x --output "$out/a.gpkg"
expect 1 "roads must be lines" -- od --roads "$gpkg|layername=settlements" --origins "$gpkg|layername=districts" --output "$out/b.gpkg"
expect 1 "field 'nom'" -- od --roads "$gpkg|layername=roads" --origins "$gpkg|layername=districts" --origin-id nom --output "$out/c.gpkg"
expect 2 "--matrix-lines is 'auto', 'yes' or 'no'" -- od --roads r --origins o --output y --matrix-lines maybe
expect 0 "64 by network" -- od --roads "$gpkg|layername=roads" --origins "$gpkg|layername=district_centres" --origin-id name --output "$out/d.gpkg"
expect 0 "writing" -- od --roads "$gpkg|layername=roads" --origins "$gpkg|layername=district_centres" --origin-id name --output "$out/e.gpkg" --matrix-lines no

for f in a b c; do
  [ -e "$out/$f.gpkg" ] && { echo "FAIL: a failed run left $f.gpkg"; failures=$((failures + 1)); }
done
[ -s "$out/d.gpkg" ] || { echo "FAIL: the full run wrote no output"; failures=$((failures + 1)); }
geometry_of() { ogrinfo -so "$out/$1.gpkg" od_matrix 2>/dev/null | sed -n 's/^Geometry: //p'; }
[ "$(geometry_of d)" = "Line String" ] && [ "$(geometry_of e)" = "None" ] ||
  { echo "FAIL: --matrix-lines does not choose the matrix's geometry"; failures=$((failures + 1)); }

check() {  # check CONDITION MESSAGE
  eval "$1" || { echo "FAIL: $2"; failures=$((failures + 1)); }
}

# The catchments job, with GDAL alone: its settings, a repeated site id, a run.
sites="$gpkg|layername=composting_sites"
organic=(--sources "$gpkg|layername=organic_sources" --source-id source_id)
expect 2 "--sites is required" -- catchments --roads r --output y
expect 2 "--travel is 'to' or 'from'" -- catchments --roads r --sites s --output y --travel out
expect 2 "--bands: Bands must be positive numbers separated by commas, not '5 km'" -- \
  catchments --roads r --sites s --output y --bands "5 km"
ogr2ogr -f GPKG "$out/twice.gpkg" "$gpkg" composting_sites -nln sites
ogr2ogr -append "$out/twice.gpkg" "$gpkg" composting_sites -nln sites
expect 1 "site id 'CS-.*' is used by more than one feature" -- catchments \
  --roads "$gpkg|layername=roads" --sites "$out/twice.gpkg" --site-id site_id --output "$out/f.gpkg"
[ -e "$out/f.gpkg" ] && { echo "FAIL: a failed catchments run left its output"; failures=$((failures + 1)); }
expect 0 "sites serving: " -- catchments --roads "$gpkg|layername=roads" --sites "$sites" \
  --site-id site_id "${organic[@]}" --cutoff 20000 --output "$out/catchments.gpkg"
check '[ "$(ogrinfo -ro -so "$out/catchments.gpkg" catchments | sed -n "s/Feature Count: //p")" = \
        "$(ogrinfo -ro -so "$gpkg" composting_sites | sed -n "s/Feature Count: //p")" ] &&
       [ "$(ogrinfo -ro -so "$out/catchments.gpkg" catchment_network | sed -n "s/Feature Count: //p")" -gt 1000 ]' \
  "the catchments job did not write a catchment per site and the served roads"

# Routes, with GDAL alone: every pair, and the share on schematic roads.
expect 2 "--roads is required" -- routes --network-cache n.cpnet --origins o --output y
expect 0 "routes: 64 of 64 pairs" -- routes --roads "$gpkg|layername=roads" \
  --origins "$gpkg|layername=district_centres" --origin-id name --output "$out/routes.gpkg"
check '[ "$(ogrinfo -ro -so "$out/routes.gpkg" routes | sed -n "s/Feature Count: //p")" = 64 ]' \
  "the routes job did not write a route per pair"

# A result derived from the data carries its credits (OSM ODbL, geokz CC BY) unasked.
check 'ogrinfo -ro -so "$out/d.gpkg" od_matrix | grep -q "ATTRIBUTION=.*OpenStreetMap contributors.*geokz (CC BY 4.0)"' \
  "the OD job's output does not carry its data's attribution"

# Nearest facilities, with GDAL alone.
expect 2 "--k must be 1 or more" -- nearest --roads r --origins o --facilities f --output y --k 0
expect 0 "nearest: 15 lines; 5 origins reach a facility" -- nearest --roads "$gpkg|layername=roads" \
  --origins "$gpkg|layername=industrial_zones" --origin-id zone_id \
  --facilities "$gpkg|layername=district_centres" --facility-id name --k 3 --output "$out/nearest.gpkg"

# Allocation and site selection, with GDAL alone.
compost=(--sites "$sites" --site-id site_id)
expect 2 "--sources is required" -- allocation --roads r --sites s --output y
expect 2 "--method is 'heuristic', 'exact' or 'both'" -- siteselection --roads r --sources s \
  --sites s --output y --method best
expect 1 "no tonnes field given or found" -- allocation --roads "$gpkg|layername=roads" \
  --sources "$gpkg|layername=districts" "${compost[@]}" --output "$out/g.gpkg"
[ -e "$out/g.gpkg" ] && { echo "FAIL: a failed allocation left its output"; failures=$((failures + 1)); }
factors=(--factors "$gpkg|layername=emission_factors")
expect 0 "t allocated; " -- allocation --roads "$gpkg|layername=roads" "${organic[@]}" \
  "${compost[@]}" "${factors[@]}" --output "$out/allocation.gpkg"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/allocation.gpkg" site_intake -select co2_t | grep -c "^[1-9]")" -gt 0 ]' \
  "the allocation did not count transport CO2e with the truck of the emission factors"
expect 0 "sites chosen: .* (proven optimal)" -- siteselection --roads "$gpkg|layername=roads" \
  "${organic[@]}" "${compost[@]}" --new-sites 1 --method exact --output "$out/selection.gpkg"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/selection.gpkg" site_intake -select status | grep -c "^new$")" = 1 ]' \
  "site selection did not mark one new site"
# Without emission factors no CO2e is guessed: the fields stay empty, and the run says why.
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/selection.gpkg" site_intake -select co2_t | grep -c "^[0-9]")" = 0 ]' \
  "a run without emission factors wrote transport CO2e"
expect 0 "no transport emission factor given" -- allocation --roads "$gpkg|layername=roads" \
  "${organic[@]}" "${compost[@]}" --output "$out/allocation_without_factors.gpkg"
expect 1 "no row 'lorry'" -- allocation --roads "$gpkg|layername=roads" "${organic[@]}" \
  "${compost[@]}" "${factors[@]}" --truck lorry --output "$out/allocation_no_truck.gpkg"

# Waste disposal, with GDAL alone: what the allocation does not compost goes to the landfill,
# or to the planned plant.
waste=(--facilities "$gpkg|layername=waste_facilities" --facility-id facility_id)
expect 2 "--facilities is required" -- wastedisposal --roads r --sources s --output y
expect 1 "no such field" -- wastedisposal --roads "$gpkg|layername=roads" "${organic[@]}" \
  "${waste[@]}" --kind-field sort --output "$out/h.gpkg"
[ -e "$out/h.gpkg" ] && { echo "FAIL: a failed disposal run left its output"; failures=$((failures + 1)); }
expect 0 "with the plant: 460000.0 t to the plant, 0.0 t still disposed of" \
  -- wastedisposal --roads "$gpkg|layername=roads" "${organic[@]}" "${waste[@]}" \
  --composted "$out/allocation.gpkg|layername=source_status" "${factors[@]}" \
  --output "$out/disposal.gpkg"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/disposal.gpkg" waste_facilities -where "facility_id = '"'WF-LANDFILL'"'" -select organic_today_t | tail -1)" = 460000 ]' \
  "the headless disposal job does not send the waste not composted to the Karasai landfill"

# The strategies' climate balance, with GDAL alone: the baseline's landfill methane is the
# report's 879,000 t CO2e (35,000 t CH4 at GWP 25, EN:1583-1586) within 1 %.
climate=(--sources "$gpkg|layername=organic_sources" --source-id source_id "${compost[@]}" "${waste[@]}"
  --factors "$gpkg|layername=emission_factors" --strategies "$gpkg|layername=organic_strategies")
expect 2 "--factors is required" -- climatebalance --roads r --sources s --sites s --facilities f \
  --strategies s --output y
expect 1 "no scenario 'today'" -- climatebalance --roads "$gpkg|layername=roads" "${climate[@]}" \
  --baseline today --output "$out/i.gpkg"
expect 0 "composting_and_plant: " -- climatebalance --roads "$gpkg|layername=roads" "${climate[@]}" \
  --output "$out/climate.gpkg" --chart "$out/climate.svg"
# Today's recycling: the report's 113 kt avoid its 173 kt CO2e (EN:2039-2041) within 1 %.
recycling=(--flows "$gpkg|layername=material_flows" --flow-scenario report_baseline)
expect 2 "--flows needs --coefficients" -- climatebalance --roads r "${climate[@]}" \
  "${recycling[@]}" --output y
expect 1 "recycling flows of several views (agri_food, city_total, industry): choose one" \
  -- climatebalance --roads "$gpkg|layername=roads" "${climate[@]}" "${recycling[@]}" \
  --coefficients "$gpkg|layername=coefficients" --output "$out/recycling_views.gpkg"
expect 0 "recycling today: 113000.0 t avoid 17[1-4][0-9][0-9][0-9]\.[0-9] t CO2e" -- climatebalance \
  --roads "$gpkg|layername=roads" "${climate[@]}" "${recycling[@]}" --recycling-view city_total \
  --coefficients "$gpkg|layername=coefficients" --output "$out/climate_recycling.gpkg"
# (-sql, not -where with -select: GDAL 3.13 ignores -select on a table without geometry then.)
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/climate_recycling.gpkg" -sql "SELECT factor FROM climate_breakdown WHERE component = '"'recycling (avoided)'"'" | grep -c "^\"\?recycling_avoided\.")" = 4 ]' \
  "the breakdown does not trace today's recycling to its four factors"
# What the plant changes: the landfill loses its 648 kt (600 kt organic waste, 48 kt sludge;
# EN:1573, 1555) to the plant, and the roads to it carry them.
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/climate.gpkg" -sql "SELECT place_id, change_t FROM strategy_site_changes WHERE scenario = '"'waste_to_energy'"' ORDER BY place_id" | tr -d \"\" | tail -n +2 | tr "\n" " ")" = "WF-LANDFILL,-648000 WF-WTE,648000 " ]' \
  "the map of what the plant changes does not move the landfill's 648,000 t to the plant"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/climate.gpkg" -sql "SELECT count(*) FROM strategy_road_changes WHERE scenario = '"'composting'"' AND change_t < 0" | tail -1 | tr -d \"\")" -gt 0 ]' \
  "composting relieves no road on the way to the landfill"
check 'grep -q ">landfill methane<" "$out/climate.svg" && grep -q ">composting_and_plant<" "$out/climate.svg"' \
  "the climate chart lacks its legend or a scenario"
methane=$(ogr2ogr -f CSV /vsistdout/ "$out/climate.gpkg" -sql "SELECT co2e_t_central FROM climate_comparison WHERE scenario = 'baseline' AND component = 'landfill methane'" | tail -1)
check 'awk -v m="$methane" "BEGIN { exit !(m > 879000 * 0.99 && m < 879000 * 1.01) }"' \
  "the baseline's landfill methane ($methane t CO2e) is not the report's 879,000 t"

# The material-flow jobs, with GDAL alone.
flows=(--flows "$gpkg|layername=material_flows")
flow_places=(--places "$gpkg|layername=industrial_zones" --places "$gpkg|layername=districts")
expect 2 "--places is required" -- flowlines --roads r --flows f --output y
expect 2 "--shape is 'straight', 'curved' or 'routed'" -- flowlines --roads r "${flows[@]}" \
  --places p --output y --shape bent
expect 2 "--classes: 'stone' is not a material class" -- roadloads --roads r "${flows[@]}" \
  --places p --output y --classes minerals,stone
expect 0 "flows name places in none of the given layers and are left out; the places: 'Z-" -- \
  flowlines --roads "$gpkg|layername=roads" "${flows[@]}" --places "$gpkg|layername=districts" \
  --scenario masterplan_2050_illustrative --output "$out/lines_unplaced.gpkg"
expect 0 "flows: 90 placed, 0 naming no place" -- flowlines --roads "$gpkg|layername=roads" \
  "${flows[@]}" "${flow_places[@]}" --scenario masterplan_2050_illustrative "${factors[@]}" \
  --output "$out/flow_lines.gpkg"
expect 0 "road segments loaded" -- roadloads --roads "$gpkg|layername=roads" "${flows[@]}" \
  "${flow_places[@]}" --scenario masterplan_2050_illustrative --output "$out/road_loads.gpkg"
expect 2 "--candidates is required" -- siteassessment --roads r "${flows[@]}" --places p --output y
expect 0 "best candidate " -- siteassessment --roads "$gpkg|layername=roads" "${flows[@]}" \
  "${flow_places[@]}" --scenario masterplan_2050_illustrative --classes minerals \
  --candidates "$gpkg|layername=industrial_zones" --candidate-id zone_id --output "$out/assessment.gpkg"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/assessment.gpkg" site_assessment -select rank | tail -n +2 | sort -n | tr -d \" | tr "\n" " ")" = "1 2 3 4 5 " ]' \
  "site assessment did not rank every candidate"
expect 0 "out of balance" -- flowbalance "${flows[@]}" --output "$out/balance.gpkg"
check '[ "$(ogrinfo -ro -so "$out/balance.gpkg" flow_balance | sed -n "s/Feature Count: //p")" -gt 10 ]' \
  "the flow balance wrote no nodes"
expect 1 "no flow in t passes the filters in group 'nowhere'" -- sankey "${flows[@]}" --group nowhere \
  --output "$out/none.svg"
[ -e "$out/none.svg" ] && { echo "FAIL: a failed Sankey left its output"; failures=$((failures + 1)); }
expect 0 "bands drawn" -- sankey "${flows[@]}" --scenario report_baseline --group construction \
  --output "$out/construction.svg"
check 'grep -q "<svg" "$out/construction.svg"' "the Sankey job wrote no SVG"
# Methane (EN:1583) is not material: drawn in its own unit, never in the tonnes' diagram.
expect 0 "1 flow in t CH4 (M18): not drawn" -- sankey "${flows[@]}" --scenario report_baseline \
  --group agri_food --output "$out/agri_food.svg"
expect 0 "2 nodes and 1 bands drawn" -- sankey "${flows[@]}" \
  --scenario report_baseline --group agri_food --unit "t CH4" --output "$out/methane.svg" \
  --names "$gpkg|layername=flow_nodes"
check 'grep -q ">Atmosphere (emissions) 35 kt CH4<" "$out/methane.svg"' "the methane diagram is not labelled in t CH4"
expect 1 "no id field to name the flows' nodes by" -- sankey "${flows[@]}" --group agri_food \
  --names "$gpkg|layername=settlements" --output "$out/unnamed.svg"

# Construction supply, with GDAL alone.
expect 2 "--products is required" -- constructionsupply --roads r --zones z --districts d --output y
expect 1 "zones not in the zones layer: 'Z-" -- constructionsupply --roads "$gpkg|layername=roads" \
  --zones "$gpkg|layername=industrial_zones" --products "$gpkg|layername=zone_products" \
  --districts "$gpkg|layername=districts" --coefficients "$gpkg|layername=coefficients" \
  --output "$out/h.gpkg"
[ -e "$out/h.gpkg" ] && { echo "FAIL: a failed construction supply left its output"; failures=$((failures + 1)); }
expect 0 "1393460.0 t of 1822000.0 t demand supplied" -- constructionsupply \
  --roads "$gpkg|layername=roads" --zones "$gpkg|layername=industrial_zones" --zone-id zone_id \
  --products "$gpkg|layername=zone_products" --districts "$gpkg|layername=districts" \
  --district-id name --coefficients "$gpkg|layername=coefficients" "${factors[@]}" \
  --output "$out/construction.gpkg"
# Its climate balance: every tonne of the 1.82 Mt needed (286 kt biomass, 1,456 kt minerals,
# 80 kt metals) made at its class's embodied factor, 0.3, 0.12 and 2 t CO2e/t: 420,520 t;
# urban mining replaces some of it by secondary materials, and saves.
climate_of() {  # climate_of SCENARIO COMPONENT FIELD
  ogr2ogr -f CSV /vsistdout/ "$out/construction.gpkg" -sql "SELECT $3 FROM construction_climate WHERE scenario = '$1' AND component = '$2'" | tail -1 | tr -d '"'
}
check 'awk -v t="$(climate_of primary_only "primary production" co2e_t_central)" "BEGIN { exit !(t > 420519 && t < 420521) }"' \
  "the construction supply's primary production is not its tonnes at their classes' factors"
check 'awk -v m="$(climate_of urban_mining all change_from_baseline_t)" -v z="$(climate_of primary_only all change_from_baseline_t)" "BEGIN { exit !(m - z < -1000) }"' \
  "urban mining saves no greenhouse gases in the construction supply's balance"
# The planned zones against buying elsewhere: the baseline takes nothing from them, and its
# hauls from elsewhere are the coefficients' distances and rail shares (26,875 t CO2e).
check 'awk -v t="$(climate_of bought_elsewhere "hauls from elsewhere" co2e_t_central)" "BEGIN { exit !(t > 26874 && t < 26876) }"' \
  "the hauls of what is bought elsewhere are not the coefficients' distances at their modes"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/construction.gpkg" -sql "SELECT count(DISTINCT scenario) FROM construction_district_changes" | tail -1 | tr -d \")" = 2 ]' \
  "the districts' changes are not there for the zones and urban mining"
# With the two storage yards: every tonne demolitions free goes to the nearer one first.
expect 0 "(33960.0 t from demolition)" -- constructionsupply \
  --roads "$gpkg|layername=roads" --zones "$gpkg|layername=industrial_zones" --zone-id zone_id \
  --products "$gpkg|layername=zone_products" --districts "$gpkg|layername=districts" \
  --district-id district_id --coefficients "$gpkg|layername=coefficients" \
  --depots "$gpkg|layername=secondary_depots" --depot-id depot_id --output "$out/construction_depots.gpkg"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/construction_depots.gpkg" -sql "SELECT round(sum(tonnes)) FROM construction_supply WHERE origin = '"'demolition, to storage'"'" | tail -1 | tr -d \")" = 33960 ]' \
  "what demolitions free is not all hauled to the storage yards"
expect 2 "--zone-share must be a share between 0 and 1" -- constructionsupply --roads r \
  --zones z --products p --districts d --coefficients c --output y --zone-share -0.5
expect 0 "the zones change it by 0.0 t CO2e against buying elsewhere" -- constructionsupply \
  --roads "$gpkg|layername=roads" --zones "$gpkg|layername=industrial_zones" --zone-id zone_id \
  --products "$gpkg|layername=zone_products" --districts "$gpkg|layername=districts" \
  --district-id district_id --coefficients "$gpkg|layername=coefficients" "${factors[@]}" \
  --zone-share 0 --output "$out/construction_no_zones.gpkg"
# A quarter of the new floor in timber: a third scenario, less concrete and steel, more wood.
expect 2 "--timber-share must be a share between 0 and 1" -- constructionsupply --roads r \
  --zones z --products p --districts d --coefficients c --output y --timber-share 2
expect 0 "a timber share of 25.0 % changes it by a further -[0-9]" -- constructionsupply \
  --roads "$gpkg|layername=roads" --zones "$gpkg|layername=industrial_zones" --zone-id zone_id \
  --products "$gpkg|layername=zone_products" --districts "$gpkg|layername=districts" \
  --district-id district_id --coefficients "$gpkg|layername=coefficients" "${factors[@]}" \
  --timber-share 0.25 --output "$out/construction_timber.gpkg"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/construction_timber.gpkg" -sql "SELECT count(*) FROM construction_climate WHERE scenario = '"'urban_mining_and_timber'"'" | tail -1 | tr -d \"\")" = 5 ]' \
  "the timber scenario is not in the construction supply's climate comparison"

# Building stock and compost outlets, with GDAL alone; compost from the allocation's intake.
expect 2 "--demolition-years must be greater than 0" -- buildingstock --districts d --output y \
  --coefficients c --demolition-years 0
expect 2 "--coefficients is required" -- buildingstock --districts d --output y
expect 0 "demand 1822000.0 t a year" -- buildingstock --districts "$gpkg|layername=districts" \
  --district-id name --coefficients "$gpkg|layername=coefficients" \
  --output "$out/stock.gpkg"
expect 1 "no row 'new_build.biomass'" -- buildingstock --districts "$gpkg|layername=districts" \
  --coefficients "$gpkg|layername=emission_factors" --output "$out/stock_wrong_table.gpkg"
expect 2 "--yield must be a share between 0 and 1" -- compostoutlets --roads r --sites s \
  --farmland f --output y --yield 2
expect 2 "give --yield or --coefficients" -- compostoutlets --roads r --sites s --farmland f \
  --output y
expect 0 "compost is made here from each site's capacity" -- compostoutlets \
  --roads "$gpkg|layername=roads" "${compost[@]}" --farmland "$gpkg|layername=agricultural_land" \
  --parcel-id parcel_id --yield 0.4 --output "$out/compost_from_capacity.gpkg"
expect 0 "82335.6 t of 104000.0 t compost placed" -- compostoutlets \
  --roads "$gpkg|layername=roads" --sites "$out/allocation.gpkg|layername=site_intake" \
  --site-id site_id --farmland "$gpkg|layername=agricultural_land" --parcel-id parcel_id \
  --coefficients "$gpkg|layername=coefficients" --output "$out/compost.gpkg"

if ! "$runner" --help 2>&1 | grep -q "circular-planner report"; then
  echo "(this build has no report job: QGIS was left out)"
  rm -rf "$out"
  echo "runner: $failures failure(s)"
  [ "$failures" -eq 0 ]
  exit
fi

# The report job: bad configs, a missing layer, then the whole analysis.
export QT_QPA_PLATFORM=offscreen
printf '[data]\nsource = %s\n' "$gpkg" > "$out/no_folder.ini"
printf '[data]\nsource = %s\n[output]\nfolder = %s\n[layers]\nroads = nowhere\n' "$gpkg" "$out/bad" > "$out/bad_layer.ini"
printf '[data]\nsource = %s\n[output]\nfolder = %s\n[maps]\ndpi = 60\nframe = 76.40, 43.02, 77.42, 43.92\n' \
  "$gpkg" "$out/report" > "$out/base.ini"
printf '[layers]\nflow_nodes = flow_nodes\n[sankey]\nscenario = report_baseline\n[climate]\nrecycling_scenario = report_baseline\nrecycling_view = city_total\n' | cat "$out/base.ini" - > "$out/report.ini"
printf '[data]\nsource = %s\n[output]\nfolder = %s\n[maps]\nframe = 77.4, 43, 76.4, 44\n' "$gpkg" "$out/bad" > "$out/bad_frame.ini"
expect 2 "one argument" -- report
expect 2 "does not exist" -- report "$out/none.ini"
expect 2 "'output/folder' is required" -- report "$out/no_folder.ini"
expect 1 "nowhere" -- report "$out/bad_layer.ini"
expect 2 "maps/frame must be west, south, east, north" -- report "$out/bad_frame.ini"
check '[ ! -e "$out/bad/results.gpkg" ] && [ -z "$(ls -d "$out"/bad.partial-* 2>/dev/null)" ]' \
  "a failed report left files behind"
data_before=$(md5sum < "$gpkg")
expect 3 "Report written to" -- report "$out/report.ini"
check '[ "$(md5sum < "$gpkg")" = "$data_before" ]' "the report changed the data it read"
check '[ "$(ogrinfo -q "$out/report/results.gpkg" 2>/dev/null | grep -c "^[0-9]*:")" = 25 ]' \
  "the report's GeoPackage lacks result tables"
# Results derived from OSM roads and geokz boundaries carry both credits (ODbL, CC BY).
check 'ogrinfo -ro -so "$out/report/results.gpkg" warnings | grep -q "ATTRIBUTION=.*OpenStreetMap contributors.*geokz (CC BY 4.0)"' \
  "results.gpkg carries no attribution of the data it derives from"
check '[ "$(ls "$out/report/maps" | grep -c "\.png$")" = 9 ] && [ "$(ls "$out/report/maps" | grep -c "\.pdf$")" = 18 ]' \
  "the report has not nine maps in PNG and PDF (five, the construction flows and their road loads apart, one per strategy against the baseline, and the districts the construction supply's scenarios change), the districts' atlas, six Sankey pages and the two climate charts"
check 'grep -q ">hauls from elsewhere<" "$out/report/maps/construction-climate.svg"' \
  "the construction supply's climate chart does not show the hauls of what is bought elsewhere"
check '[ -e "$out/report/maps/strategy-composting_and_plant.pdf" ]' "the report has no map of what a strategy changes"
check 'grep -q ">landfill methane<" "$out/report/maps/climate-comparison.svg"' \
  "the report has no chart of the strategies' greenhouse gases"
check '[ "$(grep -ac "/Type /Page$" "$out/report/maps/districts-atlas.pdf")" = 8 ]' "the atlas has not a page per district"
check '[ "$(ls "$out/report/maps/a3" | grep -c "\.pdf$")" = 10 ] && grep -aq "/MediaBox \[ *0 0 119[01]" "$out/report/maps/a3/composting.pdf"' \
  "the report has not an A3 landscape PDF of each of its nine maps and of the atlas"
# Every view of the report's flows is drawn (EN:1450 the overall diagram, EN:1941 industry, ...),
# its nodes named from the flow_nodes table, never by raw ids, with a legend.
check '[ "$(ls "$out/report/maps" | grep "^sankey-.*\.svg$" | tr "\n" " ")" = "sankey-agri_food.svg sankey-city_metals.svg sankey-city_total.svg sankey-construction.svg sankey-industry.svg sankey-province.svg " ]' \
  "the report does not draw each of its six views as a Sankey diagram"
check 'grep -q ">Karasai landfill and dumpsites 291 kt<" "$out/report/maps/sankey-industry.svg" && ! grep -q ">disposal_sites\|>city_industry" "$out/report/maps/sankey-industry.svg"' \
  "the industry diagram labels its nodes by raw ids"
check 'grep -q ">Fossil fuels<" "$out/report/maps/sankey-city_total.svg" && grep -q "Atmosphere (emissions): 12.00 Mt CO2e<" "$out/report/maps/sankey-city_total.svg"' \
  "the overall diagram has no legend, or does not name the emissions it leaves out"
# The organic waste not composted: the sources' 738 kt (EN:1573, 1594, 1555) less the 260 kt the
# composting sites take, less 18 kt of the firms' own residues that no landfill receives
# (EN:1596): 460 kt, to the Karasai landfill today, and all of it to the planned plant (730 kt/yr).
check 'grep -q "^\"organic waste not composted: disposal, or the planned plant\",RESIDUAL_TONNES,.*,460000.000$" "$out/report/summary.csv" && grep -q ",PLANT_TONNES,.*,460000.000$" "$out/report/summary.csv"' \
  "the summary lacks the waste not composted, or its tonnes are not the sources' less the composted"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" waste_facilities_organic -where "facility_id = '"'WF-LANDFILL'"'" -select organic_today_t | tail -1)" = 460000 ]' \
  "the Karasai landfill does not receive the waste not composted"
# The strategies' climate balance in the report, the baseline's methane as the report's 35,000 t.
check 'grep -Eq "^\"climate balance of the organic-waste strategies\",BASELINE_METHANE,.*,(34[6-9]|35[0-3])[0-9]{2}\." "$out/report/summary.csv"' \
  "the summary lacks the baseline's landfill methane, or it is not the report's 35,000 t within 1 %"
check 'grep -Eq "^\"climate balance of the organic-waste strategies\",RECYCLING_AVOIDED_CO2E,.*,-17[1-4][0-9]{3}\." "$out/report/summary.csv"' \
  "the summary lacks today's recycling, or it does not avoid the report's 173,000 t CO2e within 1 %"
check 'grep -q "^\"construction supply\",SUPPLIED_TONNES,\"Supplied (t per year)\",1393460" "$out/report/summary.csv"' \
  "the summary lacks the construction supply"
check 'unzip -l "$out/report/circular_planner.qgz" | grep -q "\.qgs"' "no QGIS project"
# The headless catchments job and the report's Processing algorithm are one analysis.
catchment_rows() { ogr2ogr -f CSV /vsistdout/ "$1" catchments -select site_id,sources,tonnes,network_km; }
check '[ "$(catchment_rows "$out/catchments.gpkg")" = "$(catchment_rows "$out/report/results.gpkg")" ]' \
  "the catchments job and the report's catchments differ"
# Attributes only: the report writes in its project's CRS, the job in the working one.
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/flow_lines.gpkg" flow_lines)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" flow_lines)" ] &&
       [ "$(ogr2ogr -f CSV /vsistdout/ "$out/road_loads.gpkg" road_loads)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" road_loads)" ]' \
  "the flow-line and road-load jobs and the report's differ"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/construction.gpkg" construction_supply)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" construction_supply)" ] &&
       [ "$(ogr2ogr -f CSV /vsistdout/ "$out/construction.gpkg" district_supply)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" district_supply)" ]' \
  "the construction-supply job and the report's differ"
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/stock.gpkg" building_stock)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" building_stock)" ]' \
  "the building-stock job and the report's differ"
# The sites' points reach the compost job in another CRS: hauls equal to the last digits.
check '[ "$(ogr2ogr -f CSV /vsistdout/ "$out/compost.gpkg" compost_deliveries -select site_id,parcel_id,tonnes)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" compost_deliveries -select site_id,parcel_id,tonnes)" ] &&
       [ "$(ogr2ogr -f CSV /vsistdout/ "$out/compost.gpkg" farmland_supplied)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" farmland_supplied)" ] &&
       [ "$(ogr2ogr -f CSV /vsistdout/ "$out/compost.gpkg" compost_placed)" = "$(ogr2ogr -f CSV /vsistdout/ "$out/report/results.gpkg" compost_placed)" ]' \
  "the compost-outlets job and the report's differ"
table_rows() { ogr2ogr -f CSV /vsistdout/ "$1" "$2"; }
check '[ "$(table_rows "$out/allocation.gpkg" allocation)" = "$(table_rows "$out/report/results.gpkg" allocation)" ] &&
       [ "$(table_rows "$out/allocation.gpkg" site_intake)" = "$(table_rows "$out/report/results.gpkg" site_intake)" ] &&
       [ "$(table_rows "$out/allocation.gpkg" source_status)" = "$(table_rows "$out/report/results.gpkg" organic_sources_status)" ]' \
  "the allocation job and the report's allocation differ"
check '[ "$(table_rows "$out/disposal.gpkg" disposal_today)" = "$(table_rows "$out/report/results.gpkg" disposal_today)" ] &&
       [ "$(table_rows "$out/disposal.gpkg" disposal_with_plant)" = "$(table_rows "$out/report/results.gpkg" disposal_with_plant)" ] &&
       [ "$(table_rows "$out/disposal.gpkg" waste_facilities)" = "$(table_rows "$out/report/results.gpkg" waste_facilities_organic)" ]' \
  "the waste-disposal job and the report's disposal differ"
# Compost is made from what the allocation delivered (260,000 t x 0.4), not from capacities.
check 'grep -q "^\"compost to the farmland\",COMPOST_TONNES,\"Compost made (t/yr)\",104000.000" "$out/report/summary.csv"' \
  "the compost made is not the allocated intake times the yield"
# Warnings reach the terminal (alike ones counted), summary.md and results.gpkg.
"$runner" report "$out/report.ini" > "$out/report.log" 2>&1
check 'grep -q "not joined to the network.* - and [0-9,]* more like it" "$out/report.log"' \
  "the terminal does not show the report's warnings summarised"
check 'grep -q "^## Warnings" "$out/report/summary.md" && grep -q "more like it" "$out/report/summary.md"' \
  "summary.md has no warnings section"
said=$(sed -n 's/^with \([0-9,]*\) warning.*/\1/p' "$out/report.log" | tr -d ,)
check '[ "$said" -gt 100 ] && [ "$(ogrinfo -ro -so "$out/report/results.gpkg" warnings | sed -n "s/Feature Count: //p")" = "$said" ]' \
  "the warnings table of results.gpkg does not hold every warning the report gave"

# GDAL's own messages reach the report's warnings in our words, with the layer
# named, and never the terminal raw (a timestamp GDAL reads but calls
# non-conformant; the PNG maps, which cannot hold georeferencing).
cp "$gpkg" "$out/old_timestamps.gpkg"
ogrinfo -q "$out/old_timestamps.gpkg" -sql "UPDATE layer_styles SET update_time = '2026-11-23 16:09:04'" > /dev/null
printf '[data]\nsource = %s\n[output]\nfolder = %s\n[maps]\ndpi = 50\n' "$out/old_timestamps.gpkg" "$out/old_timestamps" > "$out/old_timestamps.ini"
"$runner" report "$out/old_timestamps.ini" > "$out/old_timestamps.log" 2>&1
check 'grep -q "^  layer .*: GDAL warning 1: Non-conformant content" "$out/old_timestamps.log"' \
  "GDAL's warning about a layer is not among the report's warnings"
check '! grep -qE "^(ERROR|Warning) [0-9]+:" "$out/old_timestamps.log" "$out/report.log"' \
  "GDAL printed its own messages on the terminal"
# A config that chooses no scenario for the Sankey diagrams gets each scenario's views apart,
# never one diagram adding the report's baseline to the masterplan's flows.
check '[ -s "$out/old_timestamps/maps/sankey-masterplan_2050_illustrative-construction.svg" ] && [ -s "$out/old_timestamps/maps/sankey-report_baseline-construction.svg" ] && [ "$(ls "$out/old_timestamps/maps" | grep -c "^sankey-.*\.svg$")" = 7 ]' \
  "without a chosen scenario, the Sankey diagrams are not drawn scenario by scenario"
check 'grep -q ">Alatau industrial zone " "$out/old_timestamps/maps/sankey-masterplan_2050_illustrative-construction.svg"' \
  "the masterplan's diagram does not name the zones"

# Where a report may go. It writes, moves and deletes nothing outside its work
# folder and its output folder, and says before any work when it cannot write:
# run from a folder holding a file of the user's, that folder stays as it was.
here=$(mktemp -d)
echo "the user's own file" > "$here/mine.txt"
pushd "$here" > /dev/null
location() {  # location NAME FOLDER: a config that writes the report to FOLDER
  printf '[data]\nsource = %s\n[output]\nfolder = %s\n[maps]\ndpi = 50\n' "$gpkg" "$2" > "$3/$1.ini"
}
touch "$out/a_file"
location under_file "$out/a_file/report" "$out"
expect 1 "a_file is a file" -- report "$out/under_file.ini"
location in_proc /proc/circular_planner_report "$out"
expect 1 "cannot write the report to /proc" -- report "$out/in_proc.ini"
mkdir "$out/users_folder" && echo "keep me" > "$out/users_folder/notes.txt"
location users_folder "$out/users_folder" "$out"
expect 1 "not a Circular Planner report" -- report "$out/users_folder.ini"
check '[ "$(ls -A "$out/users_folder")" = notes.txt ] && grep -q "keep me" "$out/users_folder/notes.txt"' \
  "a refused report touched the user's folder"
# A read-only place, as a user who may not write there (root may write anywhere).
shared=$(mktemp -d) && chmod 755 "$shared"
location read_only "$shared/report" "$shared"
location read_only_deeper "$shared/team/report" "$shared"
chmod 555 "$shared"
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
for config in read_only read_only_deeper; do
  text=$(HOME=/tmp "${as_user[@]}" "$runner" report "$shared/$config.ini" 2>&1); rc=$?
  check '[ "$rc" -eq 1 ] && grep -q "cannot write the report to $shared" <<<"$text"' \
    "a report to a read-only place ($config) gave rc=$rc: $(tail -2 <<<"$text")"
done
check '[ "$(ls -A "$shared")" = "$(printf "read_only.ini\nread_only_deeper.ini")" ]' \
  "a refused report left files in a read-only place"
chmod 755 "$shared" && rm -rf "$shared"
# A report written before is replaced whole, and only when the new one is done.
touch "$out/report/maps/stale.png"
expect 3 "Report written to" -- report "$out/report.ini"
check '[ ! -e "$out/report/maps/stale.png" ] && [ -s "$out/report/results.gpkg" ]' \
  "a new report did not replace the old one whole"
check '[ -z "$(ls -d "$out"/report.partial-* 2>/dev/null)" ]' "a report left its work folder behind"
popd > /dev/null
check '[ "$(ls -A "$here")" = mine.txt ] && grep -q "own file" "$here/mine.txt"' \
  "the report wrote, moved or deleted files in the current folder"
rm -rf "$here"

# The same report with the team's data in PostGIS.
. "$(dirname "$0")/../support/pg_cluster.sh"
for layer in roads districts industrial_zones zone_products organic_sources composting_sites \
  agricultural_land material_flows waste_facilities flow_nodes emission_factors organic_strategies \
  coefficients; do
  ogr2ogr -f PostgreSQL "PG:$PG_CONN" "$gpkg" "$layer" -lco GEOMETRY_NAME=geom 2> "$out/ogr2ogr.log" \
    || { echo "FAIL: could not load $layer into PostGIS: $(tail -2 "$out/ogr2ogr.log")"; failures=$((failures + 1)); }
done
recycling_ini='[climate]\nrecycling_scenario = report_baseline\nrecycling_view = city_total\n'
printf "[data]\nsource = PG:%s\n[output]\nfolder = %s\n[maps]\ndpi = 60\n$recycling_ini" "$PG_CONN" "$out/postgis" > "$out/postgis.ini"
expect 3 "Report written to" -- report "$out/postgis.ini"
check 'cmp -s <(cut -d, -f1-3 "$out/report/summary.csv") <(cut -d, -f1-3 "$out/postgis/summary.csv")' \
  "the report from PostGIS differs from the one from the GeoPackage"
check 'diff <(cut -d, -f4 "$out/report/summary.csv" | cut -c1-8) <(cut -d, -f4 "$out/postgis/summary.csv" | cut -c1-8) > /dev/null' \
  "the report's numbers from PostGIS differ from those from the GeoPackage"

# The prepared network kept in PostGIS: built once from the roads there, then
# used by a teammate who gives no roads at all, with the same distances.
net="PG:$PG_CONN|network=almaty"
centres=(--origins "$gpkg|layername=district_centres" --origin-id name)
expect 0 "network: .*nodes" -- od --roads "PG:$PG_CONN|layername=roads" "${centres[@]}" --network-cache "$net" --output "$out/pg_built.gpkg"
expect 0 "network: loaded from PG:" -- od "${centres[@]}" --network-cache "$net" --output "$out/pg_stored.gpkg"
od_csv() { ogr2ogr -f CSV /vsistdout/ "$out/$1.gpkg" od_matrix; }
check '[ "$(od_csv pg_built | wc -l)" = 65 ] && [ "$(od_csv pg_built)" = "$(od_csv pg_stored)" ]' \
  "distances on the stored network differ from those on the network just built"
expect 1 "no prepared network is stored" -- od "${centres[@]}" --network-cache "PG:$PG_CONN|network=none" --output "$out/pg_none.gpkg"

# Roles read from views, and the results written back into the database in one
# transaction: all twenty-four result tables and the warnings, with every row.
psql "$PG_CONN" -q -c "CREATE VIEW organic_in_city AS SELECT * FROM organic_sources;
  CREATE VIEW compost_sites_v AS SELECT * FROM composting_sites" \
  || { echo "FAIL: could not create the views"; failures=$((failures + 1)); }
pg_report() {  # pg_report NAME SCHEMA
  printf '[data]\nsource = PG:%s\n[output]\nfolder = %s\ndatabase = PG:%s\nschema = %s\n[layers]\norganic = organic_in_city\ncompost = public.compost_sites_v\n[maps]\ndpi = 60\n'"$recycling_ini" \
    "$PG_CONN" "$out/$1" "$PG_CONN" "$2" > "$out/$1.ini"
}
pg_tables() { psql "$PG_CONN" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$1'"; }
pg_report to_db planning
expect 3 "25 result tables ([0-9]* rows) written to" -- report "$out/to_db.ini"
check '[ "$(pg_tables planning)" = 25 ]' "the database has not the twenty-four result tables and the warnings"
check '[ "$(psql "$PG_CONN" -Atc "SELECT count(*) FROM planning.warnings")" = "$(ogrinfo -ro -so "$out/to_db/results.gpkg" warnings | sed -n "s/Feature Count: //p")" ]' \
  "the warnings in the database are not those of results.gpkg"
check '[ "$(psql "$PG_CONN" -Atc "SELECT DISTINCT srid FROM geometry_columns WHERE f_table_schema = '"'planning'"'")" = 4326 ]' \
  "the result tables are not in WGS 84 (EPSG:4326)"
check '[ "$(psql "$PG_CONN" -Atc "SELECT count(*) FROM planning.allocation")" = "$(ogrinfo -ro -so "$out/to_db/results.gpkg" allocation | sed -n "s/Feature Count: //p")" ]' \
  "the allocation in the database has not every row of results.gpkg"
check 'cmp -s "$out/report/summary.csv" "$out/to_db/summary.csv"' \
  "the report from PostGIS views differs from the one from the GeoPackage"
# A view in the way of the last table: the run fails, names it, and leaves
# neither tables in the database nor files in the folder.
psql "$PG_CONN" -q -c "CREATE SCHEMA blocked; CREATE VIEW blocked.district_supply AS SELECT 1 AS x"
pg_report blocked blocked
expect 1 "district_supply" -- report "$out/blocked.ini"
check '[ "$(pg_tables blocked)" = 1 ]' "a failed write left result tables in the database"
check '[ ! -e "$out/blocked" ]' "a failed write left a report folder"
pg_stop
rm -rf "$out"
echo "runner: $failures failure(s)"
[ "$failures" -eq 0 ]
