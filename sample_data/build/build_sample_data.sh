#!/usr/bin/env bash
# Rebuilds sample_data/almaty.gpkg from the raw sources (see sample_data/README.md).
# Usage: sample_data/build/build_sample_data.sh [RAW_DIR]   (default: ../shared/data/raw)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
raw=${1:-$here/../../shared/data/raw}
out=$here/almaty.gpkg
tmp=$out.partial.gpkg
rm -f "$tmp"
osm="© OpenStreetMap contributors (ODbL 1.0)"

# roads: OSM via Geofabrik, Almaty city (ODbL). Every class is kept; the engine
# filters drivable ones itself. maxspeed 0 means "not tagged" in Geofabrik data.
ogr2ogr -f GPKG "$tmp" -mo "ATTRIBUTION=$osm" -lco "DESCRIPTION=Roads of Almaty city. $osm" "$raw/digoxin11-diploma-osm-roads/roads_a.shp" -nln roads \
  -nlt PROMOTE_TO_MULTI -dialect sqlite -sql \
  "SELECT geometry, osm_id, fclass, name, ref, oneway, maxspeed, layer, bridge, tunnel,
          'OSM (Geofabrik extract, about 2022)' AS source FROM roads_a"

# districts: the 8 city districts, OSM relations (ODbL).
ogr2ogr -f GPKG -update "$tmp" -lco "DESCRIPTION=Districts of Almaty city. $osm" "$raw/akilbekov-almaty-geojson/almaty-districts.geo.json" \
  -nln districts -nlt PROMOTE_TO_MULTI -dialect sqlite -sql \
  "SELECT geometry, \"osm-relation-id\" AS district_id, name, nameRu AS name_ru,
          'OSM relation ' || \"osm-relation-id\" AS source FROM \"almaty-districts.geo\""

ogrinfo -q "$tmp" -sql "SELECT 1" >/dev/null
mv "$tmp" "$out"
ogrinfo -so "$out" roads | grep -E 'Feature Count'
ogrinfo -so "$out" districts | grep -E 'Feature Count'
