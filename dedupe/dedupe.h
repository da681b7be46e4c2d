// DuplicateIndex: finds copies of documents already seen.
// Foundation version: exact duplicates of the normalised text (case folded,
// whitespace collapsed), by 64-bit hash. The duplicates issue adds
// near-duplicates (MinHash/SimHash). Not thread-safe: call from one thread.
#ifndef DATELINE_DEDUPE_DEDUPE_H_
#define DATELINE_DEDUPE_DEDUPE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dateline {

uint64_t NormalizedTextHash(std::string_view text);

class DuplicateIndex {
 public:
  // Returns the id of the canonical copy if `text` duplicates a document
  // already added; otherwise records `id` as canonical for it.
  std::optional<std::string> Add(const std::string& id, std::string_view text);
  size_t size() const { return canonical_.size(); }

 private:
  std::unordered_map<uint64_t, std::string> canonical_;
};

}  // namespace dateline

#endif  // DATELINE_DEDUPE_DEDUPE_H_
