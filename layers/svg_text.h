#pragma once
// What every SVG drawing of the product writes the same way: text made safe
// for XML, coordinates with one decimal, quantities with thousands separated.

#include <string>

namespace cp::layers {

std::string svgEscaped(const std::string& text);
std::string svgNumber(double v);      // "12.5"
std::string withThousands(double v);  // "1,234,568" (rounded)

}  // namespace cp::layers
