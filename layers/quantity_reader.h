#pragma once
// Quantities read from a field, one per feature (tonnes, capacities, rates),
// with one set of rules whatever opened the layer: NULL, text, negative,
// infinite or implausibly large values are an InputError naming the layer,
// the features and the field; zeros carry nothing and are listed as warnings.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "field_names.h"
#include "ogr_source.h"

namespace cp::layers {

// The rules, row by row; each reader (OGR here, QGIS in the bridge) feeds it.
class QuantityRows {
 public:
  // `unit`: what the values count, as warnings name it ("t", "m²");
  // `whenNull`: what NULL stands for where the field may be left empty (a
  // capacity not given: infinity), else NULL is unusable.
  QuantityRows(std::string layer, std::string field, Diagnostics& diagnostics,
               std::string unit = "t", std::optional<double> whenNull = std::nullopt);

  // One feature's value: `isNumber` false for NULL or text that is no number;
  // `shown` is the value as the user sees it ("NULL", or the text).
  void add(const std::string& feature, bool isNumber, double value, const std::string& shown,
           bool isNull);
  // The values in the order added; throws InputError listing every unusable one.
  std::vector<double> finish();

 private:
  std::string layer_;
  std::string field_;
  Diagnostics& diagnostics_;
  std::vector<double> values_;
  std::map<std::string, std::vector<std::string>> unusable_;  // problem: "feature ('value')"
  bool withUnits_ = false;
  std::string unit_;
  std::optional<double> whenNull_;
};

// A field's value as a number, the way QGIS converts it: numbers as they are,
// text when all of it (spaces aside) is a number in C notation.
bool fieldAsNumber(OGRFeature& feature, int index, double& value);

// One feature's value of the field at `index`, fed to the rules (for readers
// that take other fields from the same pass).
void addQuantity(QuantityRows& rows, OGRFeature& feature, int index);

// "12 t", "5,5 тонн": a number followed by a unit in its text.
bool numberWithUnit(const std::string& text);

// What is said when a layer has none of the usual fields and every feature
// takes `withoutField` (infinite: unlimited).
std::string noQuantityFieldMessage(const field_names::Names& usual, double withoutField);

// The quantities of every feature, in the layer's order, from `field`, or the
// first usual one the layer has. Without such a field: `withoutField` for every
// feature, said in a warning, or an InputError when that is not given.
std::vector<double> readQuantities(const LayerRef& ref, const std::string& field,
                                   const field_names::Names& usual, Diagnostics& diagnostics,
                                   std::optional<double> withoutField = std::nullopt,
                                   const std::string& unit = "t",
                                   std::optional<double> whenNull = std::nullopt);

}  // namespace cp::layers
