#pragma once
// How a job of the runner is told its transport emissions: a number of kg
// CO2e per tonne-km, or an emission factor table and the truck's row in it.

#include <optional>
#include <string>

#include "layers/analyses/allocation.h"
#include "layers/diagnostics.h"

namespace cp::layers {

struct TransportEmissions {
  std::optional<double> kgCo2PerTkm;
  std::string factors;  // layer reference (see LayerRef) of an emission factor table
  std::string truck = "truck_average";
};

// The factor given, as analyses::transportFactor makes it of the number, the
// table read here, or neither.
analyses::TransportFactor transportFactor(const TransportEmissions& given,
                                          Diagnostics& diagnostics);
// The same with the factor table already read (null: none given).
analyses::TransportFactor transportFactor(const TransportEmissions& given,
                                          const FactorTable* factors, Diagnostics& diagnostics);

}  // namespace cp::layers
