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
  if (isNull) {
    flags_.push_back(false);
    return;
  }
  if (!isText) {
    flags_.push_back(number != 0);
    return;
  }
  const std::string word = trimmedLower(text);
  const bool yes = among(word, kYesWords);
  if (!yes && !word.empty() && !among(word, kNoWords))
    unclear_.push_back(feature + " ('" + text + "')");
  flags_.push_back(yes);
}

std::vector<bool> FlagRows::finish() {
  if (!unclear_.empty())
    diagnostics_.warn(layer_, "", field_,
                      "features " + listed(unclear_) +
                          ": neither yes nor no (yes, true, 1, built, existing, operating; no, "
                          "false, 0, candidate, planned, proposed, new); taken as no",
                      unclear_.size());
  return std::move(flags_);
}

std::vector<bool> readFlags(const LayerRef& ref, const std::string& field, Diagnostics& diagnostics,
                            std::vector<long long>* ids) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const int index = layer.fieldIndex(field, true);
  const bool isText = layer.layer().GetLayerDefn()->GetFieldDefn(index)->GetType() == OFTString;
  FlagRows rows(layer.label(), field, diagnostics);
  layer.layer().ResetReading();
  for (auto& f : layer.layer()) {
    rows.add(std::to_string(f->GetFID()), !f->IsFieldSetAndNotNull(index), isText,
             f->GetFieldAsString(index), f->GetFieldAsDouble(index));
    if (ids)
      ids->push_back(f->GetFID());
  }
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return rows.finish();
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
