#include "library_messages.h"

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

void CPL_STDCALL LibraryMessages::handle(CPLErr level, CPLErrorNum number, const char* message) {
  if (level == CE_Debug || level == CE_None)
    return;
  auto* self = static_cast<LibraryMessages*>(CPLGetErrorHandlerUserData());
  const char* kind = level == CE_Warning ? "warning" : "error";
  self->messages_.push_back(std::string("GDAL ") + kind + " " + std::to_string(number) + ": " +
                            (message != nullptr ? message : ""));
}

}  // namespace cp::layers
