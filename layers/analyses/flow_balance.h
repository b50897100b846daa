#pragma once
// The mass balance of every node of a flow table, within each group of flows
// (the report's views) and unit: what a node takes in must equal what it sends
// on plus what it adds to its stock.

#include <set>
#include <string>
#include <vector>

#include "layers/diagnostics.h"
#include "layers/flows.h"
#include "layers/result_table.h"

namespace cp::analyses {

struct FlowBalanceOptions {
  std::set<std::string> stockNodes{"stock"};
  double tolerance = 0.01;  // share of the node's inflow (of 1 t, when it takes in less)
};

struct FlowBalanceResult {
  std::vector<layers::NodeBalance> nodes;  // by group, unit, then node
  std::vector<bool> balanced;              // per node; boundary nodes always are
  std::size_t unbalanced = 0;
  layers::Diagnostics diagnostics;  // one warning per node out of balance
};

// `flowTable` names the table in the warnings.
FlowBalanceResult balanceFlows(const std::vector<layers::Flow>& flows,
                               const FlowBalanceOptions& options, const std::string& flowTable);

// "flow_balance": every node's group, unit, inflow, outflow, stock change and
// imbalance (in that unit), whether it is on the boundary and whether it
// balances.
layers::ResultTable flowBalanceTable(const FlowBalanceResult& result);

// A comma-separated list of node ids, spaces trimmed, empty items left out.
std::set<std::string> nodeList(const std::string& text);

}  // namespace cp::analyses
