#pragma once
// What GDAL - and PROJ through it - would print on the terminal, caught while
// an instance lives (on its thread), so that it reaches the user in our words
// and beside the layer or step it concerns.

#include <string>
#include <vector>

#include <cpl_error.h>

#include "diagnostics.h"

namespace cp::layers {

class LibraryMessages {
 public:
  LibraryMessages();
  ~LibraryMessages();
  LibraryMessages(const LibraryMessages&) = delete;
  LibraryMessages& operator=(const LibraryMessages&) = delete;

  // The messages caught since the last call, e.g. "GDAL error 1: no such column".
  std::vector<std::string> take();
  // Those messages as warnings about the layer, said with what was being done
  // ("reading", "writing"); alike ones once, with how often they came.
  void reportTo(Diagnostics& diagnostics, const std::string& layer, const std::string& doing);

 private:
  static void CPL_STDCALL handle(CPLErr level, CPLErrorNum number, const char* message);
  std::vector<std::string> messages_;
};

}  // namespace cp::layers
