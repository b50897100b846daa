#include "lexicographic_mip.h"

#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csetjmp>
#include <stdexcept>
#include <string>

namespace cp::geo {
namespace {

// GLPK ends the process on an internal error unless a hook jumps out of it;
// a planner's QGIS must not go down with it.
void onGlpkError(void* jump) {
  glp_free_env();
  std::longjmp(*static_cast<std::jmp_buf*>(jump), 1);
}

// Only C frames lie between the setjmp and GLPK's error, so the jump skips no
// C++ destructor. After an error the problem is gone with GLPK's environment.
int guardedIntopt(glp_prob*& lp, glp_iocp* parm) {
  std::jmp_buf jump;
  if (setjmp(jump) != 0) {
    lp = nullptr;
    throw std::runtime_error("the exact method failed inside GLPK");
  }
  glp_error_hook(onGlpkError, &jump);
  const int rc = glp_intopt(lp, parm);
  glp_error_hook(nullptr, nullptr);
  return rc;
}

// Called by GLPK at every step of the search: ends it once the user cancels.
void stopWhenCanceled(glp_tree* tree, void* feedback) {
  if (static_cast<const Feedback*>(feedback)->isCanceled())
    glp_ios_terminate(tree);
}

}  // namespace

LexicographicMip::LexicographicMip(const Feedback* feedback)
    : lp_(glp_create_prob()), feedback_(feedback) {
  glp_term_out(GLP_OFF);
}

LexicographicMip::~LexicographicMip() {
  if (lp_ != nullptr)
    glp_delete_prob(lp_);
}

int LexicographicMip::addBinaries(int n) {
  const int first = glp_add_cols(lp_, n);
  for (int c = first; c < first + n; ++c)
    glp_set_col_kind(lp_, c, GLP_BV);
  return first;
}

int LexicographicMip::addShares(int n) {
  const int first = glp_add_cols(lp_, n);
  for (int c = first; c < first + n; ++c)
    glp_set_col_bnds(lp_, c, GLP_DB, 0, 1);
  return first;
}

void LexicographicMip::fix(int column, double value) {
  glp_set_col_bnds(lp_, column, GLP_FX, value, value);
}

int LexicographicMip::addRowAtMost(double bound) {
  const int row = glp_add_rows(lp_, 1);
  glp_set_row_bnds(lp_, row, GLP_UP, 0, bound);
  return row;
}

int LexicographicMip::addRowExactly(double value) {
  const int row = glp_add_rows(lp_, 1);
  glp_set_row_bnds(lp_, row, GLP_FX, value, value);
  return row;
}

void LexicographicMip::entry(int row, int column, double value) {
  rows_.push_back(row);
  cols_.push_back(column);
  values_.push_back(value);
}

void LexicographicMip::setObjective(const Terms& terms, int direction) {
  for (int c = 1; c <= glp_get_num_cols(lp_); ++c)
    glp_set_obj_coef(lp_, c, 0);
  for (const auto& [column, coefficient] : terms)
    glp_set_obj_coef(lp_, column, coefficient);
  glp_set_obj_dir(lp_, direction);
}

bool LexicographicMip::solve(const Terms& maximiseFirst, const Terms& thenMinimise,
                             double seconds) {
  const auto start = std::chrono::steady_clock::now();
  // The first objective held in the second stage, as a row.
  const int held = glp_add_rows(lp_, 1);
  glp_set_row_bnds(lp_, held, GLP_FR, 0, 0);
  for (const auto& [column, coefficient] : maximiseFirst)
    entry(held, column, coefficient);
  glp_load_matrix(lp_, static_cast<int>(rows_.size()) - 1, rows_.data(), cols_.data(),
                  values_.data());
  setObjective(maximiseFirst, GLP_MAX);
  if (branchAndBound(seconds) != Outcome::Proven && solution_.empty())
    throw std::runtime_error("the exact method found no solution within the time limit");
  const bool firstProven = glp_mip_status(lp_) == GLP_OPT;
  const double best = glp_mip_obj_val(lp_);
  glp_set_row_bnds(lp_, held, GLP_LO, best - 1e-7 * std::max(1.0, std::abs(best)), 0);
  setObjective(thenMinimise, GLP_MIN);
  const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  // The first stage's solution stands when the second finds nothing better in time.
  return branchAndBound(std::max(0.1, seconds - spent.count())) == Outcome::Proven && firstProven;
}

double LexicographicMip::value(int column) const {
  return solution_[static_cast<std::size_t>(column)];
}

LexicographicMip::Outcome LexicographicMip::branchAndBound(double seconds) {
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_ON;
  parm.msg_lev = GLP_MSG_OFF;
  parm.tm_lim = static_cast<int>(std::min(seconds, 1e6) * 1000);
  if (feedback_ != nullptr) {
    parm.cb_func = stopWhenCanceled;
    parm.cb_info = const_cast<Feedback*>(feedback_);  // GLPK's C interface; only read
  }
  throwIfCanceled(feedback_);
  const int rc = guardedIntopt(lp_, &parm);
  throwIfCanceled(feedback_);
  const int status = glp_mip_status(lp_);
  if (status != GLP_OPT && status != GLP_FEAS)
    return Outcome::None;
  solution_.assign(static_cast<std::size_t>(glp_get_num_cols(lp_)) + 1, 0.0);
  for (int c = 1; c <= glp_get_num_cols(lp_); ++c)
    solution_[static_cast<std::size_t>(c)] = glp_mip_col_val(lp_, c);
  return rc == 0 && status == GLP_OPT ? Outcome::Proven : Outcome::Found;
}

}  // namespace cp::geo
