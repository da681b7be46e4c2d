#include "dedupe/dedupe.h"

#include <cctype>

#include "base/hash.h"

namespace dateline {

uint64_t NormalizedTextHash(std::string_view text) {
  std::string norm;
  norm.reserve(text.size());
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      if (!norm.empty() && norm.back() != ' ') norm.push_back(' ');
    } else {
      norm.push_back(static_cast<char>(std::tolower(c)));
    }
  }
  while (!norm.empty() && norm.back() == ' ') norm.pop_back();
  return Hash64(norm);
}

std::optional<std::string> DuplicateIndex::Add(const std::string& id, std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto [it, inserted] = canonical_.emplace(NormalizedTextHash(text), id);
  if (inserted || it->second == id) return std::nullopt;
  return it->second;
}

}  // namespace dateline
