// circular-planner: the headless runner. Its analysis jobs (od, routes, nearest,
// catchments, allocation, siteselection, wastedisposal, climatebalance,
// flowlines, roadloads, siteassessment, flowbalance, sankey, compostoutlets,
// buildingstock, constructionsupply) need GDAL alone; `report` (with QGIS) runs the whole
// analysis on one data set and lays out the maps.

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include <cpl_conv.h>

#include "cli_options.h"
#include "layers/database_export.h"
#include "layers/diagnostics.h"
#include "layers/jobs/allocation_job.h"
#include "layers/jobs/catchments_job.h"
#include "layers/jobs/od_job.h"
#include "layers/jobs/routes_job.h"
#ifdef CP_RUNNER_WITH_REPORT
#include "report_command.h"
#endif

namespace {

constexpr std::size_t kDiagnosticsShown = 25;

// Every warning, the first few in full.
void printWarnings(const cp::layers::Diagnostics& diagnostics) {
  const auto& all = diagnostics.all();
  for (std::size_t i = 0; i < all.size() && i < kDiagnosticsShown; ++i)
    std::cout << "  " << all[i].text() << "\n";
  if (all.size() > kDiagnosticsShown)
    std::cout << "  ... and " << all.size() - kDiagnosticsShown << " more warnings\n";
}

// How the job came by its network, and every warning it gave.
void printReport(const cp::layers::NetworkSource& source, const cp::layers::JobReport& report) {
  if (report.networkFromSaved)
    std::cout << "network: loaded from " << cp::layers::maskedConnection(source.saved) << "\n";
  else
    std::cout << "network: " << report.buildReport.summary() << "\n";
  printWarnings(report.diagnostics);
}

// Progress on the terminal's status line.
cp::geo::Feedback terminalProgress(const char* doing) {
  return cp::geo::Feedback([doing](double percent) {
    std::fprintf(stderr, "\r%s %3.0f %%", doing, percent);
    if (percent >= 100)
      std::fprintf(stderr, "\n");
  });
}

int runOd(const std::vector<std::string>& args) {
  const cp::layers::OdJob job = cp::runner::parseOdOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::OdJobResult r = cp::layers::runOdJob(job, &feedback);
  printReport(job.network, r);
  std::cout << "pairs: " << r.pairs << " (" << r.pairsByNetwork << " by network, "
            << r.pairsByFallback << " by straight-line fallback, " << r.pairsUnreachable
            << " unreachable); " << r.pointsNotSnapped << " points not joined to the network\n"
            << "wrote " << job.output << " in " << r.seconds.total << " s (network "
            << r.seconds.network << " s, places " << r.seconds.places << " s, matrix "
            << r.seconds.matrix << " s, writing " << r.seconds.writing << " s)\n";
  return 0;
}

int runNearest(const std::vector<std::string>& args) {
  const cp::layers::NearestJob job = cp::runner::parseNearestOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::NearestJobResult r = cp::layers::runNearestJob(job, &feedback);
  printReport(job.network, r);
  std::cout << "nearest: " << r.lines << " lines; " << r.originsServed
            << " origins reach a facility\nwrote " << job.output << "\n";
  return 0;
}

int runCatchments(const std::vector<std::string>& args) {
  const cp::layers::CatchmentsJob job = cp::runner::parseCatchmentsOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("catchments");
  const cp::layers::CatchmentsJobResult r = cp::layers::runCatchmentsJob(job, &feedback);
  printReport(job.network, r);
  std::cout << "sites serving: " << r.sitesServing << "; sources within reach: " << r.sources
            << " (" << r.tonnesReached << " t/yr)\nwrote " << job.output << "\n";
  return 0;
}

int runAllocation(const cp::layers::AllocationJob& job) {
  const cp::geo::Feedback feedback = terminalProgress(job.selection ? "choosing" : "allocating");
  const cp::layers::AllocationJobResult r = cp::layers::runAllocationJob(job, &feedback);
  printReport(job.network, r);
  if (!r.chosen.empty()) {
    std::cout << "sites chosen:";
    for (const std::string& id : r.chosen)
      std::cout << " " << id;
    std::cout << (r.provenOptimal ? (*r.provenOptimal ? " (proven optimal)" : " (time limit)") : "")
              << "\n";
  }
  if (r.whole)
    std::cout << "each source kept whole" << (r.whole->proven ? " (proven optimal)" : "")
              << ": split between sites the optimum places " << r.whole->placedSplit << " t for "
              << r.whole->tonneKmSplit << " tonne-km\n";
  std::cout << r.totals.allocated << " t of " << r.totals.tonnes << " t allocated; "
            << r.totals.tonneKm << " tonne-km; mean haul " << r.totals.meanHaulKm << " km\nwrote "
            << job.output << "\n";
  return 0;
}

int runRoutes(const std::vector<std::string>& args) {
  const cp::layers::RoutesJob job = cp::runner::parseRoutesOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::RoutesJobResult r = cp::layers::runRoutesJob(job, &feedback);
  printReport(job.network, r);
  std::cout << "routes: " << r.routed << " of " << r.pairs << " pairs\nwrote " << job.output
            << "\n";
  return 0;
}

int runFlowsOnRoads(const cp::layers::FlowsOnRoadsJob& job) {
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::FlowsOnRoadsJobResult r = cp::layers::runFlowsOnRoadsJob(job, &feedback);
  printReport(job.network, r);
  std::cout << "flows: " << r.flows << " placed, " << r.unplaced << " naming no place\n";
  switch (job.kind) {
    case cp::layers::FlowRoadAnalysis::Lines:
      std::cout << r.tonneKm << " tonne-km by road\n";
      break;
    case cp::layers::FlowRoadAnalysis::RoadLoads:
      std::cout << r.segments << " road segments loaded; " << r.tonneKm << " tonne-km\n";
      break;
    case cp::layers::FlowRoadAnalysis::SiteAssessment:
      std::cout << "baseline " << r.baselineTonneKm << " tonne-km; best candidate " << r.best
                << ": " << r.tonneKm << " tonne-km\n";
      break;
  }
  std::cout << "wrote " << job.output << "\n";
  return 0;
}

int runFlowBalance(const std::vector<std::string>& args) {
  const cp::layers::FlowBalanceJob job = cp::runner::parseFlowBalanceOptions(args);
  const cp::layers::FlowBalanceJobResult r = cp::layers::runFlowBalanceJob(job);
  printWarnings(r.diagnostics);
  std::cout << r.nodes << " nodes, " << r.unbalanced << " out of balance\nwrote " << job.output
            << "\n";
  return 0;
}

int runSankey(const std::vector<std::string>& args) {
  const cp::layers::SankeyJob job = cp::runner::parseSankeyOptions(args);
  const cp::layers::SankeyJobResult r = cp::layers::runSankeyJob(job);
  printWarnings(r.diagnostics);
  std::cout << r.nodes << " nodes and " << r.bands << " bands drawn\nwrote " << job.output << "\n";
  return 0;
}

int runCompostOutlets(const std::vector<std::string>& args) {
  const cp::layers::CompostOutletsJob job = cp::runner::parseCompostOutletsOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::CompostOutletsJobResult r = cp::layers::runCompostOutletsJob(job, &feedback);
  printReport(job.network, r);
  std::cout << r.placed << " t of " << r.made << " t compost placed on farmland needing "
            << r.demand << " t; " << r.tonneKm << " tonne-km\nwrote " << job.output << "\n";
  return 0;
}

int runBuildingStock(const std::vector<std::string>& args) {
  const cp::layers::BuildingStockJob job = cp::runner::parseBuildingStockOptions(args);
  const cp::layers::BuildingStockJobResult r = cp::layers::runBuildingStockJob(job);
  printWarnings(r.diagnostics);
  std::cout << "stock " << r.stock.total() << " t; demand " << r.demand.total()
            << " t a year (minerals " << r.demand.minerals << ", metals " << r.demand.metals
            << ", wood " << r.demand.biomass << "); recoverable from demolition "
            << r.recoverable.total() << " t a year\nwrote " << job.output << "\n";
  return 0;
}

int runConstructionSupply(const std::vector<std::string>& args) {
  const cp::layers::ConstructionSupplyJob job = cp::runner::parseConstructionSupplyOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::ConstructionSupplyJobResult r =
      cp::layers::runConstructionSupplyJob(job, &feedback);
  printReport(job.network, r);
  std::cout << r.supplied << " t of " << r.demand << " t demand supplied (" << r.secondary
            << " t from demolition); " << r.tonneKm << " tonne-km\n";
  if (r.co2e)
    std::cout << "the supply: " << r.co2e->central << " t CO2e (" << r.co2e->low << " - "
              << r.co2e->high << "); urban mining changes it by " << *r.urbanMiningChange
              << " t CO2e\n";
  if (r.zonesChange)
    std::cout << "the zones change it by " << *r.zonesChange
              << " t CO2e against buying elsewhere\n";
  if (r.timberChange)
    std::cout << "a timber share of " << job.timberShare * 100 << " % changes it by a further "
              << *r.timberChange << " t CO2e\n";
  std::cout << "wrote " << job.output << "\n";
  return 0;
}

int runWasteDisposal(const std::vector<std::string>& args) {
  const cp::layers::WasteDisposalJob job = cp::runner::parseWasteDisposalOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::WasteDisposalJobResult r = cp::layers::runWasteDisposalJob(job, &feedback);
  printReport(job.network, r);
  std::cout << "today: " << r.today.allocated << " t of " << r.today.tonnes
            << " t not composted to disposal; " << r.today.tonneKm << " tonne-km\n";
  if (r.toPlants)
    std::cout << "with the plant: " << r.toPlants->allocated << " t to the plant, "
              << r.rest->allocated << " t still disposed of; "
              << r.toPlants->tonneKm + r.rest->tonneKm << " tonne-km\n";
  std::cout << "wrote " << job.output << "\n";
  return 0;
}

int runClimate(const std::vector<std::string>& args) {
  const cp::layers::ClimateJob job = cp::runner::parseClimateOptions(args);
  const cp::geo::Feedback feedback = terminalProgress("routing");
  const cp::layers::ClimateJobResult r = cp::layers::runClimateJob(job, &feedback);
  printReport(job.network, r);
  for (std::size_t i = 0; i < r.scenarios.size(); ++i)
    std::cout << r.scenarios[i] << ": " << r.co2e[i].central << " t CO2e (" << r.co2e[i].low
              << " - " << r.co2e[i].high << ")\n";
  if (r.recycledTonnes)
    std::cout << "recycling today: " << *r.recycledTonnes << " t avoid "
              << -r.recyclingAvoided.central << " t CO2e (" << -r.recyclingAvoided.high << " - "
              << -r.recyclingAvoided.low << ")\n";
  std::cout << "wrote " << job.output << "\n";
  return 0;
}

// The usage of every command this build has.
std::string usage() {
  std::string text = cp::runner::odUsage() + "\n" + cp::runner::catchmentsUsage() + "\n" +
                     cp::runner::routesUsage() + "\n" + cp::runner::nearestUsage() + "\n" +
                     cp::runner::allocationUsage() + "\n" + cp::runner::siteSelectionUsage() +
                     "\n" + cp::runner::wasteDisposalUsage() + "\n" + cp::runner::climateUsage() +
                     "\n" + cp::runner::flowLinesUsage() + "\n" + cp::runner::roadLoadsUsage() +
                     "\n" + cp::runner::siteAssessmentUsage() + "\n" +
                     cp::runner::flowBalanceUsage() + "\n" + cp::runner::sankeyUsage() + "\n" +
                     cp::runner::compostOutletsUsage() + "\n" + cp::runner::buildingStockUsage() +
                     "\n" + cp::runner::constructionSupplyUsage() + cp::runner::commonUsage();
#ifdef CP_RUNNER_WITH_REPORT
  text += std::string("\n") + cp::runner::reportUsage();
#endif
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  // GDAL would otherwise keep what it learns of a source in a .aux.xml file
  // beside it: nothing is written beside the user's data.
  CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::cout << std::fixed << std::setprecision(1);  // tonnes and km as planners read them
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << usage();
    return args.empty() ? 2 : 0;
  }
  try {
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "od")
      return runOd(rest);
    if (args[0] == "routes")
      return runRoutes(rest);
    if (args[0] == "nearest")
      return runNearest(rest);
    if (args[0] == "catchments")
      return runCatchments(rest);
    if (args[0] == "allocation")
      return runAllocation(cp::runner::parseAllocationOptions(rest));
    if (args[0] == "siteselection")
      return runAllocation(cp::runner::parseSiteSelectionOptions(rest));
    if (args[0] == "wastedisposal")
      return runWasteDisposal(rest);
    if (args[0] == "climatebalance")
      return runClimate(rest);
    if (args[0] == "flowlines")
      return runFlowsOnRoads(cp::runner::parseFlowLinesOptions(rest));
    if (args[0] == "roadloads")
      return runFlowsOnRoads(cp::runner::parseRoadLoadsOptions(rest));
    if (args[0] == "siteassessment")
      return runFlowsOnRoads(cp::runner::parseSiteAssessmentOptions(rest));
    if (args[0] == "flowbalance")
      return runFlowBalance(rest);
    if (args[0] == "sankey")
      return runSankey(rest);
    if (args[0] == "compostoutlets")
      return runCompostOutlets(rest);
    if (args[0] == "buildingstock")
      return runBuildingStock(rest);
    if (args[0] == "constructionsupply")
      return runConstructionSupply(rest);
#ifdef CP_RUNNER_WITH_REPORT
    if (args[0] == "report")
      return cp::runner::runReport(rest, argv[0]);
#endif
    throw cp::runner::UsageError("unknown command '" + args[0] + "'");
  } catch (const cp::runner::UsageError& e) {
    std::cerr << "circular-planner: " << e.what() << "\n\n" << usage();
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "circular-planner: " << e.what() << "\n";
    return 1;
  }
}
