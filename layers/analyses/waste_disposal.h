#pragma once
// Where the organic waste that is not composted goes: today to the landfill
// (and, when asked, the dumpsites), each source to the nearest by road; the
// report has it "disposed of in landfills" (EN:1573), and dumpsites are
// seldom mapped or measured (the Almaty sample places them by estimate), so
// they take waste only when the planner says so. And what a planned
// waste-to-energy plant would take of the same waste within its capacity
// (least tonne-km), the rest still disposed of. Both by tonne-km, with each
// facility's organic intake against all the waste it is registered to take.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layers/analyses/allocation.h"
#include "layers/waste_facilities.h"

namespace cp::analyses {

// What the composting allocation's sources table and the facilities must hold.
inline constexpr const char* kCompostedTableNeeds =
    "needs a source id (source_id) and the tonnes composted (allocated_t)";
inline constexpr const char* kNoKindFieldMessage =
    "no kind field (kind): which facility is a landfill, a dumpsite or a waste-to-energy plant "
    "must be given";

// What each source sends to disposal: its tonnes less what is composted (by
// source id, from the composting allocation), none for a source whose waste
// is not landfilled today (a firm's own residues). An id of `composted` not
// among the sources, or more composted than a source has, is an InputError
// naming `compostedTable`; the sources left out are said.
std::vector<double> residualWaste(const layers::PointData& sources,
                                  const std::vector<double>& tonnes,
                                  const std::vector<bool>& landfilled,  // empty: all are
                                  const std::map<std::string, double>& composted,
                                  const std::string& compostedTable,
                                  layers::Diagnostics& diagnostics);

struct WasteDisposalInput {
  const geo::Network& network;
  const layers::PointData& sources;
  std::vector<double> residual;  // t/yr per source (residualWaste)
  const layers::PointData& facilities;
  std::vector<layers::FacilityKind> kinds;
  std::vector<double> capacity;          // t/yr; infinity where not given
  std::vector<double> registeredIntake;  // t/yr of all waste today; NaN where not given
};

// The facilities of some kinds, as an allocation's sites.
struct FacilityGroup {
  std::vector<std::size_t> index;  // into the facilities
  layers::PointData places;
};

struct WasteDisposalResult {
  FacilityGroup disposal;  // landfills, and dumpsites when asked
  FacilityGroup plants;    // waste-to-energy plants
  AllocationResult today;  // the residual to disposal, each source to the nearest
  // With the plants: what they take within their capacity, and the rest to
  // disposal; unset when there is no plant.
  std::optional<AllocationResult> toPlants;
  std::optional<AllocationResult> rest;
  layers::Diagnostics diagnostics;
};

struct WasteDisposalOptions {
  AllocationOptions allocation;
  bool toDumpsites = false;  // dumpsites take waste beside the landfills
};

// Throws layers::OptionError with nowhere to dispose of the waste; geo::Canceled.
WasteDisposalResult disposeOfWaste(const WasteDisposalInput& input,
                                   const WasteDisposalOptions& options,
                                   const geo::Feedback* feedback = nullptr);

// "disposal_today" and "disposal_with_plant" (hauls, as allocation lines, the
// latter with a `facility_kind`), and "waste_facilities": each facility's
// kind, registered intake, capacity, and the organic waste it receives in
// either case.
std::vector<layers::ResultTable> wasteDisposalTables(const WasteDisposalResult& result,
                                                     const WasteDisposalInput& input);

}  // namespace cp::analyses
