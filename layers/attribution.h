#pragma once
// The credit that data and maps derived from OpenStreetMap carry (ODbL 1.0):
// one text for result files, report maps and the plugin's messages.

namespace cp::layers {

inline constexpr const char* kOsmAttribution = "© OpenStreetMap contributors (ODbL 1.0)";

}  // namespace cp::layers
