"""Every number in the sample data that is not read from a raw file, with its reasoning.

Report numbers cite circular-almaty-report-en.txt (EN) by line; FACTS ids refer to
shared/seeds/FACTS.md. "estimate" marks our own assumption and says why.
"""
import math

from osgeo import ogr

EN = "circular-almaty-report-en.txt:"

# --- districts ---------------------------------------------------------------------------------

DISTRICT_NAME = {"Bostandyq": "Bostandyk"}

# Official district populations published on the districts' gov.kz pages (public
# statistics, compiled in Messer490/city1-kazakhstan-proxy-population; only the
# numbers are used). Auezov and Turksib are given there only as lower bounds.
_GOV = "official statistic, gov.kz district page https://www.gov.kz/memleket/entities/almaty-"
POPULATION = {
    "Almaly": {"value": 224600, "lower_bound": False, "source": _GOV + "almaly"},
    "Auezov": {"value": 358000, "lower_bound": True, "source": _GOV + "auezov (lower bound)"},
    "Alatau": {"value": 317700, "lower_bound": False, "source": _GOV + "alatau"},
    "Bostandyk": {"value": 362200, "lower_bound": False, "source": _GOV + "bostandyk (district passport)"},
    "Medeu": {"value": 242100, "lower_bound": False, "source": _GOV + "medeu"},
    "Nauryzbay": {"value": 220187, "lower_bound": False, "source": _GOV + "nauryzbai"},
    "Turksib": {"value": 267000, "lower_bound": True, "source": _GOV + "turksib (lower bound)"},
    "Zhetysu": {"value": 173972, "lower_bound": False, "source": _GOV + "zhetysu"},
}

# Floor area: the report's +2 million m2/yr is +3 %/yr of the floor surface
# (EN:1697), so the stock is about 2e6 / 0.03 = 66.7 million m2 (derived). The
# 33 / 23 / 44 % split (EN:1822-1826) is of the stock addition's MASS between
# residential buildings, non-residential buildings and infrastructure; floor
# belongs to buildings only, so all 2 million m2 are building floor, shared
# residential : non-residential as 33 : 23 (an estimate: equal mass per m2).
# Infrastructure has no floor: it gets 44 % of the yearly construction inputs,
# 286 + 1,456 + 80 kt (EN:1750-1752, minerals read as kt, FACTS C01), in tonnes.
# Residential floor follows population; non-residential floor follows
# population weighted by how central a district is (offices, trade and
# institutions concentrate in the old centre): an estimate.
FLOOR_AREA_STOCK_M2 = 2_000_000 / 0.03
FLOOR_AREA_GROWTH_M2 = 2_000_000
STOCK_ADDITION_SPLIT = {"residential": 0.33, "nonresidential": 0.23, "infrastructure": 0.44}
CONSTRUCTION_INPUTS_T = 286_000 + 1_456_000 + 80_000
_BUILDINGS = STOCK_ADDITION_SPLIT["residential"] + STOCK_ADDITION_SPLIT["nonresidential"]
FLOOR_GROWTH_SPLIT = {k: STOCK_ADDITION_SPLIT[k] / _BUILDINGS for k in ("residential", "nonresidential")}
INFRASTRUCTURE_T = CONSTRUCTION_INPUTS_T * STOCK_ADDITION_SPLIT["infrastructure"]
CENTRALITY = {"Almaly": 2.0, "Medeu": 1.5, "Bostandyk": 1.3, "Zhetysu": 1.0, "Auezov": 1.0,
              "Turksib": 1.0, "Alatau": 0.7, "Nauryzbay": 0.5}



def _population_share(name, weights=None):
    weights = weights or {k: 1.0 for k in POPULATION}
    total = sum(POPULATION[k]["value"] * weights[k] for k in POPULATION)
    return POPULATION[name]["value"] * weights[name] / total


def residential_floor_m2(name):
    return FLOOR_AREA_STOCK_M2 * FLOOR_GROWTH_SPLIT["residential"] * _population_share(name)


def nonresidential_floor_m2(name):
    return FLOOR_AREA_STOCK_M2 * FLOOR_GROWTH_SPLIT["nonresidential"] * _population_share(name, CENTRALITY)


# Where the yearly growth (floor and infrastructure) lands: most new housing goes up in Alatau and Nauryzbay,
# the districts with free land (annexed in 2014); the centre grows by
# redevelopment only. An estimate; shares sum to 1.
GROWTH_SHARE = {"Alatau": 0.25, "Nauryzbay": 0.25, "Turksib": 0.12, "Bostandyk": 0.12, "Auezov": 0.08,
                "Medeu": 0.08, "Zhetysu": 0.06, "Almaly": 0.04}

# About 500 houses to demolish in the 5 years after 2019, mostly two-storey houses of
# 1950-60 (EN:1735). Split by district where such houses stand (older inner and
# northern districts; none in the post-2000 Alatau and Nauryzbay): an estimate.
# A two-storey 1950s block of about 8 flats has about 400 m2 of floor: an estimate.
DEMOLITION_HOUSES = {"Medeu": 120, "Turksib": 110, "Zhetysu": 100, "Bostandyk": 70, "Almaly": 60,
                     "Auezov": 40, "Alatau": 0, "Nauryzbay": 0}
DEMOLITION_HOUSE_FLOOR_M2 = 400

# --- roads ---------------------------------------------------------------------------------------

SCHEMATIC_SPEED = {"trunk": 90, "unclassified": 40}
ACCESS_ROAD_MIN_M = 300  # places closer than this to a road snap to it directly

# Regional highways that the city extract lacks, digitised by hand along the real
# corridors; the first waypoint is replaced by the nearest city trunk/primary vertex
# (or, with "continues", the last point of the corridor it names).
CORRIDORS = [
    {"name": "A-3 Almaty - Alatau - Konaev (Kapshagay)", "note": "along the A-3 highway north to Konaev",
     "waypoints": [(76.955, 43.395), (76.99, 43.50), (77.05, 43.60), (77.109, 43.6726), (77.08, 43.78),
                   (77.0533, 43.8649)]},
    {"name": "A-2 Almaty - Kaskelen - Zhambyl", "note": "along the A-2 highway west to Kaskelen and on towards Zhambyl",
     "waypoints": [(76.76, 43.225), (76.70, 43.21), (76.631, 43.1965), (76.55, 43.19), (76.45, 43.20)]},
    {"name": "Kuldzha road Almaty - Talgar", "note": "along the Kuldzha road east to Talgar",
     "waypoints": [(77.08, 43.285), (77.16, 43.295), (77.2395, 43.3027)]},
    # Zhambyl is a province (EN:1712-1713, 1757, 2826), not the district near Kaskelen: the
    # A-2 goes on over the Kordai pass and along the Kyrgyz border to Taraz, its centre. The
    # line runs through the towns on the road, from OpenStreetMap place nodes (HOT export,
    # osm_ids below), so it is shorter than the road by its curves: it carries the road's
    # own length. Km 505 of the Almaty - Tashkent road lies at Taraz's eastern approach
    # (kilometre posts counted from Almaty, otyrar.kz news of 2021-08 on a closure at
    # "km 505 from the Taraz side"), and this line starts about 35 km out along the road,
    # at the end of the A-2 corridor above: about 470 km (estimate, +/- 15 km).
    {"name": "A-2 Kaskelen - Kordai - Merke - Taraz (Zhambyl province)",
     "note": "along the A-2 highway over the Kordai pass to Taraz; drawn through the towns on it, "
             "with the road's length (road_length_m, an estimate from its kilometre posts)",
     "continues": "A-2 Almaty - Kaskelen - Zhambyl", "road_length_m": 470_000,
     "towns": [3258826804,  # Samsy
               244458811,   # Qorday (Kordai)
               2583605007,  # Aspara
               2417806360,  # Oytal
               244526819,   # Merki (Merke)
               297596160,   # Qulan (Kulan)
               2582833157,  # Akshulak station
               240470924]},  # Taraz
]

# --- industrial zones ------------------------------------------------------------------------------

# Product lines are the report's (EN:2820-2825; RU:4322-4327). Nothing in the report
# places or sizes the zones: each is a 1.5 km square beside its town on the corridor,
# and capacities are sized so that together the zones could supply about 90 % of the
# city's yearly construction minerals (1,456 kt, EN:1752) and 70 % of its construction
# metals (80 kt, EN:1751), split by what each line typically weighs: estimates.
_ZONE_NOTE = "estimate: 1.5 km square beside the town on the regional corridor; the report gives no location"


# Cement is also inside concrete: the zones' concrete lines (EN:2820, 2824) take their cement
# from Zhambyl (EN:2825), and only the rest reaches the city as cement, so that no tonne is
# counted twice in the city's supply. A concrete of 300-350 kg of cement per m3 at about
# 2,400 kg/m3 holds about 13 % cement by mass (estimate: a usual ready-mix design).
CEMENT_IN_CONCRETE = 0.13
CONCRETE_PRODUCTS = {"concrete", "concrete products"}
ZHAMBYL_CEMENT_T = 250_000  # estimate, as the other capacities


def _product(product, product_ru, material_class, capacity):
    return {"product": product, "product_ru": product_ru, "material_class": material_class,
            "capacity_t_per_year": capacity, "source": "product line: report; capacity: estimate (see estimates.py)"}


ZONES = [
    {"zone_id": "Z-ALATAU", "name": "Alatau industrial zone", "name_ru": "Индустриальная зона Алатау",
     "role": "planned_zone", "lon": 77.135, "lat": 43.665, "side_m": 1500, "placement": _ZONE_NOTE,
     "source": EN + "2820",
     "products": [_product("energy-efficient facades", "энергоэффективные фасады", "minerals", 60000),
                  _product("concrete", "бетон", "minerals", 300000),
                  _product("windows", "окна", "minerals", 8000),
                  _product("metal structures", "металлоконструкции", "metals", 25000)]},
    {"zone_id": "Z-KAPSHAGAY", "name": "Kapshagay (Konaev) industrial zone",
     "name_ru": "Индустриальная зона Капшагай (Конаев)", "role": "planned_zone", "lon": 77.09, "lat": 43.85,
     "side_m": 1500, "placement": _ZONE_NOTE, "source": EN + "2823",
     "products": [_product("sandwich panels", "сэндвич-панели", "metals", 30000),
                  _product("gas blocks", "газосиликатные блоки", "minerals", 200000)]},
    {"zone_id": "Z-KASKELEN", "name": "Kaskelen industrial zone", "name_ru": "Индустриальная зона Каскелен",
     "role": "planned_zone", "lon": 76.66, "lat": 43.215, "side_m": 1500, "placement": _ZONE_NOTE,
     "source": EN + "2824",
     "products": [_product("concrete products", "железобетонная продукция", "minerals", 250000)]},
    {"zone_id": "Z-TALGAR", "name": "Talgar industrial zone", "name_ru": "Индустриальная зона Талгар",
     "role": "planned_zone", "lon": 77.21, "lat": 43.31, "side_m": 1500, "placement": _ZONE_NOTE,
     "source": EN + "2824",
     "products": [_product("aluminium window frames", "алюминиевые оконные рамы", "metals", 3000),
                  _product("PVC window frames", "пластиковые оконные рамы", "minerals", 5000)]},
    {"zone_id": "Z-ZHAMBYL", "name": "Zhambyl province (cement and stone source)",
     "name_ru": "Жамбылская область (цемент и камень)",
     "role": "external_source", "town_osm_id": 240470924, "side_m": 800,
     "placement": "estimate: at Taraz, the province's centre (OpenStreetMap place node 240470924): the report "
                  "names the province, not a quarry or plant (EN:1712-1713, 2825); by road the province begins "
                  "about 150 km from Almaty (Kordai) and Taraz is about 505 km",
     "source": EN + "2825",
     "products": [_product("cement", "цемент", "minerals", ZHAMBYL_CEMENT_T),
                  _product("building stone", "строительный камень", "minerals", 300000)]},
]

def cement_for_concrete():
    """[(zone_id, tonnes of cement a year)] for each zone that makes concrete."""
    out = []
    for z in ZONES:
        concrete = sum(p["capacity_t_per_year"] for p in z["products"] if p["product"] in CONCRETE_PRODUCTS)
        if concrete:
            out.append((z["zone_id"], round(concrete * CEMENT_IN_CONCRETE, 1)))
    return out


CEMENT_FOR_CONCRETE = cement_for_concrete()
_cement = next(p for z in ZONES if z["zone_id"] == "Z-ZHAMBYL" for p in z["products"] if p["product"] == "cement")
_cement["capacity_t_per_year"] = ZHAMBYL_CEMENT_T - sum(t for _, t in CEMENT_FOR_CONCRETE)
_cement["source"] = ("product line: report; capacity: estimate (see estimates.py), the cement that reaches the "
                     "city as cement: %d t less %d t in the zones' concrete" %
                     (ZHAMBYL_CEMENT_T, sum(t for _, t in CEMENT_FOR_CONCRETE)))

# Altyn Orda, a car-repair market "outside the city boundaries" (EN:2184), is no
# organic-residue firm and is not in the data: the report names it for car parts
# and remanufacturing (EN:2941), which no layer models yet.

# --- organic waste ---------------------------------------------------------------------------------

# About 600 kt/yr of organic waste is "disposed of in landfills" (EN:1573): an UPPER BOUND.
# Karasai, the one landfill, receives 480 kt/yr of all waste (EN:1977) and the official
# statistics count 680 kt/yr of all waste (EN:1999): 600 kt of organics alone would be 88 % of
# the registered waste and more than Karasai takes (FACTS C05), so the rest goes to the
# around six dumpsites (EN:1995), is not registered, or the figure is high. The report does
# not say where the waste arises: it is municipal organic waste (households, markets,
# catering, parks), placed where it is collected, by population (an estimate), less 30 kt of
# park and green waste at three parks (an estimate). The nine firms' 90 kt (EN:1594) are a
# LOWER BOUND ("just the nine companies which attended"), managed by each firm (EN:1596) and
# not part of the 600 kt; the 48 kt of sludge (EN:1555) is landfilled beside it.
LANDFILLED_ORGANIC_T = 600000
PARK_ORGANIC_T = 30000
MUNICIPAL_ORGANIC_T = LANDFILLED_ORGANIC_T - PARK_ORGANIC_T
MUNICIPAL_SOURCE = ("report: at most 600 kt/yr organic waste landfilled (" + EN + "1573; an upper bound, FACTS C05), "
                    "less 30 kt park waste (estimate), placed by official population (estimate)")
_FIRM = ("report: nine agri-food firms produce 90 kt/yr of residues (manure, fruit and vegetables, chocolate) "
         "(" + EN + "1594); the firms are not named, so kind, location and split are estimates")
_PARK = ("estimate: share of 30 kt/yr park and green waste (the report names municipal green waste, EN:3134); "
         "part of the 600 kt upper bound")
_WWTP = "report: 48 kt/yr sewage sludge, landfilled (" + EN + "1555); plant location estimated north of the city"


def _src(source_id, name, kind, tonnes, lon, lat, source, landfilled=1, bound=""):
    """`bound`: 'upper' or 'lower' where the report's figure is one, '' where it is not."""
    return {"source_id": source_id, "name": name, "kind": kind, "tonnes_per_year": tonnes, "lon": lon,
            "lat": lat, "landfilled": landfilled, "bound": bound, "source": source}


OTHER_ORGANIC_SOURCES = [
    _src("PARK-CENTRAL", "Central Park", "park", 12000, 76.9655, 43.2585, _PARK, bound="upper"),
    _src("PARK-BOTANICAL", "Main Botanical Garden", "park", 10000, 76.9100, 43.2230, _PARK, bound="upper"),
    _src("PARK-PRESIDENT", "First President's Park", "park", 8000, 76.8820, 43.1880, _PARK, bound="upper"),
    _src("FIRM-1", "Poultry farm (Ile district)", "poultry", 20000, 77.02, 43.52, _FIRM, 0, "lower"),
    _src("FIRM-2", "Poultry farm (Talgar district)", "poultry", 15000, 77.28, 43.34, _FIRM, 0, "lower"),
    _src("FIRM-3", "Poultry farm (Karasay district)", "poultry", 12000, 76.70, 43.28, _FIRM, 0, "lower"),
    _src("FIRM-4", "Fruit and vegetable packer (Turksib)", "food_processing", 10000, 76.96, 43.34, _FIRM, 0, "lower"),
    _src("FIRM-5", "Food processor (Zhetysu)", "food_processing", 8000, 76.92, 43.30, _FIRM, 0, "lower"),
    _src("FIRM-6", "Vegetable wholesale market (Alatau)", "market", 8000, 76.875, 43.285, _FIRM, 0, "lower"),
    _src("FIRM-7", "Green Bazaar", "market", 6000, 76.9480, 43.2620, _FIRM, 0, "lower"),
    _src("FIRM-8", "Chocolate factory (Rachat)", "food_processing", 5000, 76.9290, 43.2680,
         _FIRM + "; Rachat named at EN:2445", 0, "lower"),
    _src("FIRM-9", "Amiran dairy (Shymbulak village)", "farm", 6000, 77.1589, 43.2980,
         _FIRM + "; Amiran, 'from the village of Shymbulak, just a few kilometres outside Almaty' (EN:1661), "
         "placed at the OSM place node of the village in Talgar district, not the ski resort of the same name "
         "(FACTS P15)", 0, "lower"),
    _src("WWTP", "Wastewater treatment plant (sludge)", "sewage_sludge", 48000, 76.94, 43.44, _WWTP),
]

# --- composting and waste facilities ---------------------------------------------------------------

_SITE = "estimate: candidate site; capacity sized for a windrow site of its kind"
# Storage for what demolitions free: the report proposes designated areas (EN:2771) and names none.
# Two estimates beside the zones that would use the materials again.
SECONDARY_DEPOTS = [
    {"depot_id": "D-KASKELEN", "name": "Secondary materials yard by the Kaskelen zone", "lon": 76.675, "lat": 43.22,
     "source": "estimate: the report proposes designated areas for storing secondary construction materials "
               "(EN:2771); placed beside the Kaskelen zone, whose concrete products can take crushed concrete"},
    {"depot_id": "D-ALATAU", "name": "Secondary materials yard by the Alatau zone", "lon": 77.12, "lat": 43.66,
     "source": "estimate: as D-KASKELEN (EN:2771); beside the Alatau zone, whose facade-panel factory could "
               "remanufacture panels from demolished buildings (EN:2746)"},
]

COMPOSTING_SITES = [
    {"site_id": "CS-KAZECOFOOD", "name": "KazEcoFood composting (mushrooms)", "status": "existing",
     "capacity_t_per_year": 2000, "lon": 77.25, "lat": 43.32,
     "source": "report: KazEcoFood runs its own composting for 500 t/yr champignons (EN:1678); location and "
               "capacity (about 4 t compost per t mushrooms) are estimates"},
    {"site_id": "CS-AGARICUS", "name": "Agaricus composting (chicken manure, straw)", "status": "existing",
     "capacity_t_per_year": 3000, "lon": 76.72, "lat": 43.30,
     "source": "report: Agaricus composts manure and straw (EN:1680); location and capacity are estimates"},
    {"site_id": "CS-KARASAI", "name": "Karasai landfill composting yard", "status": "candidate",
     "capacity_t_per_year": 100000, "lon": 76.735, "lat": 43.335, "source": _SITE},
    {"site_id": "CS-PARK-NORTH", "name": "Park depot north (Turksib)", "status": "candidate",
     "capacity_t_per_year": 20000, "lon": 76.99, "lat": 43.35, "source": _SITE},
    {"site_id": "CS-PARK-SOUTH", "name": "Park depot south (Bostandyk)", "status": "candidate",
     "capacity_t_per_year": 15000, "lon": 76.90, "lat": 43.20, "source": _SITE},
    {"site_id": "CS-TALGAR", "name": "Talgar farm cluster", "status": "candidate",
     "capacity_t_per_year": 40000, "lon": 77.20, "lat": 43.33, "source": _SITE},
    {"site_id": "CS-ILE", "name": "Ile farm cluster (Boraldai)", "status": "candidate",
     "capacity_t_per_year": 40000, "lon": 76.98, "lat": 43.47, "source": _SITE},
    {"site_id": "CS-KASKELEN", "name": "Kaskelen farm cluster", "status": "candidate",
     "capacity_t_per_year": 40000, "lon": 76.60, "lat": 43.22, "source": _SITE},
]

_LANDFILL_PLACE = "location estimated in Karasay district west of the city; the report names only the district"
WASTE_FACILITIES = [
    {"facility_id": "WF-LANDFILL", "name": "Karasai landfill", "name_ru": "Полигон ТБО Карасай", "kind": "landfill",
     "intake_t_per_year": 480000, "capacity_t_per_year": None, "lon": 76.73, "lat": 43.34,
     "source": "report: receives 480 kt/yr (" + EN + "1977); " + _LANDFILL_PLACE},
    {"facility_id": "WF-SORTING", "name": "Sorting plant at the landfill", "name_ru": "Мусоросортировочный завод",
     "kind": "sorting_plant", "intake_t_per_year": 480000, "capacity_t_per_year": 550000, "lon": 76.725,
     "lat": 43.345, "source": "report: 550 kt/yr capacity, 8-10 % recyclables, opened 2018 (" + EN + "2139); "
                              "intake = the landfill's; " + _LANDFILL_PLACE},
    *[{"facility_id": "WF-DUMP-%d" % (n + 1), "name": "Dumpsite %d (%s)" % (n + 1, district),
       "name_ru": "Свалка %d" % (n + 1), "kind": "dumpsite", "intake_t_per_year": None,
       "capacity_t_per_year": None, "lon": lon, "lat": lat,
       "source": "report: around six dumpsites in use besides the one landfill (" + EN + "1994-1995), 'in the "
                 "suburbs' (circular-almaty-report-ru.txt:2974); intake not given; place estimated on a road out of "
                 "the city in that district"}
      for n, (district, lon, lat) in enumerate([("Karasay, west", 76.70, 43.27), ("Karasay, north-west", 76.78, 43.38),
                                                 ("Ile, north", 76.90, 43.43), ("Ile, north-east", 77.05, 43.41),
                                                 ("Talgar, east", 77.17, 43.33), ("Karasay, south-west", 76.72, 43.20)])],
    {"facility_id": "WF-WTE", "name": "Planned waste-to-energy plant", "name_ru": "Планируемый мусоросжигательный завод",
     "kind": "waste_to_energy", "intake_t_per_year": None, "capacity_t_per_year": 730000, "lon": 76.745,
     "lat": 43.35, "source": "news: up to 2,000 t/day (almaty-green-economy-2025-news.txt:17) = 730 kt/yr; "
                             "location not given, placed beside the landfill (estimate)"},
]

# --- the flows' system nodes ------------------------------------------------------------------------

# The report's flows run between system nodes (the city, its industry, the world outside, the
# stock) as much as between places: their names, for diagrams and tables. Zones and districts
# are named in their own layers.
def _node(node_id, name, name_ru, kind, source):
    return {"node_id": node_id, "name": name, "name_ru": name_ru, "kind": kind, "source": source}


FLOW_NODES = [
    _node("outside", "Outside the city", "За пределами города", "boundary",
          "report: imports and exports (" + EN + "1326-1330)"),
    _node("city", "Almaty city", "г. Алматы", "city", "report: the city's material use (" + EN + "1326)"),
    _node("city_industry", "Industry in Almaty", "Промышленность Алматы", "industry",
          "report: industrial processing (" + EN + "1946-1958)"),
    _node("stock", "Buildings, infrastructure and durables (stock)", "Запасы (здания, инфраструктура)", "stock",
          "report: net addition to stock (" + EN + "1388, " + EN + "1800)"),
    _node("disposal_sites", "Karasai landfill and dumpsites", "Полигон Карасай и свалки", "disposal",
          "report: the one landfill and around six dumpsites (" + EN + "1977, " + EN + "1994-1995)"),
    _node("recyclers", "Recycling (mostly in Almaty region)", "Переработка", "recycling",
          "report: recycled fraction, mostly recycled in Almaty region (" + EN + "1379-1384)"),
    _node("digested", "Digested (moisture, metabolised)", "Усвоено", "sink",
          "report: the digested fraction of food (" + EN + "1381-1383, " + EN + "1570)"),
    _node("atmosphere", "Atmosphere (emissions)", "Атмосфера (выбросы)", "sink",
          "report: greenhouse gas emissions (" + EN + "1401, " + EN + "1583)"),
    _node("agrifood_firms", "Nine agri-food firms", "Девять агропищевых предприятий", "industry",
          "report: the nine firms at the workshops (" + EN + "1594)"),
    _node("wwtp", "Wastewater treatment (sludge)", "Очистные сооружения (осадок)", "utility",
          "report: sewage sludge (" + EN + "1555)"),
    _node("mountains_and_wells", "Mountains and wells (drinking water)", "Горы и скважины (питьевая вода)",
          "source", "report: drinking water (" + EN + "1540)"),
    _node("almaty_province", "Quarries of Almaty province", "Карьеры Алматинской области", "source",
          "report: sand, gravel and rock extracted in the province (" + EN + "1757)"),
    _node("province", "Almaty province (its own use)", "Алматинская область (собственное потребление)",
          "sink", "report: the province's extraction, of which 1.5 Mt reaches the city (" + EN + "1757-1759)"),
    _node("kazferrosteel", "KazFerroSteel (scrap metal)", "KazFerroSteel (металлолом)", "recycling",
          "report: scrap metal recycled by KazFerroSteel (" + EN + "2125)"),
]

# --- agricultural land -----------------------------------------------------------------------------

# No parcel data exists: a schematic patchwork of 2.5 km cells in the rural districts
# within 45 km of the city centre, outside settlements (1 km round villages, 3 km
# round towns), the city and the new cities of Alatau and Konaev. Land uses keep the
# oblast's shares (EN:1485-1488): 8.6 Mha agricultural, of which 1.0 Mha arable and
# 0.4 Mha irrigated; the rest pasture. Irrigated land and orchards lie nearest the
# city, then rain-fed arable, pasture farthest. Orchards are taken as a quarter of
# the irrigated land and greenhouses as the oblast's 86 ha (both estimates).
RURAL_DISTRICTS = {"Karasay", "Talgar", "Ile", "Enbekshikazakh", "Zhambyl"}
# The Trans-Ili Alatau rises south of the city (Pik Talgar, 4,979 m, 30 km away:
# EN:867); farmland is the plain north of its foot. No elevation data is used:
# the foot is digitised by hand through the foothill towns that mark it,
# Uzynagash, Kaskelen, the city's southern edge, Talgar and Esik (about 900-
# 1,100 m), an estimate. Land south of this line is mountain: no farmland.
FOOTHILL_LINE = [(76.20, 43.19), (76.31, 43.19), (76.62, 43.17), (76.80, 43.16), (76.95, 43.16),
                 (77.10, 43.22), (77.24, 43.27), (77.48, 43.31), (77.80, 43.33)]
AGRI_SHARES = {"irrigated": 0.4 / 8.6 * 0.75, "orchard": 0.4 / 8.6 * 0.25, "arable": 0.6 / 8.6}
GREENHOUSE_HA = 86
AGRI_RADIUS_M = 45000
AGRI_CELL_M = 2500
# Residues and compost demand per hectare and year: typical agronomic figures, estimates.
AGRI_RATES = {  # land_use: (residue t/ha/yr, compost demand t/ha/yr)
    "irrigated": (3.0, 10.0),    # vegetables and maize stover; 10 t/ha keeps soil organic matter
    "orchard": (2.0, 8.0),       # prunings; compost under the trees
    "arable": (2.5, 5.0),        # cereal straw (part left in the field); 5 t/ha on eroded soils (EN:1518)
    "greenhouse": (20.0, 40.0),  # crop residues of intensive production; substrate and soil renewal
    "pasture": (0.0, 0.0),       # grazed: no residue collected, no compost spread
}
AGRI_SOURCE = "estimate: schematic patchwork, shares from " + EN + "1485-1488, rates in estimates.py"
CITY_CENTRE = (76.9457, 43.2364)  # the OSM place node of Almaty


def agri_patchwork(adm2, settlements, city_districts, to_utm, to_wgs):
    rural = [(b["name"], to_utm(b["geometry"])) for b in adm2 if b["name"] in RURAL_DISTRICTS]
    excluded = _agri_exclusions(adm2, settlements, city_districts, to_utm)
    centre = to_utm(ogr.CreateGeometryFromWkt("POINT (%f %f)" % CITY_CENTRE))
    cx, cy = centre.GetX(), centre.GetY()
    cells = []
    steps = int(AGRI_RADIUS_M / AGRI_CELL_M)
    for i in range(-steps, steps):
        for j in range(-steps, steps):
            x0, y0 = cx + i * AGRI_CELL_M, cy + j * AGRI_CELL_M
            if math.hypot(x0 + AGRI_CELL_M / 2 - cx, y0 + AGRI_CELL_M / 2 - cy) > AGRI_RADIUS_M:
                continue
            cells.extend(_cell_parts(x0, y0, rural, excluded, cx, cy))
    _assign_land_use(cells)
    city = _union([d["geometry"] for d in city_districts] +
                  [b["geometry"] for b in adm2 if b["level"] == "city_district"])
    out = []
    for n, c in enumerate(cells):
        residue, compost = AGRI_RATES[c["land_use"]]
        area = c["geom"].GetArea() / 1e4
        out.append({"parcel_id": "AG-%04d" % (n + 1), "land_use": c["land_use"], "district": c["district"],
                    "area_ha": round(area, 1), "residue_t_per_ha_year": residue,
                    "compost_demand_t_per_ha_year": compost, "residue_t_per_year": round(residue * area, 1),
                    "compost_demand_t_per_year": round(compost * area, 1), "source": AGRI_SOURCE,
                    # Cut in UTM, stored in WGS 84, where a cut edge bows by centimetres:
                    # cut the city out once more so that not even slivers overlap it.
                    "geometry": ogr.ForceToMultiPolygon(to_wgs(c["geom"]).Difference(city))})
    return out


def _union(geoms):
    union = geoms[0].Clone()
    for g in geoms[1:]:
        union = union.Union(g)
    return union


def _agri_exclusions(adm2, settlements, city_districts, to_utm):
    # Both city outlines (geokz's and OSM's differ by slivers of up to 0.1 km2).
    parts = [to_utm(b["geometry"]) for b in adm2
             if b["level"] == "city_district" or b["name"] in ("Konaiev", "Alatau")]
    parts += [to_utm(d["geometry"]) for d in city_districts]
    parts.append(to_utm(_mountains()))
    for s in settlements:
        radius = 3000 if s["place"] in ("town", "city") else 1000
        parts.append(to_utm(s["geometry"]).Buffer(radius, 8))
    return _union(parts)


def _mountains():
    """Everything south of the foothill line (FOOTHILL_LINE), in WGS 84."""
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for lon, lat in FOOTHILL_LINE + [(FOOTHILL_LINE[-1][0], 42.0), (FOOTHILL_LINE[0][0], 42.0), FOOTHILL_LINE[0]]:
        ring.AddPoint_2D(lon, lat)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def _cell_parts(x0, y0, rural, excluded, cx, cy):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for dx, dy in ((0, 0), (AGRI_CELL_M, 0), (AGRI_CELL_M, AGRI_CELL_M), (0, AGRI_CELL_M), (0, 0)):
        ring.AddPoint_2D(x0 + dx, y0 + dy)
    cell = ogr.Geometry(ogr.wkbPolygon)
    cell.AddGeometry(ring)
    out = []
    for name, district in rural:
        if not cell.Intersects(district):
            continue
        part = cell.Intersection(district).Difference(excluded)
        if part is None or part.IsEmpty() or part.GetArea() < 50e4:
            continue
        part = part.MakeValid() if not part.IsValid() else part
        part = ogr.ForceToMultiPolygon(part)
        part.AssignSpatialReference(district.GetSpatialReference())
        c = part.Centroid()
        out.append({"geom": part, "district": name, "distance": math.hypot(c.GetX() - cx, c.GetY() - cy)})
    return out


def _assign_land_use(cells):
    cells.sort(key=lambda c: c["distance"])
    total = sum(c["geom"].GetArea() for c in cells)
    order = ["irrigated", "orchard", "arable"]
    target = {k: AGRI_SHARES[k] * total for k in order}
    done = {k: 0.0 for k in order}
    for c in cells:
        use = next((k for k in order if done[k] < target[k]), "pasture")
        c["land_use"] = use
        if use != "pasture":
            done[use] += c["geom"].GetArea()
    _carve_greenhouses(cells)


def _carve_greenhouses(cells):
    """Four greenhouse parcels of 21.5 ha cut from the irrigated cells nearest the city."""
    carved = 0
    for c in [c for c in cells if c["land_use"] == "irrigated"]:
        if carved == 4:
            break
        env = c["geom"].GetEnvelope()
        side = math.sqrt(GREENHOUSE_HA / 4 * 1e4)
        x, y = (env[0] + env[1]) / 2, (env[2] + env[3]) / 2
        square = ogr.CreateGeometryFromWkt("POLYGON ((%f %f,%f %f,%f %f,%f %f,%f %f))" % (
            x, y, x + side, y, x + side, y + side, x, y + side, x, y))
        if not c["geom"].Contains(square):
            continue
        square.AssignSpatialReference(c["geom"].GetSpatialReference())
        rest = ogr.ForceToMultiPolygon(c["geom"].Difference(square))
        rest.AssignSpatialReference(c["geom"].GetSpatialReference())
        c["geom"] = rest
        greenhouse = ogr.ForceToMultiPolygon(square)
        cells.append({"geom": greenhouse, "district": c["district"], "distance": c["distance"],
                      "land_use": "greenhouse"})
        carved += 1


# --- construction flows ----------------------------------------------------------------------------

def construction_flows(zone_products, districts):
    """Each zone product shipped to the districts in proportion to their growth: an
    illustrative masterplan scenario, not a plan; issue-level allocation is done by
    the construction-supply analysis."""
    rows = []
    total_growth = sum(d["growth_residential_m2_per_year"] + d["growth_nonresidential_m2_per_year"]
                       for d in districts)
    for p in zone_products:
        for d in districts:
            share = (d["growth_residential_m2_per_year"] + d["growth_nonresidential_m2_per_year"]) / total_growth
            rows.append({"flow_id": "C-%s-%s-%s" % (p["zone_id"], p["product"].replace(" ", "_"), d["name"]),
                         "material": p["product"], "material_class": p["material_class"],
                         "product": p["product"], "view": "construction", "stage": "consumption",
                         "scenario": "masterplan_2050_illustrative", "origin_id": p["zone_id"],
                         "destination_id": d["district_id"],
                         "tonnes_per_year": round(p["capacity_t_per_year"] * share, 1), "unit": "t",
                         "source": "estimate: zone capacity split by district growth share",
                         "note": "illustrative: capacities are estimates"})
    for zone_id, tonnes in CEMENT_FOR_CONCRETE:
        rows.append({"flow_id": "C-Z-ZHAMBYL-cement-%s" % zone_id, "material": "cement",
                     "material_class": "minerals", "product": "cement", "view": "construction",
                     "stage": "production", "scenario": "masterplan_2050_illustrative", "origin_id": "Z-ZHAMBYL",
                     "destination_id": zone_id, "tonnes_per_year": tonnes, "unit": "t",
                     "source": "estimate: %d %% cement in the zone's concrete (see estimates.py)"
                               % round(CEMENT_IN_CONCRETE * 100),
                     "note": "cement into concrete: not a delivery to the city"})
    return rows


# --- provenance ------------------------------------------------------------------------------------

def _p(layer, field, source, assumption=""):
    return {"layer": layer, "field": field, "source": source, "assumption": assumption}


PROVENANCE = [
    _p("roads", "geometry, fclass, oneway, maxspeed, name, ref", "OSM via Geofabrik (ODbL)",
       "maxspeed 0 = not tagged"),
    _p("roads", "schematic=1 rows", "estimate", "regional corridors and access roads digitised along the real "
       "highways; routes can report how much of their length is schematic"),
    _p("districts", "geometry, district_id, name, name_ru", "OSM relations (ODbL)"),
    _p("districts", "name_kk", "arodionoff/geokz (CC BY 4.0)"),
    _p("districts", "population", "official statistics (gov.kz district pages)",
       "Auezov and Turksib are lower bounds"),
    _p("districts", "residential_floor_m2, nonresidential_floor_m2", "report EN:1697, EN:1825",
       "stock = 2e6 m2 / 3 % = 66.7 M m2, split 33:23, by population (non-residential weighted by centrality)"),
    _p("districts", "growth_*_m2_per_year", "report EN:1697 (+2 M m2/yr of floor), EN:1822-1826",
       "all 2 M m2 are building floor, residential : non-residential 33 : 23 (the mass split's building "
       "part); split between districts by GROWTH_SHARE (estimate)"),
    _p("districts", "growth_infrastructure_t_per_year", "report EN:1822-1826 (44 % of the stock addition's "
       "mass), EN:1750-1752 (1,822 kt/yr of construction inputs)",
       "44 % of the inputs, 801,680 t/yr; split between districts by GROWTH_SHARE (estimate)"),
    _p("districts", "demolition_candidate_houses, demolition_floor_m2", "report EN:1735 (~500 houses, 1950-60)",
       "split by district and 400 m2 per house (estimates)"),
    _p("district_centres", "geometry", "estimate", "mean of the district's drivable road vertices"),
    _p("industrial_zones", "name, products", "report EN:2820-2825", "placement estimated"),
    _p("zone_products", "capacity_t_per_year", "estimate", "sized against EN:1751-1752 construction inputs"),
    _p("agricultural_land", "all", "estimate", "schematic patchwork with the oblast's land shares EN:1485-1488"),
    _p("organic_sources", "municipal (MOW-*)", "report EN:1573 (600 kt landfilled, an upper bound: FACTS C05)",
       "less 30 kt parks, placed by population"),
    _p("organic_sources", "bound", "report EN:1573, EN:1594-1596, FACTS C05",
       "upper: the 600 kt landfilled exceed Karasai's whole intake; lower: only the nine firms at the workshops"),
    _p("organic_sources", "parks", "estimate", "30 kt/yr municipal green waste"),
    _p("organic_sources", "FIRM-*", "report EN:1594 (90 kt from nine firms)", "kinds, places and split estimated"),
    _p("organic_sources", "WWTP", "report EN:1555 (48 kt sludge)", "location estimated"),
    _p("secondary_depots", "all", "report EN:2771 (designated storage areas proposed)", "places estimated"),
    _p("composting_sites", "all", "report EN:1678, EN:1680 for the existing ones", "places and capacities estimated"),
    _p("waste_facilities", "intake, capacity", "report EN:1977, EN:2139; news item line 17",
       "locations estimated in Karasay district"),
    _p("waste_facilities", "dumpsites", "report EN:1994-1995 (around six dumpsites)",
       "places estimated in the suburban districts; intakes unknown"),
    _p("material_flows", "report_baseline rows", "report lines in each row's source",
       "views overlap (city_total, agri_food, construction, industry): never sum across views"),
    _p("material_flows", "unit", "report lines in each row's source",
       "t = tonnes of material; t CH4, t CO2e and m3 (water) are other units, never added to tonnes"),
    _p("material_flows", "masterplan_2050_illustrative rows", "estimate", "zone capacity x district growth share"),
    _p("flow_nodes", "all", "report lines in each row's source", "names of the report's system nodes"),
    _p("emission_factors", "all", "each row's source (IPCC 2006 Guidelines and AR4, the report, estimates)",
       "landfill_ch4 calibrated so that the sample's landfilled organic waste gives the report's 35,000 t CH4"),
    _p("coefficients", "all", "each row's source (the report, estimates with their reasoning)",
       "new build calibrated on the report's construction inputs and 2 million m2 a year; the rest estimates"),
    _p("organic_strategies", "all", "each row's source (report, news)", "the levers each scenario pulls"),
    _p("settlements", "all", "OSM place nodes via HOT Export Tool (ODbL)"),
    _p("boundaries", "all", "arodionoff/geokz ADM2 2024 (CC BY 4.0), geometry from OSM (ODbL)"),
]
