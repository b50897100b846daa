#pragma once
// Yes/no values read from a field, one per feature, with one rule whatever
// opened the layer and whatever the field marks (a site already built, a road
// drawn by estimate): NULL and empty are no; a number is yes unless 0; text is
// yes or no by the words planners write for them, any case, spaces aside.
// Text that is neither is taken as no and listed in a warning with its
// features: a typo must not silently flip a site or a road.

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "diagnostics.h"
#include "ogr_source.h"

namespace cp::layers {

inline const std::vector<std::string> kYesWords{"yes", "y",     "true",     "t",
                                                "1",   "built", "existing", "operating"};
inline const std::vector<std::string> kNoWords{"no",        "n",       "false",    "f",  "0",
                                               "candidate", "planned", "proposed", "new"};

// The rule, row by row; each reader (OGR here, QGIS in the bridge) feeds it.
class FlagRows {
 public:
  FlagRows(std::string layer, std::string field, Diagnostics& diagnostics);
  void add(const std::string& feature, bool isNull, bool isText, const std::string& text,
           double number);
  // The flags in the order added; warns once about text that is neither.
  std::vector<bool> finish();
  // Or as shares of a whole: yes 1, no 0, a number as it is; a number
  // outside 0-1 is an InputError naming the layer, feature and field.
  std::vector<double> finishShares();

 private:
  std::string layer_;
  std::string field_;
  Diagnostics& diagnostics_;
  std::vector<double> values_;
  std::vector<std::string> features_;
  std::vector<std::string> unclear_;  // "feature ('text')"
};

// Per feature, in the layer's order; the field must exist. `ids`, when given,
// gets each feature's id.
std::vector<bool> readFlags(const LayerRef& ref, const std::string& field, Diagnostics& diagnostics,
                            std::vector<long long>* ids = nullptr);

// Per feature, in the layer's order, by FlagRows::finishShares; the field
// must exist.
std::vector<double> readShares(const LayerRef& ref, const std::string& field,
                               Diagnostics& diagnostics);

// The ids of the features whose flag is yes (flags and ids as readFlags gives them).
std::unordered_set<std::uint64_t> idsFlaggedYes(const std::vector<bool>& flags,
                                                const std::vector<long long>& ids);

}  // namespace cp::layers
