#pragma once
// A text file (an SVG drawing, a CSV summary) written whole or not at all:
// under a temporary name beside it, renamed into place when complete.

#include <string>

namespace cp::layers {

// Throws std::runtime_error naming the file when it cannot be written.
void writeTextFile(const std::string& path, const std::string& text);

}  // namespace cp::layers
