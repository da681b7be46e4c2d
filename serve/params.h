// Query parameters of an API request, parsed and validated. Every getter
// returns InvalidInput (-> HTTP 400) for a malformed value, naming the
// parameter; absent parameters give the default. Plain value type.
#ifndef DATELINE_SERVE_PARAMS_H_
#define DATELINE_SERVE_PARAMS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "base/status.h"

namespace dateline::serve {

class Params {
 public:
  Params() = default;
  explicit Params(std::multimap<std::string, std::string> values) : values_(std::move(values)) {}

  // A text parameter: at most max_len bytes of valid UTF-8 without control characters.
  Result<std::optional<std::string>> Text(const std::string& name, size_t max_len = 200) const;
  // An integer in [lo, hi].
  Result<int64_t> Int(const std::string& name, int64_t def, int64_t lo, int64_t hi) const;
  // A date YYYY, YYYY-MM or YYYY-MM-DD (prefixes compare as strings).
  Result<std::optional<std::string>> Date(const std::string& name) const;

  // A stable key of all parameters (sorted), for caching.
  std::string Key() const;

 private:
  std::multimap<std::string, std::string> values_;
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_PARAMS_H_
