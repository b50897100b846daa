#!/usr/bin/env bash
# The main job on the bundled Almaty data: road-network distances and travel
# times between the city's districts, written to out/almaty_od.gpkg.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p out
build/qgis/runner/circular-planner od \
  --roads "sample_data/almaty.gpkg|layername=roads" \
  --origins "sample_data/almaty.gpkg|layername=district_centres" --origin-id name \
  --network-cache out/almaty.cpnet \
  --attribution "© OpenStreetMap contributors (ODbL 1.0)" \
  --output out/almaty_od.gpkg
echo "Open out/almaty_od.gpkg in QGIS: layers od_matrix (distance_m, time_s), snapping, connectors."
