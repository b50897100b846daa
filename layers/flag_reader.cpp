#include "flag_reader.h"

#include <algorithm>
#include <cctype>

#include "library_messages.h"

namespace cp::layers {
namespace {

std::string trimmedLower(const std::string& text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  auto begin = std::find_if_not(text.begin(), text.end(), space);
  auto end = std::find_if_not(text.rbegin(), std::string::const_reverse_iterator(begin), space);
  std::string out(begin, end.base());
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool flagOf(bool isNull, bool isText, const std::string& text, double number,
            const std::vector<std::string>& yes) {
  if (isNull)
    return false;
  if (!isText)
    return number != 0;
  const std::string word = trimmedLower(text);
  return std::any_of(yes.begin(), yes.end(),
                     [&word](const std::string& y) { return trimmedLower(y) == word; });
}

std::vector<bool> readFlags(const LayerRef& ref, const std::string& field,
                            const std::vector<std::string>& yes) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const int index = layer.fieldIndex(field, true);
  const bool isText = layer.layer().GetLayerDefn()->GetFieldDefn(index)->GetType() == OFTString;
  std::vector<bool> out;
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    out.push_back(flagOf(!f->IsFieldSetAndNotNull(index), isText, f->GetFieldAsString(index),
                         f->GetFieldAsDouble(index), yes));
  return out;
}

}  // namespace cp::layers
