#include "flag_reader.h"

#include <algorithm>
#include <cctype>

#include "library_messages.h"

namespace cp::layers {
namespace {

std::string trimmedLower(const std::string& text) {
  std::string out = trimmed(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool among(const std::string& word, const std::vector<std::string>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

FlagRows::FlagRows(std::string layer, std::string field, Diagnostics& diagnostics)
    : layer_(std::move(layer)), field_(std::move(field)), diagnostics_(diagnostics) {}

void FlagRows::add(const std::string& feature, bool isNull, bool isText, const std::string& text,
                   double number) {
  features_.push_back(feature);
  if (isNull) {
    values_.push_back(0);
    return;
  }
  if (!isText) {
    values_.push_back(number);
    return;
  }
  const std::string word = trimmedLower(text);
  const bool yes = among(word, kYesWords);
  if (!yes && !word.empty() && !among(word, kNoWords))
    unclear_.push_back(feature + " ('" + text + "')");
  values_.push_back(yes ? 1 : 0);
}

std::vector<bool> FlagRows::finish() {
  if (!unclear_.empty())
    diagnostics_.warn(layer_, "", field_,
                      "features " + listed(unclear_) +
                          ": neither yes nor no (yes, true, 1, built, existing, operating; no, "
                          "false, 0, candidate, planned, proposed, new); taken as no",
                      unclear_.size());
  std::vector<bool> flags;
  for (double v : values_)
    flags.push_back(v != 0);
  return flags;
}

std::vector<double> FlagRows::finishShares() {
  for (std::size_t i = 0; i < values_.size(); ++i)
    if (!(values_[i] >= 0 && values_[i] <= 1))
      failInput(layer_, features_[i], field_,
                "a share of the whole must be between 0 and 1 (or yes or no), not " +
                    std::to_string(values_[i]));
  finish();  // says what text was neither yes nor no
  return std::move(values_);
}

namespace {

// Every value of the field into `rows`, in the layer's order.
void addValues(const OpenLayer& layer, const std::string& field, FlagRows& rows,
               std::vector<long long>* ids) {
  const int index = layer.fieldIndex(field, true);
  const bool isText = layer.layer().GetLayerDefn()->GetFieldDefn(index)->GetType() == OFTString;
  layer.layer().ResetReading();
  for (auto& f : layer.layer()) {
    rows.add(std::to_string(f->GetFID()), !f->IsFieldSetAndNotNull(index), isText,
             f->GetFieldAsString(index), f->GetFieldAsDouble(index));
    if (ids)
      ids->push_back(f->GetFID());
  }
}

}  // namespace

namespace {

// The field's values, read by the rule row by row.
FlagRows readRows(const LayerRef& ref, const std::string& field, Diagnostics& diagnostics,
                  std::vector<long long>* ids) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  FlagRows rows(layer.label(), field, diagnostics);
  addValues(layer, field, rows, ids);
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return rows;
}

}  // namespace

std::vector<bool> readFlags(const LayerRef& ref, const std::string& field, Diagnostics& diagnostics,
                            std::vector<long long>* ids) {
  return readRows(ref, field, diagnostics, ids).finish();
}

std::vector<double> readShares(const LayerRef& ref, const std::string& field,
                               Diagnostics& diagnostics) {
  return readRows(ref, field, diagnostics, nullptr).finishShares();
}

std::unordered_set<std::uint64_t> idsFlaggedYes(const std::vector<bool>& flags,
                                                const std::vector<long long>& ids) {
  std::unordered_set<std::uint64_t> yes;
  for (std::size_t i = 0; i < flags.size(); ++i)
    if (flags[i])
      yes.insert(static_cast<std::uint64_t>(ids[i]));
  return yes;
}

}  // namespace cp::layers
