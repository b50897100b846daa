#pragma once
// `circular-planner report CONFIG`: the whole analysis on one data set, as a
// small config file describes it - results in a GeoPackage, maps for reports,
// a summary table and a QGIS project to carry on from.

#include <string>
#include <vector>

namespace cp::runner {

const char* reportUsage();
// Returns the exit code: 0 done, 1 the analysis failed, 2 a bad config.
int runReport(const std::vector<std::string>& args, const char* program);

}  // namespace cp::runner
