#pragma once
// A small mixed-integer programme over GLPK, solved lexicographically: first
// the most of one objective (tonnes served), then, holding that, the least of
// a second (tonne-km). Shared by the exact site selection and the exact
// keep-whole allocation.

#include <utility>
#include <vector>

#include "feedback.h"

struct glp_prob;

namespace cp::geo {

class LexicographicMip {
 public:
  // A canceled `feedback` stops the search within a node: solve() throws Canceled.
  explicit LexicographicMip(const Feedback* feedback = nullptr);
  ~LexicographicMip();
  LexicographicMip(const LexicographicMip&) = delete;
  LexicographicMip& operator=(const LexicographicMip&) = delete;

  // Columns and rows are numbered from 1, as in GLPK; n must be at least 1.
  int addBinaries(int n);
  int addShares(int n);  // continuous in [0, 1]
  void fix(int column, double value);
  int addRowAtMost(double bound);
  int addRowExactly(double value);
  void entry(int row, int column, double value);

  using Terms = std::vector<std::pair<int, double>>;  // (column, coefficient)
  // True when both stages were proven optimal within `seconds` (in all); else
  // the best solution found. Throws std::runtime_error when none was found.
  bool solve(const Terms& maximiseFirst, const Terms& thenMinimise, double seconds);
  double value(int column) const;

 private:
  enum class Outcome { None, Found, Proven };
  // Keeps the solution found, if any.
  Outcome branchAndBound(double seconds);
  void setObjective(const Terms& terms, int direction);

  glp_prob* lp_;
  const Feedback* feedback_;
  std::vector<int> rows_{0};  // GLPK's arrays start at 1
  std::vector<int> cols_{0};
  std::vector<double> values_{0};
  std::vector<double> solution_;  // by column, from 1: the best solution found so far
};

}  // namespace cp::geo
