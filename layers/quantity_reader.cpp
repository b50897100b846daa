#include "quantity_reader.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "library_messages.h"
#include "road_reader.h"

namespace cp::layers {

QuantityRows::QuantityRows(std::string layer, std::string field, Diagnostics& diagnostics,
                           std::string unit, std::optional<double> whenNull)
    : layer_(std::move(layer)),
      field_(std::move(field)),
      diagnostics_(diagnostics),
      unit_(std::move(unit)),
      whenNull_(whenNull) {}

void QuantityRows::add(const std::string& feature, bool isNumber, double value,
                       const std::string& shown, bool isNull) {
  if (isNull && whenNull_) {
    values_.push_back(*whenNull_);
    return;
  }
  const std::string problem = quantityProblem(isNumber, value);
  if (!problem.empty()) {
    unusable_[problem].push_back(feature + " (" + (isNull ? "NULL" : "'" + shown + "'") + ")");
    withUnits_ |= numberWithUnit(shown);
  }
  if (isNumber && value == 0)
    diagnostics_.warn(layer_, feature, field_, "0 " + unit_ + ": carries nothing");
  values_.push_back(value);
}

std::vector<double> QuantityRows::finish() {
  if (unusable_.empty())
    return std::move(values_);
  std::string message;
  for (const auto& [problem, features] : unusable_)
    message +=
        std::string(message.empty() ? "" : "; ") + "features " + listed(features) + ": " + problem;
  if (withUnits_)
    message +=
        "; the column carries units in its text, perhaps more than one: give plain numbers in one "
        "unit";
  failInput(layer_, "", field_, message);
}

bool numberWithUnit(const std::string& text) {
  const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  // A letter: ASCII, or any byte of a UTF-8 sequence (Cyrillic and other scripts).
  const auto isLetter = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  std::size_t i = 0;
  while (i < text.size() && isSpace(text[i]))
    ++i;
  if (i == text.size() || !std::isdigit(static_cast<unsigned char>(text[i])))
    return false;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' ||
                             text[i] == ',' || isSpace(text[i])))
    ++i;
  const std::size_t unit = i;
  while (i < text.size() && isLetter(text[i]))
    ++i;
  if (i == unit)
    return false;
  if (i < text.size() && text[i] == '.')
    ++i;
  while (i < text.size() && isSpace(text[i]))
    ++i;
  return i == text.size();
}

std::string noQuantityFieldMessage(const field_names::Names& usual, double withoutField) {
  std::string names;
  for (const std::string& name : usual)
    names += (names.empty() ? "" : " or ") + name;
  return "no field such as " + names + ": every feature " +
         (std::isfinite(withoutField) ? "counts as " + std::to_string(withoutField)
                                      : std::string("is taken as unlimited"));
}

bool fieldAsNumber(OGRFeature& f, int index, double& value) {
  if (!f.IsFieldSetAndNotNull(index))
    return false;
  const OGRFieldType type = f.GetFieldDefnRef(index)->GetType();
  if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) {
    value = f.GetFieldAsDouble(index);
    return true;
  }
  const char* text = f.GetFieldAsString(index);
  char* end = nullptr;
  value = std::strtod(text, &end);
  if (end == text)
    return false;
  while (*end != '\0' && std::isspace(static_cast<unsigned char>(*end)))
    ++end;
  return *end == '\0';
}

std::vector<double> readQuantities(const LayerRef& ref, const std::string& field,
                                   const field_names::Names& usual, Diagnostics& diagnostics,
                                   std::optional<double> withoutField, const std::string& unit,
                                   std::optional<double> whenNull) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const std::string name = field.empty() ? layer.detectField(usual) : field;
  if (name.empty()) {
    if (!withoutField)
      failInput(layer.label(), "", "", "no tonnes field given or found");
    diagnostics.warn(layer.label(), "", "", noQuantityFieldMessage(usual, *withoutField));
    return std::vector<double>(static_cast<std::size_t>(layer.layer().GetFeatureCount(TRUE)),
                               *withoutField);
  }
  const int index = layer.fieldIndex(name, true);
  QuantityRows rows(layer.label(), name, diagnostics, unit, whenNull);
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    addQuantity(rows, *f, index);
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return rows.finish();
}

void addQuantity(QuantityRows& rows, OGRFeature& feature, int index) {
  double value = 0;
  const bool number = fieldAsNumber(feature, index, value);
  rows.add(std::to_string(feature.GetFID()), number, value, feature.GetFieldAsString(index),
           !feature.IsFieldSetAndNotNull(index));
}

}  // namespace cp::layers
