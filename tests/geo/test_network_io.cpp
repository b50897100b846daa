#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "geo/network_io.h"
#include "geo/routing.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

std::string tempFile(const char* name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

TEST(NetworkIo, SavedNetworkLoadsBackIdentical) {
  Network net = test::planarNetwork(test::randomGrid(10, 10, 50, 1));
  net.crsWkt = "PROJCS[\"test\"]";
  const std::string path = tempFile("cp_network_roundtrip.cpnet");
  saveNetwork(net, path);
  const Network back = loadNetwork(path);
  EXPECT_EQ(back.crsWkt, net.crsWkt);
  ASSERT_EQ(back.arcCount(), net.arcCount());
  for (ArcId a = 0; a < net.arcCount(); ++a) {
    EXPECT_EQ(back.arcs[a].head, net.arcs[a].head);
    EXPECT_EQ(back.arcs[a].length, net.arcs[a].length);
    EXPECT_EQ(back.arcs[a].time, net.arcs[a].time);
  }
  EXPECT_EQ(back.segmentLength, net.segmentLength);
  EXPECT_EQ(back.largestComponent, net.largestComponent);
  const Location a = test::at(back, {10, 10});
  const Location b = test::at(back, {400, 300});
  EXPECT_EQ(shortestRoute(back, a, b).cost.distanceM, shortestRoute(net, a, b).cost.distanceM);
  std::remove(path.c_str());
}

TEST(NetworkIo, TruncatedOrForeignFilesAreRejectedWithTheFileName) {
  const Network net = test::planarNetwork(test::randomGrid(5, 5, 50, 1));
  const std::string path = tempFile("cp_network_truncated.cpnet");
  saveNetwork(net, path);
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  try {
    loadNetwork(path);
    FAIL() << "a truncated file loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
  }
  std::ofstream(path, std::ios::trunc) << "not a network at all";
  EXPECT_THROW(loadNetwork(path), std::runtime_error);
  EXPECT_THROW(loadNetwork(tempFile("cp_no_such_file.cpnet")), std::runtime_error);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace cp::geo
