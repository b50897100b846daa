// circular-planner: the headless runner. `od` computes a transport-distance
// table on a road network; later jobs join it here.

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli_options.h"
#include "layers/diagnostics.h"
#include "layers/od_job.h"

namespace {

constexpr std::size_t kDiagnosticsShown = 25;

void printResult(const cp::layers::OdJob& job, const cp::layers::OdJobResult& r) {
  if (r.networkFromCache)
    std::cout << "network: loaded from " << job.networkCache << "\n";
  else
    std::cout << "network: " << r.buildReport.summary() << "\n";
  const auto& diagnostics = r.diagnostics.all();
  for (std::size_t i = 0; i < diagnostics.size() && i < kDiagnosticsShown; ++i)
    std::cout << "  " << diagnostics[i].text() << "\n";
  if (diagnostics.size() > kDiagnosticsShown)
    std::cout << "  ... and " << diagnostics.size() - kDiagnosticsShown << " more warnings\n";
  std::cout << "pairs: " << r.pairs << " (" << r.pairsByNetwork << " by network, "
            << r.pairsByFallback << " by straight-line fallback, " << r.pairsUnreachable
            << " unreachable); " << r.pointsNotSnapped << " points not joined to the network\n"
            << "wrote " << job.output << " in " << r.seconds << " s\n";
}

int runOd(const std::vector<std::string>& args) {
  const cp::layers::OdJob job = cp::runner::parseOdOptions(args);
  cp::geo::Feedback feedback([](double percent) {
    std::fprintf(stderr, "\rrouting %3.0f %%", percent);
    if (percent >= 100)
      std::fprintf(stderr, "\n");
  });
  printResult(job, cp::layers::runOdJob(job, &feedback));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << cp::runner::odUsage();
    return args.empty() ? 2 : 0;
  }
  try {
    if (args[0] != "od")
      throw cp::runner::UsageError("unknown command '" + args[0] + "'");
    return runOd({args.begin() + 1, args.end()});
  } catch (const cp::runner::UsageError& e) {
    std::cerr << "circular-planner: " << e.what() << "\n\n" << cp::runner::odUsage();
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "circular-planner: " << e.what() << "\n";
    return 1;
  }
}
