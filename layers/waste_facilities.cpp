#include "waste_facilities.h"

#include <algorithm>
#include <cctype>

#include "library_messages.h"

namespace cp::layers {
namespace {

// Lower case, words joined by '_'.
std::string normalised(const std::string& text) {
  std::string out;
  for (char c : trimmed(text)) {
    const bool separator = c == ' ' || c == '-' || c == '_';
    if (separator && !out.empty() && out.back() != '_')
      out += '_';
    else if (!separator)
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

struct KindWord {
  const char* word;
  FacilityKind kind;
};

constexpr KindWord kKindWords[] = {
    {"landfill", FacilityKind::Landfill},    {"sanitary_landfill", FacilityKind::Landfill},
    {"dumpsite", FacilityKind::Dumpsite},    {"dump_site", FacilityKind::Dumpsite},
    {"dump", FacilityKind::Dumpsite},        {"sorting_plant", FacilityKind::SortingPlant},
    {"sorting", FacilityKind::SortingPlant}, {"waste_to_energy", FacilityKind::WasteToEnergy},
    {"wte", FacilityKind::WasteToEnergy},    {"incinerator", FacilityKind::WasteToEnergy},
};

}  // namespace

std::optional<FacilityKind> parseFacilityKind(const std::string& text) {
  const std::string word = normalised(text);
  for (const KindWord& k : kKindWords)
    if (word == k.word)
      return k.kind;
  return std::nullopt;
}

const char* facilityKindName(FacilityKind kind) {
  switch (kind) {
    case FacilityKind::Landfill:
      return "landfill";
    case FacilityKind::Dumpsite:
      return "dumpsite";
    case FacilityKind::SortingPlant:
      return "sorting_plant";
    case FacilityKind::WasteToEnergy:
      return "waste_to_energy";
    case FacilityKind::Other:
      break;
  }
  return "other";
}

KindRows::KindRows(std::string layer, std::string field, Diagnostics& diagnostics)
    : layer_(std::move(layer)), field_(std::move(field)), diagnostics_(diagnostics) {}

void KindRows::add(const std::string& feature, const std::string& text) {
  const std::optional<FacilityKind> kind = parseFacilityKind(text);
  if (!kind)
    unknown_.push_back(feature + " ('" + text + "')");
  kinds_.push_back(kind.value_or(FacilityKind::Other));
}

std::vector<FacilityKind> KindRows::finish() {
  if (!unknown_.empty())
    diagnostics_.warn(layer_, "", field_,
                      "features " + listed(unknown_) +
                          ": not a kind of waste facility (landfill, dumpsite, sorting_plant, "
                          "waste_to_energy); they take no waste",
                      unknown_.size());
  return std::move(kinds_);
}

std::vector<FacilityKind> readFacilityKinds(const LayerRef& ref, const std::string& field,
                                            Diagnostics& diagnostics) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const int index = layer.fieldIndex(field, true);
  KindRows rows(layer.label(), field, diagnostics);
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    rows.add(std::to_string(f->GetFID()),
             f->IsFieldSetAndNotNull(index) ? f->GetFieldAsString(index) : "");
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return rows.finish();
}

}  // namespace cp::layers
