#pragma once
// Temporary files for tests that write data sources.

#include <filesystem>
#include <fstream>
#include <string>

namespace cp::test {

inline std::string tempPath(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "circular_planner_tests";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

inline std::string writeText(const std::string& name, const std::string& text) {
  const std::string path = tempPath(name);
  std::ofstream(path, std::ios::trunc | std::ios::binary) << text;
  return path;
}

inline std::string sampleLayer(const std::string& layer) {
  return std::string(CP_SAMPLE_DATA) + "/almaty.gpkg|layername=" + layer;
}

}  // namespace cp::test
