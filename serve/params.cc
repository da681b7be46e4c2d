#include "serve/params.h"

#include <charconv>

#include "base/utf8.h"

namespace dateline::serve {
namespace {

bool IsDigits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

Result<std::optional<std::string>> Params::Text(const std::string& name, size_t max_len) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::optional<std::string>();
  const std::string& v = it->second;
  if (v.size() > max_len)
    return Status::InvalidInput("parameter '" + name + "' is longer than " + std::to_string(max_len) + " bytes");
  if (!utf8::IsValid(v)) return Status::InvalidInput("parameter '" + name + "' is not valid UTF-8");
  for (unsigned char c : v)
    if (c < 0x20 || c == 0x7f) return Status::InvalidInput("parameter '" + name + "' has control characters");
  return std::optional<std::string>(v);
}

Result<int64_t> Params::Int(const std::string& name, int64_t def, int64_t lo, int64_t hi) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return def;
  const std::string& v = it->second;
  int64_t x = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || end != v.data() + v.size())
    return Status::InvalidInput("parameter '" + name + "' must be an integer");
  if (x < lo || x > hi)
    return Status::InvalidInput("parameter '" + name + "' must be between " + std::to_string(lo) + " and " +
                                std::to_string(hi));
  return x;
}

Result<std::optional<std::string>> Params::Date(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::optional<std::string>();
  const std::string& v = it->second;
  bool ok = (v.size() == 4 && IsDigits(v, 0, 4)) ||
            (v.size() == 7 && IsDigits(v, 0, 4) && v[4] == '-' && IsDigits(v, 5, 2)) ||
            (v.size() == 10 && IsDigits(v, 0, 4) && v[4] == '-' && IsDigits(v, 5, 2) && v[7] == '-' &&
             IsDigits(v, 8, 2));
  if (!ok) return Status::InvalidInput("parameter '" + name + "' must be a date YYYY[-MM[-DD]]");
  return std::optional<std::string>(v);
}

std::string Params::Key() const {
  std::string key;
  for (const auto& [k, v] : values_) {  // multimap: sorted by name
    key += k;
    key += '=';
    key += v;
    key += '\x1f';
  }
  return key;
}

}  // namespace dateline::serve
