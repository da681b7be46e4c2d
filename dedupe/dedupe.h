// DuplicateIndex: finds copies of documents already seen, online.
//
// Exact copies: same normalised text (case folded, whitespace collapsed), by
// 64-bit hash. Near copies (syndicated wire copy, lightly edited reposts, the
// same page crawled twice with other boilerplate): MinHash signatures of word
// shingles (dedupe/minhash.h) looked up through LSH bands (dedupe/lsh_index.h)
// and verified on the whole signature: a copy has estimated Jaccard >=
// min_jaccard, or estimated containment >= min_containment when both texts
// have at least min_shingles_for_containment shingles (a copy that dropped
// paragraphs). The canonical copy is the first one seen; a copy of a copy
// points to that first one.
//
// Memory about 0.3 KB per document besides its id (bench/dedupe_bench
// measures it); full blocks of signatures live in a temporary file.
// Not thread-safe: call from one thread.
#ifndef DATELINE_DEDUPE_DEDUPE_H_
#define DATELINE_DEDUPE_DEDUPE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/flat_map.h"
#include "base/string_pool.h"
#include "dedupe/lsh_index.h"
#include "dedupe/minhash.h"

namespace dateline {

uint64_t NormalizedTextHash(std::string_view text);

struct DedupeOptions {
  bool near = true;  // false: exact copies only
  int shingle_words = 5;
  double min_jaccard = 0.4;
  double min_containment = 0.8;
  uint32_t min_shingles_for_containment = 40;
  // Full blocks of signatures go to a temporary file (dedupe/lsh_index.h).
  bool spill_signatures = true;
};

// What DuplicateIndex::Add() computes from a text (exact hash and MinHash
// signature), made apart so that callers can compute it on other threads.
struct DuplicateKey {
  bool empty = true;  // empty text: never a duplicate, not recorded
  uint64_t exact = 0;
  dedupe::Signature sig;
};
DuplicateKey MakeDuplicateKey(std::string_view text, const DedupeOptions& options = {});

class DuplicateIndex {
 public:
  explicit DuplicateIndex(const DedupeOptions& options = {})
      : options_(options), lsh_(options.spill_signatures) {}

  // Returns the id of the canonical copy if `text` duplicates a document
  // already added; otherwise records `id` as canonical for it. Empty text is
  // never a duplicate and is not recorded.
  std::optional<std::string> Add(const std::string& id, std::string_view text);
  // Same, with the key made by MakeDuplicateKey() with this index's options.
  std::optional<std::string> Add(const std::string& id, const DuplicateKey& key);
  // Same, with the exact hash and signature computed by the caller.
  std::optional<std::string> Add(const std::string& id, uint64_t exact_hash,
                                 const dedupe::Signature& sig);

  size_t size() const { return id_of_.size(); }
  size_t MemoryBytes() const;

 private:
  // Index of the best verified near copy among the candidates, or -1.
  int64_t BestNear(const dedupe::Signature& sig);

  DedupeOptions options_;
  FlatMap<uint64_t, uint32_t> exact_;  // normalised text hash -> doc
  StringPool ids_;                     // the documents' ids
  std::vector<uint32_t> id_of_;        // doc -> its id in ids_
  std::vector<uint32_t> canonical_;    // doc -> its canonical doc
  std::vector<uint32_t> lsh_doc_;      // LSH index -> doc
  dedupe::LshIndex lsh_;
  std::vector<uint32_t> scratch_;
};

}  // namespace dateline

#endif  // DATELINE_DEDUPE_DEDUPE_H_
