#pragma once
// Messages about input data that name the layer, feature and field, so a planner
// can find and fix the problem. Errors stop a run; warnings are listed with it.

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cp::layers {

struct Diagnostic {
  // Note: said so that nothing is left out silently, but as intended (e.g. the
  // footways left out of a road network); Warning: data that may make a result
  // wrong or incomplete; Error: the input cannot be used.
  enum class Severity { Note, Warning, Error };
  Severity severity = Severity::Warning;
  std::string layer;
  std::string feature;  // feature id, or empty for the whole layer
  std::string field;    // empty when no single field is at fault
  std::string message;
  std::size_t count = 1;  // how many features share this message (first one named)

  std::string text() const;
};

// A problem that makes the input unusable; carries the diagnostic that says why.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic d);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// A setting the user chose that cannot be used (a negative cutoff, a band that
// is not a number): the message says which and why.
class OptionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

[[noreturn]] void failInput(const std::string& layer, const std::string& feature,
                            const std::string& field, const std::string& message);

// Larger than any real quantity in a city's metabolism: ten times the world's
// yearly extraction of materials (about 100 billion tonnes). A value above it
// is a unit or data-entry error, and would swamp every sum it entered.
inline constexpr double kImplausibleQuantity = 1e12;

// Why a quantity (tonnes, m²) read from a field cannot be used, or "" when it
// can: missing, not a number, negative, or implausibly large.
std::string quantityProblem(bool isNumber, double value);

// Text read in the wrong encoding: bytes that are not UTF-8, or the
// replacement character a reader put in their place. Typical cause: a
// Shapefile whose .cpg says UTF-8 while its text was written in Windows-1251.
bool garbledText(const std::string& text);
inline constexpr const char* kGarbledTextMessage =
    "text that is not valid in the layer's declared encoding, read as garbage (a Shapefile's "
    ".cpg may name the wrong one, e.g. UTF-8 for text written in Windows-1251): set the "
    "layer's encoding";

// The text without the spaces around it, as fields' values are compared.
std::string trimmed(const std::string& text);

// "3, 7, 12 and 5 more": features (or other items) listed in a message.
std::string listed(const std::vector<std::string>& items);

// "1 flow", "3 flows": a count and its noun (plural by an 's').
std::string counted(std::size_t n, const std::string& noun);

class Diagnostics;

// Says so when fewer features were read than the layer holds (`held` < 0: the
// source cannot tell), e.g. a Shapefile whose .dbf has fewer records than its .shp.
void checkAllFeaturesRead(Diagnostics& diagnostics, const std::string& layer, long long held,
                          std::size_t read);

class Diagnostics {
 public:
  void warn(const std::string& layer, const std::string& feature, const std::string& field,
            const std::string& message, std::size_t count = 1);
  void note(const std::string& layer, const std::string& message, std::size_t count);
  // Repeated messages with the same key are counted once, naming the first feature.
  void warnOnce(const std::string& key, const std::string& layer, const std::string& feature,
                const std::string& field, const std::string& message);
  const std::vector<Diagnostic>& all() const { return items_; }
  bool empty() const { return items_.empty(); }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
  std::map<std::string, std::size_t> byKey_;
};

}  // namespace cp::layers
