#pragma once
// Yes/no values read from a field, one per feature, with one rule whatever
// opened the layer: text is yes when it is one of the given words (any case,
// spaces aside), a number when it is not 0, NULL is no.

#include <string>
#include <vector>

#include "ogr_source.h"

namespace cp::layers {

// The words that mark a candidate site as already built.
inline const std::vector<std::string> kExistingSiteWords{"existing", "built", "operating", "yes",
                                                         "true"};

bool flagOf(bool isNull, bool isText, const std::string& text, double number,
            const std::vector<std::string>& yes);

// Per feature, in the layer's order; the field must exist.
std::vector<bool> readFlags(const LayerRef& ref, const std::string& field,
                            const std::vector<std::string>& yes);

}  // namespace cp::layers
