// The exact site selection: a mixed-integer programme solved by GLPK's branch
// and bound. Variables: y[j] = 1 when candidate j opens; x[i][j] the share of
// source i's tonnes that site j takes, for pairs within the cover limit.
// Opening is tied to use pair by pair (x[i][j] <= y[j]), the strong form whose
// relaxation is usually integral already, and capacity site by site.

#include <glpk.h>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>

#include "site_selection.h"

namespace cp::geo {
namespace {

struct Pair {
  std::size_t source;
  std::size_t candidate;
  double cost;
};

class Programme {
 public:
  explicit Programme(const SiteSelectionInput& in) : in_(in), lp_(glp_create_prob()) {}
  ~Programme() { glp_delete_prob(lp_); }
  Programme(const Programme&) = delete;
  Programme& operator=(const Programme&) = delete;

  void build(const std::vector<Pair>& pairs) {
    const int candidates = static_cast<int>(in_.capacity.size());
    glp_add_cols(lp_, candidates);
    for (int j = 0; j < candidates; ++j) {
      glp_set_col_kind(lp_, j + 1, GLP_BV);
      if (in_.existing[static_cast<std::size_t>(j)])
        glp_set_col_bnds(lp_, j + 1, GLP_FX, 1, 1);
    }
    firstPair_ = glp_add_cols(lp_, static_cast<int>(pairs.size()));
    for (std::size_t p = 0; p < pairs.size(); ++p)
      glp_set_col_bnds(lp_, pairCol(p), GLP_DB, 0, 1);
    shareRows(pairs);
    capacityRows(pairs);
    countRow();
    servedRow_ = glp_add_rows(lp_, 1);
    glp_set_row_bnds(lp_, servedRow_, GLP_FR, 0, 0);
    for (std::size_t p = 0; p < pairs.size(); ++p)
      entry(servedRow_, pairCol(p), in_.demand[pairs[p].source]);
    glp_load_matrix(lp_, static_cast<int>(rows_.size()) - 1, rows_.data(), cols_.data(),
                    values_.data());
  }

  // First the most tonnes served, then the least tonne-cost for that many.
  bool solve(const std::vector<Pair>& pairs, double seconds) {
    const auto start = std::chrono::steady_clock::now();
    glp_set_obj_dir(lp_, GLP_MAX);
    for (std::size_t p = 0; p < pairs.size(); ++p)
      glp_set_obj_coef(lp_, pairCol(p), in_.demand[pairs[p].source]);
    bool proven = branchAndBound(seconds);
    const double served = glp_mip_obj_val(lp_);
    glp_set_row_bnds(lp_, servedRow_, GLP_LO, served - 1e-7 * std::max(1.0, served), 0);
    glp_set_obj_dir(lp_, GLP_MIN);
    for (std::size_t p = 0; p < pairs.size(); ++p)
      glp_set_obj_coef(lp_, pairCol(p), in_.demand[pairs[p].source] * pairs[p].cost);
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
    proven = branchAndBound(std::max(0.1, seconds - spent.count())) && proven;
    return proven;
  }

  std::vector<std::size_t> opened() const {
    std::vector<std::size_t> open;
    for (std::size_t j = 0; j < in_.capacity.size(); ++j)
      if (glp_mip_col_val(lp_, static_cast<int>(j) + 1) > 0.5)
        open.push_back(j);
    return open;
  }

 private:
  int pairCol(std::size_t p) const { return firstPair_ + static_cast<int>(p); }

  void entry(int row, int col, double value) {
    rows_.push_back(row);
    cols_.push_back(col);
    values_.push_back(value);
  }

  // Each source is shared out at most whole; each share needs its site open.
  void shareRows(const std::vector<Pair>& pairs) {
    const int first = glp_add_rows(lp_, static_cast<int>(in_.demand.size()));
    for (std::size_t i = 0; i < in_.demand.size(); ++i)
      glp_set_row_bnds(lp_, first + static_cast<int>(i), GLP_UP, 0, 1);
    for (std::size_t p = 0; p < pairs.size(); ++p) {
      entry(first + static_cast<int>(pairs[p].source), pairCol(p), 1);
      const int link = glp_add_rows(lp_, 1);
      glp_set_row_bnds(lp_, link, GLP_UP, 0, 0);
      entry(link, pairCol(p), 1);
      entry(link, static_cast<int>(pairs[p].candidate) + 1, -1);
    }
  }

  void capacityRows(const std::vector<Pair>& pairs) {
    std::vector<int> row(in_.capacity.size(), 0);
    for (std::size_t j = 0; j < in_.capacity.size(); ++j) {
      if (!std::isfinite(in_.capacity[j]))
        continue;
      row[j] = glp_add_rows(lp_, 1);
      glp_set_row_bnds(lp_, row[j], GLP_UP, 0, 0);
      entry(row[j], static_cast<int>(j) + 1, -in_.capacity[j]);
    }
    for (std::size_t p = 0; p < pairs.size(); ++p)
      if (row[pairs[p].candidate] != 0)
        entry(row[pairs[p].candidate], pairCol(p), in_.demand[pairs[p].source]);
  }

  void countRow() {
    const int row = glp_add_rows(lp_, 1);
    const auto count = static_cast<double>(in_.newSites);
    glp_set_row_bnds(lp_, row, GLP_FX, count, count);
    for (std::size_t j = 0; j < in_.capacity.size(); ++j)
      if (!in_.existing[j])
        entry(row, static_cast<int>(j) + 1, 1);
  }

  bool branchAndBound(double seconds) {
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    parm.tm_lim = static_cast<int>(std::min(seconds, 1e6) * 1000);
    const int rc = glp_intopt(lp_, &parm);
    const int status = glp_mip_status(lp_);
    if (status != GLP_OPT && status != GLP_FEAS)
      throw std::runtime_error("the exact site selection found no solution (GLPK code " +
                               std::to_string(rc) + ")");
    return rc == 0 && status == GLP_OPT;
  }

  const SiteSelectionInput& in_;
  glp_prob* lp_;
  int firstPair_ = 0;
  int servedRow_ = 0;
  std::vector<int> rows_{0};  // GLPK's arrays start at 1
  std::vector<int> cols_{0};
  std::vector<double> values_{0};
};

}  // namespace

ExactSiteSelection selectSitesExact(const SiteSelectionInput& input, double timeLimitSeconds,
                                    std::size_t maxPairs) {
  checkSiteSelection(input);
  const std::size_t candidates = input.capacity.size();
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < input.demand.size(); ++i)
    for (std::size_t j = 0; j < candidates; ++j) {
      const double c = input.unitCost[i * candidates + j];
      if (input.demand[i] > 0 && std::isfinite(c) && c <= input.coverLimit)
        pairs.push_back({i, j, c});
    }
  if (pairs.size() > maxPairs)
    throw std::invalid_argument(std::to_string(pairs.size()) +
                                " source-candidate pairs are too many for the exact method (at "
                                "most " +
                                std::to_string(maxPairs) + "); use the heuristic");
  ExactSiteSelection out;
  if (pairs.empty()) {  // nothing can be served: any choice is as good
    std::vector<std::size_t> open;
    std::size_t added = 0;
    for (std::size_t j = 0; j < candidates; ++j)
      if (input.existing[j] || added++ < input.newSites)
        open.push_back(j);
    out.selection = evaluateSites(input, open);
    out.proven = true;
    return out;
  }
  glp_term_out(GLP_OFF);
  Programme programme(input);
  programme.build(pairs);
  out.proven = programme.solve(pairs, timeLimitSeconds);
  out.selection = evaluateSites(input, programme.opened());
  return out;
}

}  // namespace cp::geo
