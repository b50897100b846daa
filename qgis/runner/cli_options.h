#pragma once
// Command-line options of the `circular-planner od` job.

#include <stdexcept>
#include <string>
#include <vector>

#include "layers/jobs/od_job.h"

namespace cp::runner {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws UsageError with a message that says what is wrong.
cp::layers::OdJob parseOdOptions(const std::vector<std::string>& args);

std::string odUsage();

}  // namespace cp::runner
