#include "text_file.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace cp::layers {

void writeTextFile(const std::string& path, const std::string& text) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::remove(partial.c_str());
      throw std::runtime_error("cannot write " + path);
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    throw std::runtime_error("cannot write " + path +
                             " (moving the finished file into place failed)");
  }
}

}  // namespace cp::layers
