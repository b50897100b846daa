#pragma once
// The names fields usually have in the data planners bring (OpenStreetMap,
// Geofabrik, the report's tables, the sample data), most likely first. Where
// the user names no field, every reader, algorithm and the panel take the
// first of these the layer has: one table, so that all of them agree.

#include <string>
#include <vector>

namespace cp::layers::field_names {

using Names = std::vector<std::string>;

// Roads.
inline const Names kRoadClass{"fclass", "highway"};
inline const Names kOneway{"oneway"};
inline const Names kSpeed{"maxspeed", "speed_kmh", "speed"};

// Places' ids, most specific first; then per role.
inline const Names kPlaceId{"zone_id",   "district_id", "site_id",  "source_id",
                            "parcel_id", "facility_id", "place_id", "id"};
inline const Names kDistrictId{"name", "district_id", "district", "id"};
inline const Names kCentreId{"name", "district_id", "id"};
inline const Names kZoneId{"zone_id", "name", "id"};
inline const Names kParcelId{"parcel_id", "id"};
inline const Names kSourceId{"source_id", "name", "id"};
inline const Names kSiteId{"site_id", "name", "id"};

// Quantities, in tonnes per year unless the name says otherwise.
inline const Names kTonnes{"tonnes_per_year", "t_per_year", "tonnes"};
inline const Names kCapacity{"capacity_t_per_year", "capacity"};
inline const Names kCompostIntake{"tonnes_in", "capacity_t_per_year", "capacity"};
inline const Names kCompostDemandPerHa{"compost_demand_t_per_ha_year", "compost_t_per_ha"};

// Waste facilities, and what the organic sources send them.
inline const Names kFacilityId{"facility_id", "name", "id"};
inline const Names kFacilityKind{"kind", "facility_kind", "type"};
inline const Names kRegisteredIntake{"intake_t_per_year", "intake"};  // all waste received
inline const Names kWasteKind{"kind", "waste_kind"};  // municipal, park, sewage_sludge ...
inline const Names kLandfilled{"landfilled"};         // the source's waste goes to disposal today
inline const Names kComposted{"allocated_t", "composted_t"};  // of the composting allocation

// Flags and tables of their own.
inline const Names kSchematicRoad{"schematic"};   // a regional corridor drawn, not surveyed
inline const Names kRoadLength{"road_length_m"};  // the real road a schematic line stands for
inline const Names kExistingSite{"status", "existing"};
inline const Names kProductZone{"zone_id"};
inline const Names kPlannedZone{"planned"};  // a zone of the plan, not a source outside it

// Material flows.
inline const Names kFlowId{"flow_id", "id"};
inline const Names kFlowOrigin{"origin_id", "from_id", "origin", "from"};
inline const Names kFlowDestination{"destination_id", "to_id", "destination", "to"};
inline const Names kMaterialClass{"material_class", "class"};
inline const Names kMaterial{"material", "product"};
inline const Names kStage{"stage"};
inline const Names kScenario{"scenario"};
inline const Names kView{"view", "group"};
inline const Names kFlowUnit{"unit"};  // of the quantity; tonnes where the table has none
// The names of the flows' nodes (a table of system nodes, or the places' layers).
inline const Names kNodeId{"node_id",   "zone_id",     "district_id", "site_id",
                           "source_id", "facility_id", "place_id",    "id"};
inline const Names kNodeName{"name", "label"};

}  // namespace cp::layers::field_names
