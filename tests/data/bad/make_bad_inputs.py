#!/usr/bin/env python3
"""Writes the bad-input corpus from the Almaty sample: for each layer role, the
role's own table (a small part of it) spoiled in one way per file, plus files
that no role can read. Run from the repository root:

    /usr/bin/python3 tests/data/bad/make_bad_inputs.py

The files are committed; the tests read them, they do not regenerate them.
Roads and other OpenStreetMap-derived features keep their ODbL attribution."""

import os
import shutil

from osgeo import ogr, osr

ogr.UseExceptions()
SAMPLE = "sample_data/almaty.gpkg"
OUT = "tests/data/bad"
ATTRIBUTION = "© OpenStreetMap contributors (ODbL 1.0)"

# role -> (table, id field, numeric fields to spoil, feature limit)
ROLES = {
    "roads": ("roads", "osm_id", ["maxspeed"], None),
    "organic_sources": ("organic_sources", "source_id", ["tonnes_per_year"], None),
    "composting_sites": ("composting_sites", "site_id", ["capacity_t_per_year"], None),
    "agricultural_land": ("agricultural_land", "parcel_id",
                          ["area_ha", "compost_demand_t_per_ha_year",
                           "compost_demand_t_per_year"], 30),
    "districts": ("districts", "district_id",
                  ["population", "residential_floor_m2", "nonresidential_floor_m2",
                   "growth_residential_m2_per_year", "demolition_floor_m2"], None),
    "industrial_zones": ("industrial_zones", "zone_id", [], None),
    "material_flows": ("material_flows", "flow_id", ["tonnes_per_year"], None),
    "zone_products": ("zone_products", "zone_id", ["capacity_t_per_year"], None),
}
# Central Almaty, about 1.2 km by 0.9 km: a few hundred road pieces.
ROADS_BOX = (76.930, 43.238, 76.945, 43.246)
# Polygons are simplified (degrees) to keep the corpus small.
SIMPLIFY = 0.0003
WGS84 = osr.SpatialReference()
WGS84.ImportFromEPSG(4326)
WGS84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
# A local city grid of the kind Kazakh cadastres use: transverse Mercator on the
# Krassovsky ellipsoid with a false origin, no EPSG code.
LOCAL_GRID = ("+proj=tmerc +lat_0=0 +lon_0=76.95 +k=1 +x_0=300000 +y_0=-4700000 "
              "+ellps=krass +towgs84=23.57,-140.95,-79.8,0,0.35,0.79,-0.22 +units=m +no_defs")


def read_role(role):
    table, _, _, limit = ROLES[role]
    ds = ogr.Open(SAMPLE)
    layer = ds.GetLayerByName(table)
    if role == "roads":
        layer.SetSpatialFilterRect(*ROADS_BOX)
    fields = [(layer.GetLayerDefn().GetFieldDefn(i).GetName(),
               layer.GetLayerDefn().GetFieldDefn(i).GetType())
              for i in range(layer.GetLayerDefn().GetFieldCount())]
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry and ogr.GT_Flatten(geometry.GetGeometryType()) in (ogr.wkbPolygon,
                                                                       ogr.wkbMultiPolygon):
            geometry = geometry.SimplifyPreserveTopology(SIMPLIFY)
        rows.append({"geometry": geometry.Clone() if geometry else None,
                     "values": {name: feature.GetField(name) for name, _ in fields}})
        if limit and len(rows) >= limit:
            break
    geometry_type = layer.GetGeomType()
    if role == "roads":  # damage falls on a road that cars use, so that it matters
        rows.sort(key=lambda r: r["values"]["fclass"] not in ("primary", "secondary", "tertiary"))
    return fields, rows, geometry_type


def write(path, driver, fields, rows, geometry_type, srs=WGS84, options=None, encoding=None):
    if os.path.exists(path):
        ogr.GetDriverByName(driver).DeleteDataSource(path)
    ds = ogr.GetDriverByName(driver).CreateDataSource(path)
    layer_options = list(options or [])
    if encoding:
        layer_options.append("ENCODING=" + encoding)
    name = os.path.splitext(os.path.basename(path))[0]
    layer = ds.CreateLayer(name, srs if geometry_type != ogr.wkbNone else None,
                           geometry_type, layer_options)
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        # By position: a Shapefile cuts long names to ten characters.
        for i, value in enumerate(row["values"].values()):
            if value is None:
                feature.SetFieldNull(i)
            else:
                feature.SetField(i, value)
        if row["geometry"] is not None:
            feature.SetGeometry(row["geometry"])
        layer.CreateFeature(feature)
    if driver == "GeoJSON":
        ds.SetMetadataItem("ATTRIBUTION", ATTRIBUTION)
    ds = None


def geojson(role, kind, fields, rows, geometry_type, srs=WGS84):
    path = os.path.join(OUT, role, kind + ".geojson")
    write(path, "GeoJSON", fields, rows, geometry_type, srs, ["RFC7946=NO", "WRITE_NAME=NO"])


def copy_rows(rows):
    return [{"geometry": r["geometry"].Clone() if r["geometry"] else None,
             "values": dict(r["values"])} for r in rows]


def nan_first_coordinate(path):
    """GDAL will not write NaN coordinates, but other tools do: put one in by hand."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    at = text.index('"coordinates"')
    start = at + next(i for i, c in enumerate(text[at:]) if c in "-0123456789")
    end = start + next(i for i, c in enumerate(text[start:]) if c in ", ]")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text[:start] + "NaN" + text[end:])


def bowtie(geometry):
    """A self-intersecting version of the shape near its first vertex."""
    env = geometry.GetEnvelope()
    x0, x1, y0, y1 = env
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return ogr.CreateGeometryFromWkt(
            f"POLYGON(({x0} {y0},{x1} {y1},{x1} {y0},{x0} {y1},{x0} {y0}))")
    if kind in (ogr.wkbLineString, ogr.wkbMultiLineString):
        return ogr.CreateGeometryFromWkt(
            f"LINESTRING({x0} {y0},{x1} {y1},{x1} {y0},{x0} {y1},{x0} {y0})")
    return geometry  # a point cannot cross itself: two features on one spot instead


def wrong_type(geometry):
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPoint:
        x, y = geometry.GetX(), geometry.GetY()
        return ogr.CreateGeometryFromWkt(f"LINESTRING({x} {y},{x + 0.001} {y + 0.001})")
    return geometry.Centroid()


def spoiled_geometries(role, fields, rows, geometry_type):
    if geometry_type == ogr.wkbNone:
        return
    def one(kind, change, out_type=geometry_type):
        spoilt = copy_rows(rows)
        spoilt[0]["geometry"] = change(spoilt[0]["geometry"])
        geojson(role, kind, fields, spoilt, out_type)
    one("null_geometry", lambda g: None)
    one("empty_geometry", lambda g: ogr.Geometry(ogr.GT_Flatten(geometry_type)))
    one("nan_coordinates", lambda g: g)
    nan_first_coordinate(os.path.join(OUT, role, "nan_coordinates.geojson"))
    one("self_intersecting", bowtie, ogr.wkbUnknown)
    everything_wrong = copy_rows(rows)
    for row in everything_wrong:
        row["geometry"] = wrong_type(row["geometry"])
    geojson(role, "wrong_geometry_type", fields, everything_wrong, ogr.wkbUnknown)
    for kind, srs in (("epsg3857", 3857), ("local_grid", LOCAL_GRID)):
        target = osr.SpatialReference()
        if isinstance(srs, int):
            target.ImportFromEPSG(srs)
        else:
            target.ImportFromProj4(srs)
        target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = osr.CoordinateTransformation(WGS84, target)
        moved = copy_rows(rows)
        for row in moved:
            row["geometry"].Transform(transform)
        if isinstance(srs, int):
            geojson(role, kind, fields, moved, geometry_type, target)
        else:
            # GeoJSON cannot name a CRS without a code: a GeoPackage keeps it. The
            # same metres in GeoJSON read as WGS 84 - a CRS silently lost.
            write(os.path.join(OUT, role, kind + ".gpkg"), "GPKG", fields, moved,
                  geometry_type, target)
            geojson(role, "metres_as_degrees", fields, moved, geometry_type, target)
    # No CRS at all, with coordinates in metres: a Shapefile without its .prj.
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(32643)
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_utm = osr.CoordinateTransformation(WGS84, utm)
    metres = copy_rows(rows)
    for row in metres:
        row["geometry"].Transform(to_utm)
    folder = os.path.join(OUT, role, "no_crs")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    write(os.path.join(folder, role + ".shp"), "ESRI Shapefile", fields, metres, geometry_type,
          None, encoding="UTF-8")


def spoiled_attributes(role, fields, rows, geometry_type):
    _, id_field, numeric, _ = ROLES[role]
    nulls = copy_rows(rows)
    for row in nulls:
        row["values"] = {name: None for name in row["values"]}
    geojson(role, "nulls_everywhere", fields, nulls, geometry_type)
    duplicates = copy_rows(rows)
    if len(duplicates) > 1:
        duplicates[1]["values"][id_field] = duplicates[0]["values"][id_field]
    geojson(role, "duplicate_ids", fields, duplicates, geometry_type)
    if numeric:
        for kind, value in (("huge_values", lambda v: 1e300),
                            ("negative_values", lambda v: -abs(v or 1) - 1)):
            spoilt = copy_rows(rows)
            for row in spoilt:
                for name in numeric:
                    row["values"][name] = value(row["values"][name])
            geojson(role, kind, fields, spoilt, geometry_type)
    geojson(role, "cyrillic_utf8", fields, cyrillic_rows(role, rows, "Құрылыс қалдықтары"),
            geometry_type)
    # Cyrillic in Windows-1251 bytes, as older Russian-language data often is:
    # a Shapefile that says so in its .cpg, and a CSV that does not say at all.
    # Ids stay as they are, so that the result can be compared with the clean one.
    russian = cyrillic_rows(role, rows, "Строительные отходы", ids=False)
    if geometry_type != ogr.wkbNone:
        folder = os.path.join(OUT, role, "cp1251")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        write(os.path.join(folder, role + ".shp"), "ESRI Shapefile", fields, russian,
              geometry_type, WGS84, encoding="CP1251")
    text = csv_text(fields, russian, geometry_type)
    with open(os.path.join(OUT, role, "cp1251_undeclared.csv"), "wb") as f:
        f.write(text.encode("cp1251", errors="replace"))  # Kazakh letters have no place in it


def cyrillic_rows(role, rows, name, ids=True):
    _, id_field, _, _ = ROLES[role]
    out = copy_rows(rows)
    for i, row in enumerate(out):
        if ids and role != "zone_products":  # its zone_id refers to the zones
            row["values"][id_field] = f"Алматы-{i}"
        if "name" in row["values"]:
            row["values"]["name"] = f"{name} №{i}"
    return out


def csv_text(fields, rows, geometry_type):
    """The rows as CSV, geometry (if any) as WKT."""
    path = os.path.join(OUT, "tmp.csv")
    options = ["GEOMETRY=AS_WKT"] if geometry_type != ogr.wkbNone else []
    write(path, "CSV", fields, rows, geometry_type, None, options)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    os.remove(path)
    return text


def truncated(role, fields, rows, geometry_type):
    """The role as CSV (WKT geometry) and as GeoJSON, each cut in the middle."""
    with open(os.path.join(OUT, role, "truncated.csv"), "wb") as f:
        data = csv_text(fields, rows, geometry_type).encode("utf-8")
        f.write(data[: int(len(data) * 0.6)])
    with open(os.path.join(OUT, role, "duplicate_ids.geojson"), "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, role, "truncated.geojson"), "wb") as f:
        f.write(data[: int(len(data) * 0.6)])


def unreadable_files():
    """Files no role can read: whatever the role, a clear error."""
    folder = os.path.join(OUT, "any")
    os.makedirs(folder, exist_ok=True)
    open(os.path.join(folder, "empty.gpkg"), "wb").close()
    with open(os.path.join(folder, "not_a_geopackage.gpkg"), "w") as f:
        f.write("site_id,tonnes\nA,10\n")
    small = os.path.join(folder, "whole.gpkg.tmp")
    fields, rows, geometry_type = read_role("organic_sources")
    write(small, "GPKG", fields, rows, geometry_type)
    data = open(small, "rb").read()
    os.remove(small)
    with open(os.path.join(folder, "truncated.gpkg"), "wb") as f:
        f.write(data[: len(data) // 3])


def main():
    for role in ROLES:
        os.makedirs(os.path.join(OUT, role), exist_ok=True)
        fields, rows, geometry_type = read_role(role)
        geojson(role, "clean", fields, rows, geometry_type)  # the part spoiled, unspoiled
        spoiled_geometries(role, fields, rows, geometry_type)
        spoiled_attributes(role, fields, rows, geometry_type)
        truncated(role, fields, rows, geometry_type)
    unreadable_files()


if __name__ == "__main__":
    main()
