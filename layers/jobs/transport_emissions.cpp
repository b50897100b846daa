#include "transport_emissions.h"

#include "layers/factor_table.h"

namespace cp::layers {

analyses::TransportFactor transportFactor(const TransportEmissions& given,
                                          Diagnostics& diagnostics) {
  const std::optional<FactorTable> factors = readOptionalFactorTable(given.factors, diagnostics);
  return transportFactor(given, factors ? &*factors : nullptr, diagnostics);
}

analyses::TransportFactor transportFactor(const TransportEmissions& given,
                                          const FactorTable* factors, Diagnostics& diagnostics) {
  return analyses::transportFactor(given.kgCo2PerTkm, factors, given.truck, diagnostics);
}

}  // namespace cp::layers
