#include "library_messages.h"

#include <map>

namespace cp::layers {

LibraryMessages::LibraryMessages() {
  CPLPushErrorHandlerEx(&LibraryMessages::handle, this);
}

LibraryMessages::~LibraryMessages() {
  CPLPopErrorHandler();
}

std::vector<std::string> LibraryMessages::take() {
  std::vector<std::string> out;
  out.swap(messages_);
  return out;
}

void LibraryMessages::reportTo(Diagnostics& diagnostics, const std::string& layer,
                               const std::string& doing) {
  std::vector<std::string> order;
  std::map<std::string, std::size_t> times;
  for (std::string& m : take())
    if (times[m]++ == 0)
      order.push_back(std::move(m));
  for (const std::string& m : order)
    diagnostics.warn(layer, "", "",
                     "while " + doing + " it, " + m +
                         (times[m] > 1 ? " (" + std::to_string(times[m]) + " times)" : ""));
}

void CPL_STDCALL LibraryMessages::handle(CPLErr level, CPLErrorNum number, const char* message) {
  if (level == CE_Debug || level == CE_None)
    return;
  auto* self = static_cast<LibraryMessages*>(CPLGetErrorHandlerUserData());
  const char* kind = level == CE_Warning ? "warning" : "error";
  self->messages_.push_back(std::string("GDAL ") + kind + " " + std::to_string(number) + ": " +
                            (message != nullptr ? message : ""));
}

}  // namespace cp::layers
