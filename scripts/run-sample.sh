#!/usr/bin/env bash
# The main job on the bundled Almaty data: the whole Circular Planner report
# (composting catchments and allocation, compost for the farmland, construction
# flows and road loads, building stock and construction supply) with its maps,
# then the road distances between the districts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p out
# Exit status 3: the report is complete, with warnings about the data (listed).
build/qgis/runner/circular-planner report sample_data/almaty_report.ini || [ $? -eq 3 ]
build/qgis/runner/circular-planner od \
  --roads "sample_data/almaty.gpkg|layername=roads" \
  --origins "sample_data/almaty.gpkg|layername=district_centres" --origin-id name \
  --network-cache out/almaty.cpnet \
  --attribution "© OpenStreetMap contributors (ODbL 1.0)" \
  --output out/almaty_od.gpkg
echo "Maps: out/almaty_report/maps/ (PNG and PDF). Open out/almaty_report/circular_planner.qgz"
echo "in QGIS to carry on; the numbers are in out/almaty_report/summary.md."
echo "Road distances between the districts: out/almaty_od.gpkg (od_matrix, snapping, connectors)."
