#include "flow_balance.h"

#include <cmath>
#include <sstream>

namespace cp::analyses {
namespace {

std::string amount(double value, const std::string& unit) {
  return std::to_string(std::llround(value)) + " " + unit;
}

}  // namespace

FlowBalanceResult balanceFlows(const std::vector<layers::Flow>& flows,
                               const FlowBalanceOptions& options, const std::string& flowTable) {
  if (!(options.tolerance >= 0))
    throw layers::OptionError("the tolerance must be a share of 0 or more");
  FlowBalanceResult result;
  result.nodes = layers::balances(flows, options.stockNodes);
  for (const layers::NodeBalance& b : result.nodes) {
    const bool balanced =
        b.boundary || std::abs(b.imbalance()) <= options.tolerance * std::max(b.in, 1.0);
    result.balanced.push_back(balanced);
    if (balanced)
      continue;
    ++result.unbalanced;
    result.diagnostics.warn(flowTable, "", "",
                            (b.group.empty() ? "node '" : b.group + " node '") + b.node +
                                "': " + amount(b.in, b.unit) + " in, " + amount(b.out, b.unit) +
                                " out, " + amount(b.stockChange, b.unit) +
                                " to stock: " + amount(b.imbalance(), b.unit) + " unaccounted for");
  }
  return result;
}

layers::ResultTable flowBalanceTable(const FlowBalanceResult& result) {
  using layers::FieldType;
  layers::ResultTable table{"flow_balance",
                            layers::ResultGeometry::None,
                            {{"flow_group", FieldType::Text},
                             {"node", FieldType::Text},
                             {"unit", FieldType::Text},
                             {"inflow", FieldType::Real},
                             {"outflow", FieldType::Real},
                             {"stock_change", FieldType::Real},
                             {"imbalance", FieldType::Real},
                             {"boundary", FieldType::Boolean},
                             {"balanced", FieldType::Boolean}},
                            {}};
  for (std::size_t i = 0; i < result.nodes.size(); ++i) {
    const layers::NodeBalance& b = result.nodes[i];
    table.add({b.group, b.node, b.unit, b.in, b.out, b.stockChange,
               b.boundary ? 0.0 : b.imbalance(), static_cast<long long>(b.boundary),
               static_cast<long long>(result.balanced[i])});
  }
  return table;
}

std::set<std::string> nodeList(const std::string& text) {
  std::set<std::string> nodes;
  std::istringstream items(text);
  for (std::string item; std::getline(items, item, ',');)
    if (const std::string id = layers::trimmed(item); !id.empty())
      nodes.insert(id);
  return nodes;
}

}  // namespace cp::analyses
