#pragma once
// Command-line options of the runner's analysis jobs:
// each job's own, and those every job on a road network shares.

#include <stdexcept>
#include <string>
#include <vector>

#include "layers/jobs/allocation_job.h"
#include "layers/jobs/catchments_job.h"
#include "layers/jobs/climate_job.h"
#include "layers/jobs/compost_outlets_job.h"
#include "layers/jobs/construction_jobs.h"
#include "layers/jobs/flow_jobs.h"
#include "layers/jobs/nearest_job.h"
#include "layers/jobs/od_job.h"
#include "layers/jobs/routes_job.h"
#include "layers/jobs/waste_disposal_job.h"

namespace cp::runner {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throw UsageError with a message that says what is wrong.
cp::layers::OdJob parseOdOptions(const std::vector<std::string>& args);
cp::layers::CatchmentsJob parseCatchmentsOptions(const std::vector<std::string>& args);
cp::layers::AllocationJob parseAllocationOptions(const std::vector<std::string>& args);
cp::layers::AllocationJob parseSiteSelectionOptions(const std::vector<std::string>& args);
cp::layers::RoutesJob parseRoutesOptions(const std::vector<std::string>& args);
cp::layers::NearestJob parseNearestOptions(const std::vector<std::string>& args);
cp::layers::FlowsOnRoadsJob parseFlowLinesOptions(const std::vector<std::string>& args);
cp::layers::FlowsOnRoadsJob parseRoadLoadsOptions(const std::vector<std::string>& args);
cp::layers::FlowsOnRoadsJob parseSiteAssessmentOptions(const std::vector<std::string>& args);
cp::layers::FlowBalanceJob parseFlowBalanceOptions(const std::vector<std::string>& args);
cp::layers::SankeyJob parseSankeyOptions(const std::vector<std::string>& args);
cp::layers::CompostOutletsJob parseCompostOutletsOptions(const std::vector<std::string>& args);
cp::layers::BuildingStockJob parseBuildingStockOptions(const std::vector<std::string>& args);
cp::layers::ConstructionSupplyJob parseConstructionSupplyOptions(
    const std::vector<std::string>& args);
cp::layers::WasteDisposalJob parseWasteDisposalOptions(const std::vector<std::string>& args);
cp::layers::ClimateJob parseClimateOptions(const std::vector<std::string>& args);

std::string odUsage();
std::string flowLinesUsage();
std::string roadLoadsUsage();
std::string siteAssessmentUsage();
std::string flowBalanceUsage();
std::string sankeyUsage();
std::string compostOutletsUsage();
std::string buildingStockUsage();
std::string constructionSupplyUsage();
std::string catchmentsUsage();
std::string nearestUsage();
std::string allocationUsage();
std::string wasteDisposalUsage();
std::string climateUsage();
std::string siteSelectionUsage();
std::string routesUsage();
// The options every job on the road network takes, said once after the jobs.
std::string commonUsage();

}  // namespace cp::runner
