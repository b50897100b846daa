#include "diagnostics.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <cpl_string.h>

namespace cp::layers {

std::string Diagnostic::text() const {
  std::string out = severity == Severity::Error     ? "error: "
                    : severity == Severity::Warning ? "warning: "
                                                    : "note: ";
  out += "layer '" + layer + "'";
  if (!feature.empty())
    out += ", feature " + feature;
  if (!field.empty())
    out += ", field '" + field + "'";
  out += ": " + message;
  if (count > 1)
    out += " (" + std::to_string(count) + " features)";
  return out;
}

InputError::InputError(Diagnostic d) : std::runtime_error(d.text()), diagnostic_(std::move(d)) {}

std::string quantityProblem(bool isNumber, double value) {
  if (!isNumber || !std::isfinite(value) || value < 0)
    return "needs a number of at least 0";
  if (value > kImplausibleQuantity)
    return "is implausibly large (over 10^12, ten times the world's yearly material "
           "extraction); check the units";
  return "";
}

bool garbledText(const std::string& text) {
  return text.find("\xEF\xBF\xBD") != std::string::npos  // U+FFFD, the replacement character
         || !CPLIsUTF8(text.c_str(), static_cast<int>(text.size()));
}

std::string trimmed(const std::string& text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  const auto begin = std::find_if_not(text.begin(), text.end(), space);
  const auto end =
      std::find_if_not(text.rbegin(), std::string::const_reverse_iterator(begin), space).base();
  return std::string(begin, end);
}

std::string counted(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string listed(const std::vector<std::string>& items) {
  constexpr std::size_t kShown = 10;
  std::string out;
  for (std::size_t i = 0; i < std::min(items.size(), kShown); ++i)
    out += (i > 0 ? ", " : "") + items[i];
  if (items.size() > kShown)
    out += " and " + std::to_string(items.size() - kShown) + " more";
  return out;
}

void failInput(const std::string& layer, const std::string& feature, const std::string& field,
               const std::string& message) {
  throw InputError({Diagnostic::Severity::Error, layer, feature, field, message, 1});
}

void checkAllFeaturesRead(Diagnostics& diagnostics, const std::string& layer, long long held,
                          std::size_t read) {
  if (held < 0 || static_cast<unsigned long long>(held) <= read)
    return;
  diagnostics.warn(layer, "", "",
                   "only " + std::to_string(read) + " of the " + std::to_string(held) +
                       " features the layer holds could be read; the others are left out (a "
                       "Shapefile whose .dbf holds fewer records than its .shp does this)",
                   static_cast<std::size_t>(held) - read);
}

void Diagnostics::warn(const std::string& layer, const std::string& feature,
                       const std::string& field, const std::string& message, std::size_t count) {
  items_.push_back({Diagnostic::Severity::Warning, layer, feature, field, message, count});
}

void Diagnostics::note(const std::string& layer, const std::string& message, std::size_t count) {
  items_.push_back({Diagnostic::Severity::Note, layer, "", "", message, count});
}

void Diagnostics::warnOnce(const std::string& key, const std::string& layer,
                           const std::string& feature, const std::string& field,
                           const std::string& message) {
  auto [it, inserted] = byKey_.try_emplace(key, items_.size());
  if (!inserted) {
    ++items_[it->second].count;
    return;
  }
  warn(layer, feature, field, message);
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace cp::layers
