#!/usr/bin/python3
"""Rebuilds sample_data/almaty.gpkg, the Almaty agglomeration sample data set.

Usage: sample_data/build/build_sample_data.py [RAW_DIR]   (default: ../shared/data/raw)

Inputs are the openly licensed raw files described in ../shared/data/raw/SOURCES.md,
the report's flows curated in report_flows.csv (each with its report line), and
the estimates in estimates.py (each with its reasoning). Run
style_sample_data.py afterwards to store QGIS styles and render the overview map.
"""
import csv
import json
import math
import os
import sys

from osgeo import ogr, osr

import estimates as est

ogr.UseExceptions()
osr.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "almaty.gpkg")
RAW = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data", "raw")
OSM = "© OpenStreetMap contributors (ODbL 1.0)"
DRIVABLE_EXCLUDED = {"footway", "path", "steps", "cycleway", "pedestrian", "bridleway", "unknown"}


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


WGS84, UTM = srs(4326), srs(32643)
TO_UTM = osr.CoordinateTransformation(WGS84, UTM)
TO_WGS = osr.CoordinateTransformation(UTM, WGS84)


def utm(geom):
    g = geom.Clone()
    g.Transform(TO_UTM)
    return g


def wgs(geom):
    g = geom.Clone()
    g.Transform(TO_WGS)
    return g


def point(lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(lon, lat)
    return p


def line(coords):
    g = ogr.Geometry(ogr.wkbLineString)
    for lon, lat in coords:
        g.AddPoint_2D(lon, lat)
    return g


class Writer:
    """Creates layers in the GeoPackage from (name, type) field lists and dict rows."""

    TYPES = {"str": ogr.OFTString, "int": ogr.OFTInteger64, "real": ogr.OFTReal}

    def __init__(self, path):
        if os.path.exists(path):
            os.remove(path)
        self.ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        self.ds.SetMetadataItem("ATTRIBUTION", OSM + "; district boundaries from arodionoff/geokz (CC BY 4.0)")

    def layer(self, name, geom_type, fields, rows, description):
        lyr = self.ds.CreateLayer(name, WGS84 if geom_type != ogr.wkbNone else None, geom_type,
                                  options=["DESCRIPTION=" + description])
        for fname, ftype in fields:
            lyr.CreateField(ogr.FieldDefn(fname, self.TYPES[ftype]))
        lyr.StartTransaction()
        for row in rows:
            f = ogr.Feature(lyr.GetLayerDefn())
            for fname, _ in fields:
                value = row.get(fname)
                if value is not None:
                    f.SetField(fname, value)
            if "geometry" in row:
                f.SetGeometry(row["geometry"])
            lyr.CreateFeature(f)
        lyr.CommitTransaction()
        return len(rows)


def read(path, sql=None):
    ds = ogr.Open(path)
    lyr = ds.ExecuteSQL(sql, dialect="SQLITE") if sql else ds.GetLayer(0)
    out = []
    for f in lyr:
        row = {k: f.GetField(k) for k in f.keys()}
        g = f.GetGeometryRef()
        if g is not None:
            g = g.Clone()
            g.AssignSpatialReference(WGS84)
        row["geometry"] = g
        out.append(row)
    return out


# --- roads -------------------------------------------------------------------------------------

def city_roads():
    rows = read(os.path.join(RAW, "digoxin11-diploma-osm-roads", "roads_a.shp"))
    for r in rows:
        r["schematic"] = 0
        r["source"] = "OSM (Geofabrik extract, about 2022)"
        if r["geometry"].GetGeometryType() == ogr.wkbLineString:
            r["geometry"] = ogr.ForceToMultiLineString(r["geometry"])
    return rows


class RoadVertices:
    """Vertices of two-way roads in the main drivable network (its largest connected
    part) in UTM: schematic roads join there so that they can be driven both ways
    (a vertex on one carriageway of a dual carriageway can be left but not reached)."""

    def __init__(self, roads, classes=None):
        parent = {}

        def find(a):
            while parent.setdefault(a, a) != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        lines = []
        for r in roads:
            if r["fclass"] in DRIVABLE_EXCLUDED or r["fclass"].startswith("track"):
                continue
            g = utm(r["geometry"])
            for part in range(g.GetGeometryCount()):
                pts = g.GetGeometryRef(part).GetPoints()
                for a, b in zip(pts, pts[1:]):
                    parent[find(a)] = find(b)
                lines.append((r["fclass"], r["oneway"], pts))
        sizes = {}
        for v in parent:
            root = find(v)
            sizes[root] = sizes.get(root, 0) + 1
        main = max(sizes, key=sizes.get)
        self.points = [p for fclass, oneway, pts in lines if (not classes or fclass in classes) and oneway == "B"
                       for p in pts if find(p) == main]

    def add_line(self, geom):
        self.points.extend(utm(geom).GetPoints())

    def nearest(self, lon, lat):
        p = utm(point(lon, lat))
        x, y = p.GetX(), p.GetY()
        bx, by = min(self.points, key=lambda q: (q[0] - x) ** 2 + (q[1] - y) ** 2)
        return wgs(point(bx, by)), math.hypot(bx - x, by - y)


def schematic_road(coords, fclass, name, note, road_length_m=None):
    return {"osm_id": None, "fclass": fclass, "name": name, "ref": None, "oneway": "B",
            "maxspeed": est.SCHEMATIC_SPEED[fclass], "layer": 0, "bridge": "F", "tunnel": "F",
            "schematic": 1, "road_length_m": road_length_m, "source": "schematic: " + note,
            "geometry": ogr.ForceToMultiLineString(line(coords))}


def kazakhstan_places():
    """OpenStreetMap place nodes of all Kazakhstan (HOT export): osm_id -> (lon, lat)."""
    rows = read(os.path.join(RAW, "hotosm-kaz-populated-places", "hotosm_kaz_populated_places_points.geojson"))
    return {int(r["osm_id"]): (r["geometry"].GetX(), r["geometry"].GetY()) for r in rows}


def corridors(roads, towns):
    """Regional highways, digitised schematically along the real corridors (estimates.CORRIDORS)."""
    trunk = RoadVertices(roads, {"trunk", "primary", "motorway"})
    out = []
    for corridor in est.CORRIDORS:
        if corridor.get("continues"):
            previous = next(r for r in out if r["name"] == corridor["continues"])["geometry"].GetGeometryRef(0)
            coords = [previous.GetPoint_2D(previous.GetPointCount() - 1)]
        else:
            start, _ = trunk.nearest(*corridor["waypoints"][0])
            coords = [(start.GetX(), start.GetY())] + corridor["waypoints"][1:]
        coords += [towns[osm_id] for osm_id in corridor.get("towns", [])]
        out.append(schematic_road(coords, "trunk", corridor["name"], corridor["note"],
                                  corridor.get("road_length_m")))
    return out


def access_road(vertices, lon, lat, name):
    """A schematic access road from a place outside the mapped roads to the nearest road vertex."""
    nearest, distance = vertices.nearest(lon, lat)
    if distance < est.ACCESS_ROAD_MIN_M:
        return None
    road = schematic_road([(lon, lat), (nearest.GetX(), nearest.GetY())], "unclassified",
                          "access to " + name, "straight access road to a place outside the mapped roads")
    vertices.add_line(road["geometry"].GetGeometryRef(0))
    return road


# --- boundaries, settlements, districts --------------------------------------------------------

def boundaries():
    rows = read(os.path.join(RAW, "geokz", "almaty_agglomeration_adm2_2024.geojson"))
    out = []
    for r in rows:
        out.append({"kato": r["KATO"], "name": r["ADM2_EN"], "name_ru": r["ADM2_RU"], "name_kk": r["ADM2_KK"],
                    "level": "city_district" if r["KATO"].startswith("75") else "oblast_district",
                    "source": "arodionoff/geokz ADM2 2024 (CC BY 4.0; geometry from OSM, ODbL)",
                    "geometry": ogr.ForceToMultiPolygon(r["geometry"])})
    return out


def settlements():
    rows = read(os.path.join(RAW, "hotosm-kaz-populated-places", "almaty_agglomeration_populated_places.geojson"))
    out = []
    for r in rows:
        pop = r.get("population")
        out.append({"name": r.get("name"), "name_en": r.get("name:en"), "name_ru": r.get("name:ru"),
                    "name_kk": r.get("name:kk"), "place": r.get("place"),
                    "population": int(pop) if pop and str(pop).isdigit() else None,
                    "osm_id": str(r.get("osm_id")), "source": "OSM place node via HOT Export Tool",
                    "geometry": r["geometry"]})
    return out


def districts(adm2, roads):
    osm = read(os.path.join(RAW, "akilbekov-almaty-geojson", "almaty-districts.geo.json"))
    kk = {b["name"]: b["name_kk"] for b in adm2 if b["level"] == "city_district"}
    growth_total = est.FLOOR_AREA_GROWTH_M2
    rows, centres = [], []
    for d in osm:
        name = est.DISTRICT_NAME.get(d["name"], d["name"])
        pop = est.POPULATION[name]
        g = ogr.ForceToMultiPolygon(d["geometry"])
        weight_growth = est.GROWTH_SHARE[name]
        houses = est.DEMOLITION_HOUSES[name]
        rows.append({
            "district_id": d["osm-relation-id"], "name": name, "name_ru": d["nameRu"], "name_kk": kk.get(name),
            "population": pop["value"], "population_is_lower_bound": int(pop["lower_bound"]),
            "population_source": pop["source"],
            "area_km2": round(utm(g).GetArea() / 1e6, 2),
            "residential_floor_m2": round(est.residential_floor_m2(name)),
            "nonresidential_floor_m2": round(est.nonresidential_floor_m2(name)),
            "growth_residential_m2_per_year":
                round(growth_total * est.FLOOR_GROWTH_SPLIT["residential"] * weight_growth),
            "growth_nonresidential_m2_per_year":
                round(growth_total * est.FLOOR_GROWTH_SPLIT["nonresidential"] * weight_growth),
            "growth_infrastructure_t_per_year": round(est.INFRASTRUCTURE_T * weight_growth),
            "demolition_candidate_houses": houses,
            "demolition_floor_m2": houses * est.DEMOLITION_HOUSE_FLOOR_M2,
            "source": "OSM relation " + d["osm-relation-id"] + "; numbers: see provenance",
            "geometry": g})
        centres.append({"district_id": d["osm-relation-id"], "name": name,
                        "source": "estimate: mean of the district's drivable road vertices, snapped to the nearest one",
                        "geometry": road_centre(g, roads)})
    return rows, centres


def road_centre(district_geom, vertices):
    """Where the district's roads are densest on average: a proxy for where people live."""
    poly = utm(district_geom)
    inside = [p for p in vertices.points if poly.Contains(ogr.CreateGeometryFromWkt("POINT (%f %f)" % p))]
    cx = sum(p[0] for p in inside) / len(inside)
    cy = sum(p[1] for p in inside) / len(inside)
    bx, by = min(inside, key=lambda q: (q[0] - cx) ** 2 + (q[1] - cy) ** 2)
    return wgs(point(bx, by))


# --- planning layers from estimates ------------------------------------------------------------

def square(lon, lat, side_m):
    c = utm(point(lon, lat))
    h = side_m / 2
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for dx, dy in ((-h, -h), (h, -h), (h, h), (-h, h), (-h, -h)):
        ring.AddPoint_2D(c.GetX() + dx, c.GetY() + dy)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    poly.AssignSpatialReference(UTM)
    return ogr.ForceToMultiPolygon(wgs(poly))


def industrial_zones():
    zones, products = [], []
    for z in est.ZONES:
        # planned: a zone of the masterplan (the zone share and the baseline of buying
        # elsewhere act on these), not a source outside it such as Zhambyl province.
        zones.append({"zone_id": z["zone_id"], "name": z["name"], "name_ru": z["name_ru"], "role": z["role"],
                      "planned": 1 if z["role"] == "planned_zone" else 0,
                      "products": "; ".join(p["product"] for p in z["products"]),
                      "placement": z["placement"], "source": z["source"],
                      "geometry": square(z["lon"], z["lat"], z["side_m"])})
        for p in z["products"]:
            products.append(dict(p, zone_id=z["zone_id"]))
    return zones, products


def points_layer(items, district_lookup):
    rows = []
    for item in items:
        row = dict(item)
        row["geometry"] = point(item["lon"], item["lat"])
        row["district"] = district_lookup(item["lon"], item["lat"])
        rows.append(row)
    return rows


def municipal_sources(district_rows, centres):
    total_pop = sum(d["population"] for d in district_rows)
    out = []
    for d, c in zip(district_rows, centres):
        tonnes = est.MUNICIPAL_ORGANIC_T * d["population"] / total_pop
        out.append({"source_id": "MOW-" + d["name"], "name": "Municipal organic waste, " + d["name"],
                    "kind": "municipal", "tonnes_per_year": round(tonnes, 1), "landfilled": 1, "bound": "upper",
                    "district": d["name"], "source": est.MUNICIPAL_SOURCE, "geometry": c["geometry"]})
    return out


def agricultural_land(adm2, settlement_rows, district_rows):
    cells = est.agri_patchwork(adm2, settlement_rows, district_rows, utm, wgs)
    for c in cells:
        c["geometry"] = ogr.ForceToMultiPolygon(c["geometry"])
    return cells


def csv_rows(name, numbers=(), integers=()):
    """A data table shipped as CSV beside this script, numbers converted (empty: NULL)."""
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        for k in numbers:
            r[k] = float(r[k]) if r[k] != "" else None
        for k in integers:
            r[k] = int(r[k])
    return rows


def material_flows(zone_products, district_rows):
    rows = []
    with open(os.path.join(HERE, "report_flows.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            r["tonnes_per_year"] = float(r["tonnes_per_year"])
            r["product"] = None
            r["scenario"] = "report_baseline"
            rows.append(r)
    rows.extend(est.construction_flows(zone_products, district_rows))
    return rows


def district_of(adm2_rows):
    polys = [(b["name"], b["geometry"]) for b in adm2_rows]

    def lookup(lon, lat):
        p = point(lon, lat)
        for name, g in polys:
            if g.Contains(p):
                return name
        return None
    return lookup


FIELDS = {
    "roads": [("osm_id", "str"), ("fclass", "str"), ("name", "str"), ("ref", "str"), ("oneway", "str"),
              ("maxspeed", "int"), ("layer", "int"), ("bridge", "str"), ("tunnel", "str"), ("schematic", "int"),
              ("road_length_m", "real"), ("source", "str")],
    "districts": [("district_id", "str"), ("name", "str"), ("name_ru", "str"), ("name_kk", "str"),
                  ("population", "int"), ("population_is_lower_bound", "int"), ("population_source", "str"),
                  ("area_km2", "real"), ("residential_floor_m2", "real"), ("nonresidential_floor_m2", "real"),
                  ("growth_residential_m2_per_year", "real"), ("growth_nonresidential_m2_per_year", "real"),
                  ("growth_infrastructure_t_per_year", "real"), ("demolition_candidate_houses", "int"),
                  ("demolition_floor_m2", "real"), ("source", "str")],
    "district_centres": [("district_id", "str"), ("name", "str"), ("source", "str")],
    "industrial_zones": [("zone_id", "str"), ("name", "str"), ("name_ru", "str"), ("role", "str"), ("planned", "int"),
                         ("products", "str"), ("placement", "str"), ("source", "str")],
    "zone_products": [("zone_id", "str"), ("product", "str"), ("product_ru", "str"), ("material_class", "str"),
                      ("capacity_t_per_year", "real"), ("source", "str")],
    "agricultural_land": [("parcel_id", "str"), ("land_use", "str"), ("district", "str"), ("area_ha", "real"),
                          ("residue_t_per_ha_year", "real"), ("compost_demand_t_per_ha_year", "real"),
                          ("residue_t_per_year", "real"), ("compost_demand_t_per_year", "real"), ("source", "str")],
    "organic_sources": [("source_id", "str"), ("name", "str"), ("kind", "str"), ("tonnes_per_year", "real"),
                        ("landfilled", "int"), ("bound", "str"), ("district", "str"), ("source", "str")],
    "secondary_depots": [("depot_id", "str"), ("name", "str"), ("source", "str")],
    "composting_sites": [("site_id", "str"), ("name", "str"), ("status", "str"), ("capacity_t_per_year", "real"),
                         ("district", "str"), ("source", "str")],
    "waste_facilities": [("facility_id", "str"), ("name", "str"), ("name_ru", "str"), ("kind", "str"),
                         ("intake_t_per_year", "real"), ("capacity_t_per_year", "real"), ("district", "str"),
                         ("source", "str")],
    "material_flows": [("flow_id", "str"), ("material", "str"), ("material_class", "str"), ("product", "str"),
                       ("view", "str"), ("stage", "str"), ("scenario", "str"), ("origin_id", "str"),
                       ("destination_id", "str"), ("tonnes_per_year", "real"), ("unit", "str"), ("source", "str"),
                       ("note", "str")],
    "flow_nodes": [("node_id", "str"), ("name", "str"), ("name_ru", "str"), ("kind", "str"), ("source", "str")],
    "settlements": [("name", "str"), ("name_en", "str"), ("name_ru", "str"), ("name_kk", "str"), ("place", "str"),
                    ("population", "int"), ("osm_id", "str"), ("source", "str")],
    "boundaries": [("kato", "str"), ("name", "str"), ("name_ru", "str"), ("name_kk", "str"), ("level", "str"),
                   ("source", "str")],
    "emission_factors": [("key", "str"), ("description", "str"), ("unit", "str"), ("low", "real"),
                         ("central", "real"), ("high", "real"), ("year", "str"), ("source", "str")],
    "coefficients": [("key", "str"), ("description", "str"), ("unit", "str"), ("low", "real"),
                     ("central", "real"), ("high", "real"), ("year", "str"), ("source", "str")],
    "organic_strategies": [("scenario_id", "str"), ("name", "str"), ("compost", "real"),
                           ("compost_sites", "str"), ("waste_to_energy", "int"), ("truck", "str"),
                           ("source", "str")],
    "provenance": [("layer", "str"), ("field", "str"), ("source", "str"), ("assumption", "str")],
}


def main():
    adm2 = boundaries()
    places = settlements()
    roads = city_roads()
    vertices = RoadVertices(roads)
    district_rows, centres = districts(adm2, vertices)
    towns = kazakhstan_places()
    for z in est.ZONES:
        if "town_osm_id" in z:
            z["lon"], z["lat"] = towns[z["town_osm_id"]]
    roads += corridors(roads, towns)
    for r in roads[-len(est.CORRIDORS):]:
        vertices.add_line(r["geometry"].GetGeometryRef(0))
    in_district = district_of(adm2)

    zones, products = industrial_zones()
    organic = municipal_sources(district_rows, centres) + points_layer(est.OTHER_ORGANIC_SOURCES, in_district)
    sites = points_layer(est.COMPOSTING_SITES, in_district)
    facilities = points_layer(est.WASTE_FACILITIES, in_district)
    for item in est.OTHER_ORGANIC_SOURCES + est.COMPOSTING_SITES + est.WASTE_FACILITIES + est.ZONES:
        road = access_road(vertices, item["lon"], item["lat"], item["name"])
        if road:
            roads.append(road)

    w = Writer(OUT + ".partial.gpkg")
    n = w.layer("roads", ogr.wkbMultiLineString, FIELDS["roads"], roads,
                "Roads of Almaty city (OSM) and schematic regional corridors (schematic=1). " + OSM)
    w.layer("districts", ogr.wkbMultiPolygon, FIELDS["districts"], district_rows,
            "The 8 districts of Almaty city with population, floor area, growth and demolition. " + OSM)
    w.layer("district_centres", ogr.wkbPoint, FIELDS["district_centres"], centres,
            "A routing point per district, on its roads. " + OSM)
    w.layer("industrial_zones", ogr.wkbMultiPolygon, FIELDS["industrial_zones"], zones,
            "Planned industrial zones of the masterplan and the Zhambyl source (placement estimated)")
    w.layer("zone_products", ogr.wkbNone, FIELDS["zone_products"], products,
            "Product lines and estimated capacities of the industrial zones")
    w.layer("agricultural_land", ogr.wkbMultiPolygon, FIELDS["agricultural_land"], agricultural_land(adm2, places, district_rows),
            "Schematic agricultural patchwork in the rural districts (not real parcels)")
    w.layer("organic_sources", ogr.wkbPoint, FIELDS["organic_sources"], organic,
            "Organic waste and residue sources calibrated to the report")
    w.layer("secondary_depots", ogr.wkbPoint, FIELDS["secondary_depots"],
            [dict(d, geometry=point(d["lon"], d["lat"])) for d in est.SECONDARY_DEPOTS],
            "Yards storing what demolitions free until it is built in again (places estimated)")
    w.layer("composting_sites", ogr.wkbPoint, FIELDS["composting_sites"], sites,
            "Existing and candidate composting sites (estimates)")
    w.layer("waste_facilities", ogr.wkbPoint, FIELDS["waste_facilities"], facilities,
            "Karasai landfill, its sorting plant, the around six dumpsites (places estimated) and the planned "
            "waste-to-energy plant")
    w.layer("material_flows", ogr.wkbNone, FIELDS["material_flows"], material_flows(products, district_rows),
            "The report's flows (views overlap: never sum across views) and estimated construction flows")
    w.layer("flow_nodes", ogr.wkbNone, FIELDS["flow_nodes"], est.FLOW_NODES,
            "Names of the flows' system nodes (the city, its industry, outside, stock, disposal)")
    w.layer("settlements", ogr.wkbPoint, FIELDS["settlements"], places, "Populated places. " + OSM)
    w.layer("boundaries", ogr.wkbMultiPolygon, FIELDS["boundaries"], adm2,
            "Districts of Almaty city and Almaty oblast (geokz, CC BY 4.0). " + OSM)
    w.layer("emission_factors", ogr.wkbNone, FIELDS["emission_factors"],
            csv_rows("emission_factors.csv", numbers=("low", "central", "high")),
            "Greenhouse-gas emission factors (low, central, high) with their sources; edit to use your own")
    w.layer("coefficients", ogr.wkbNone, FIELDS["coefficients"],
            csv_rows("coefficients.csv", numbers=("low", "central", "high")),
            "Building-stock intensities, recovery rates and other coefficients (low, central, high) with "
            "their sources; edit to use your own")
    w.layer("organic_strategies", ogr.wkbNone, FIELDS["organic_strategies"],
            csv_rows("organic_strategies.csv", numbers=("compost",), integers=("waste_to_energy",)),
            "The report's strategies for organic waste as scenarios: the levers each one pulls")
    w.layer("provenance", ogr.wkbNone, FIELDS["provenance"], est.PROVENANCE, "Where every field comes from")
    w.ds = None
    os.replace(OUT + ".partial.gpkg", OUT)
    print("wrote", OUT, "with", n, "roads")


if __name__ == "__main__":
    main()
