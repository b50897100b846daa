#include "waste_disposal.h"

#include <cmath>
#include <limits>

namespace cp::analyses {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

template <typename Keep>
FacilityGroup facilitiesWhere(const WasteDisposalInput& input, Keep keep) {
  FacilityGroup group;
  group.places.layerLabel = input.facilities.layerLabel;
  for (std::size_t i = 0; i < input.kinds.size(); ++i) {
    if (!keep(input.kinds[i]))
      continue;
    group.index.push_back(i);
    group.places.ids.push_back(input.facilities.ids[i]);
    group.places.xy.push_back(input.facilities.xy[i]);
    group.places.lonLat.push_back(input.facilities.lonLat[i]);
  }
  return group;
}

bool isPlant(layers::FacilityKind kind) {
  return kind == layers::FacilityKind::WasteToEnergy;
}

AllocationResult allocate(const WasteDisposalInput& input, std::vector<double> supply,
                          const FacilityGroup& sites, std::vector<double> capacity,
                          const AllocationOptions& options, const geo::Feedback* feedback) {
  return allocateToSites(
      {input.network, input.sources, std::move(supply), sites.places, std::move(capacity)}, options,
      feedback);
}

// Each facility's organic intake, by the facilities' order.
std::vector<double> intakeOf(
    const WasteDisposalInput& input,
    const std::vector<std::pair<const FacilityGroup*, const AllocationResult*>>& parts) {
  std::vector<double> tonnes(input.facilities.ids.size(), 0.0);
  for (const auto& [group, result] : parts)
    for (std::size_t j = 0; j < group->index.size(); ++j)
      tonnes[group->index[j]] += result->intakes[j].tonnes;
  return tonnes;
}

// The organic waste a facility would receive beyond all the waste it is
// registered to take today: the sources' figures are too high (the report's
// 600 kt is an upper bound, FACTS C05) or the waste goes elsewhere.
void warnBeyondRegistered(const WasteDisposalInput& input, const std::vector<double>& organic,
                          const std::string& when, layers::Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < organic.size(); ++i) {
    const double registered = input.registeredIntake[i];
    if (std::isfinite(registered) && organic[i] > registered * (1 + 1e-9))
      diagnostics.warn(input.facilities.layerLabel, input.facilities.ids[i], "",
                       when + ", the organic waste sent here (" +
                           std::to_string(std::lround(organic[i])) +
                           " t/yr) exceeds all the waste it is registered to take (" +
                           std::to_string(std::lround(registered)) +
                           " t/yr): the sources' tonnes may be an upper bound, or part of the "
                           "waste goes elsewhere");
  }
}

layers::ResultTable withKind(layers::ResultTable lines, const WasteDisposalInput& input) {
  lines.fields.push_back({"facility_kind", layers::FieldType::Text});
  for (layers::ResultRow& row : lines.rows) {
    const std::string& id = std::get<std::string>(row.values[1]);
    std::size_t i = 0;
    while (input.facilities.ids[i] != id)
      ++i;
    row.values.emplace_back(std::string(layers::facilityKindName(input.kinds[i])));
  }
  return lines;
}

layers::ResultTable lines(const std::string& name, const WasteDisposalInput& input,
                          const FacilityGroup& group, const AllocationResult& result) {
  return withKind(
      haulLines(name, {input.sources, result.joined.from}, {group.places, result.joined.to},
                result.joined.routes, result.allocation.flows, "source_id", "facility_id"),
      input);
}

}  // namespace

std::vector<double> residualWaste(const layers::PointData& sources,
                                  const std::vector<double>& tonnes,
                                  const std::vector<bool>& landfilled,
                                  const std::map<std::string, double>& composted,
                                  const std::string& compostedTable,
                                  layers::Diagnostics& diagnostics) {
  layers::requireOnePerPlace(sources, tonnes.size(), "tonnes");
  if (!landfilled.empty())
    layers::requireOnePerPlace(sources, landfilled.size(), "landfilled flags");
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < sources.ids.size(); ++i)
    index.emplace(sources.ids[i], i);
  std::vector<double> residual = tonnes;
  for (const auto& [id, t] : composted) {
    const auto it = index.find(id);
    if (it == index.end())
      layers::failInput(compostedTable, id, "",
                        "composted, but no source of '" + sources.layerLabel + "' has this id");
    if (t > tonnes[it->second] * (1 + 1e-9) + 1e-6)
      layers::failInput(compostedTable, id, "",
                        std::to_string(std::lround(t)) + " t composted of a source of " +
                            std::to_string(std::lround(tonnes[it->second])) +
                            " t: the tables do not belong together");
    residual[it->second] = std::max(0.0, tonnes[it->second] - t);
  }
  std::vector<std::string> keptByThemselves;
  double kept = 0;
  for (std::size_t i = 0; i < landfilled.size(); ++i)
    if (!landfilled[i] && residual[i] > 0) {
      keptByThemselves.push_back(sources.ids[i]);
      kept += residual[i];
      residual[i] = 0;
    }
  if (!keptByThemselves.empty())
    diagnostics.warn(sources.layerLabel, "", "",
                     layers::counted(keptByThemselves.size(), "source") + " (" +
                         layers::listed(keptByThemselves) + ", " +
                         std::to_string(std::lround(kept)) +
                         " t/yr not composted) send nothing to disposal: their waste is not "
                         "landfilled today");
  return residual;
}

WasteDisposalResult disposeOfWaste(const WasteDisposalInput& input,
                                   const WasteDisposalOptions& wasteOptions,
                                   const geo::Feedback* feedback) {
  layers::requireOnePerPlace(input.facilities, input.kinds.size(), "kinds");
  layers::requireOnePerPlace(input.facilities, input.capacity.size(), "capacities");
  layers::requireOnePerPlace(input.facilities, input.registeredIntake.size(), "registered intakes");
  const AllocationOptions& options = wasteOptions.allocation;
  WasteDisposalResult r;
  r.disposal = facilitiesWhere(input, [&wasteOptions](layers::FacilityKind k) {
    return k == layers::FacilityKind::Landfill ||
           (wasteOptions.toDumpsites && k == layers::FacilityKind::Dumpsite);
  });
  r.plants = facilitiesWhere(input, isPlant);
  if (r.disposal.index.empty())
    throw layers::OptionError(
        std::string("no landfill") + (wasteOptions.toDumpsites ? " or dumpsite" : "") +
        " among the facilities of '" + input.facilities.layerLabel +
        "': nowhere to send the waste that is not composted" +
        (wasteOptions.toDumpsites ? "" : " (dumpsites take waste only when asked)"));
  // Landfills and dumpsites take what is brought to them: no capacity limits them here.
  const std::vector<double> unlimited(r.disposal.index.size(), kInfinity);
  r.today = allocate(input, input.residual, r.disposal, unlimited, options, feedback);
  r.diagnostics.append(r.today.diagnostics);
  std::vector<std::string> stranded;
  for (std::size_t i = 0; i < r.today.sources.size(); ++i)
    if (r.today.sources[i].unallocated > 1e-6)
      stranded.push_back(input.sources.ids[i]);
  if (!stranded.empty())
    r.diagnostics.warn(input.sources.layerLabel, "", "",
                       std::to_string(std::lround(r.today.totals.unallocated)) + " t/yr of " +
                           layers::listed(stranded) +
                           " reach no disposal site by road: not in the tonne-km");
  warnBeyondRegistered(input, intakeOf(input, {{&r.disposal, &r.today}}), "Today", r.diagnostics);
  if (r.plants.index.empty()) {
    r.diagnostics.warn(input.facilities.layerLabel, "", "",
                       "no waste-to-energy plant among the facilities: only today's disposal is "
                       "computed");
    return r;
  }
  std::vector<double> capacity;
  for (std::size_t i : r.plants.index)
    capacity.push_back(input.capacity[i]);
  r.toPlants = allocate(input, input.residual, r.plants, capacity, options, feedback);
  std::vector<double> left;
  for (const SourceStatus& s : r.toPlants->sources)
    left.push_back(s.unallocated);
  r.rest = allocate(input, left, r.disposal, unlimited, options, feedback);
  warnBeyondRegistered(input, intakeOf(input, {{&r.plants, &*r.toPlants}, {&r.disposal, &*r.rest}}),
                       "With the plant", r.diagnostics);
  return r;
}

std::vector<layers::ResultTable> wasteDisposalTables(const WasteDisposalResult& r,
                                                     const WasteDisposalInput& input) {
  using layers::FieldType;
  std::vector<layers::ResultTable> tables;
  tables.push_back(lines("disposal_today", input, r.disposal, r.today));
  std::vector<double> withPlant(input.facilities.ids.size(), 0.0);
  if (r.toPlants) {
    layers::ResultTable both = lines("disposal_with_plant", input, r.plants, *r.toPlants);
    for (layers::ResultRow& row : lines("", input, r.disposal, *r.rest).rows)
      both.rows.push_back(std::move(row));
    tables.push_back(std::move(both));
    withPlant = intakeOf(input, {{&r.plants, &*r.toPlants}, {&r.disposal, &*r.rest}});
  }
  const std::vector<double> today = intakeOf(input, {{&r.disposal, &r.today}});
  layers::ResultTable facilities{"waste_facilities",
                                 layers::ResultGeometry::Point,
                                 {{"facility_id", FieldType::Text},
                                  {"kind", FieldType::Text},
                                  {"registered_intake_t", FieldType::Real},
                                  {"capacity_t", FieldType::Real},
                                  {"organic_today_t", FieldType::Real},
                                  {"organic_with_plant_t", FieldType::Real}},
                                 {}};
  for (std::size_t i = 0; i < input.facilities.ids.size(); ++i)
    facilities.add(
        {input.facilities.ids[i], std::string(layers::facilityKindName(input.kinds[i])),
         layers::finiteOrNull(input.registeredIntake[i]), layers::finiteOrNull(input.capacity[i]),
         today[i], r.toPlants ? layers::ResultValue(withPlant[i]) : layers::ResultValue()},
        layers::pointAt(input.facilities.xy[i]));
  tables.push_back(std::move(facilities));
  return tables;
}

}  // namespace cp::analyses
