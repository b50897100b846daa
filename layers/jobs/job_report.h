#pragma once
// What every job of the runner reports of its run, and its first step: the
// road network, built or loaded, with what that said.

#include "layers/diagnostics.h"
#include "layers/prepared_network.h"

namespace cp::layers {

struct JobReport {
  bool networkFromSaved = false;
  geo::BuildReport buildReport;  // empty when the network was loaded
  Diagnostics diagnostics;       // the roads', the build's, the places' and the analysis's
};

// The job's network; its report starts with how it came by it.
inline PreparedNetwork prepareJobNetwork(const NetworkSource& source, JobReport& report,
                                         const geo::Feedback* feedback) {
  PreparedNetwork prepared = prepareNetwork(source, feedback);
  report.networkFromSaved = prepared.fromSaved;
  report.buildReport = std::move(prepared.buildReport);
  report.diagnostics = std::move(prepared.diagnostics);
  return prepared;
}

}  // namespace cp::layers
