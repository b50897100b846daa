#pragma once
// The analyses' tests share the Almaty drivable network, built once per test
// suite, and places drawn at random on it as a reader would give them.

#include <gtest/gtest.h>

#include <string>

#include "layers/point_reader.h"
#include "support/almaty_network.h"

namespace cp::test {

class OnAlmatyRoads : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { almaty_ = new AlmatyNetwork(buildAlmatyNetwork()); }
  static void TearDownTestSuite() {
    delete almaty_;
    almaty_ = nullptr;
  }

  static const geo::Network& network() { return almaty_->network; }
  static const std::vector<geo::RoadLine>& roads() { return almaty_->roads.lines; }
  static const layers::WorkingFrame& frame() { return *almaty_->roads.frame; }

  // `count` places on the network's largest part, with ids prefix0, prefix1, ...
  static layers::PointData places(const std::string& prefix, std::size_t count, unsigned seed) {
    layers::PointData data;
    data.layerLabel = prefix;
    for (const geo::Location& l : randomLocations(almaty_->network, count, seed)) {
      data.ids.push_back(prefix + std::to_string(data.ids.size()));
      data.xy.push_back(l.xy);
    }
    data.lonLat = toLonLat(*almaty_->roads.frame, data.xy);
    return data;
  }

 private:
  static inline AlmatyNetwork* almaty_ = nullptr;
};

}  // namespace cp::test
