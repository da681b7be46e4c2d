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
// Memory: a fixed ~8 MB (the band and exact-hash memtables, the last blocks
// of the files), the Bloom filters of the runs of the two lowest levels (12
// bits for each of 21 band keys: ~33 bytes per document, for at most ~190,000
// documents' band runs, ~6 MB) and ~0.5 byte per document of block fences;
// bench/dedupe_bench measures it. Everything else is in unlinked temporary
// files, read back with pread() (the operating system caches them as memory
// allows): the signatures and band runs (dedupe/lsh_index.h), the exact-hash
// table (a RunTable, dedupe/run_table.h: the hash's upper 32 bits -> the
// document, verified on the full hash in the document's record), one 24-byte
// record per document (exact hash, where its canonical copy's id is) and the
// canonical documents' ids. When no file can be made, all stay in memory.
// Not thread-safe: call from one thread.
#ifndef DATELINE_DEDUPE_DEDUPE_H_
#define DATELINE_DEDUPE_DEDUPE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dedupe/append_file.h"
#include "dedupe/lsh_index.h"
#include "dedupe/minhash.h"
#include "dedupe/run_table.h"

namespace dateline {

uint64_t NormalizedTextHash(std::string_view text);

struct DedupeOptions {
  bool near = true;  // false: exact copies only
  int shingle_words = 5;
  double min_jaccard = 0.4;
  double min_containment = 0.8;
  uint32_t min_shingles_for_containment = 40;
  // Signatures, band and exact-hash runs, records and ids go to temporary
  // files; false keeps them in memory.
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
  explicit DuplicateIndex(const DedupeOptions& options = {});

  // Returns the id of the canonical copy if `text` duplicates a document
  // already added; otherwise records `id` as canonical for it. Empty text is
  // never a duplicate and is not recorded.
  std::optional<std::string> Add(const std::string& id, std::string_view text);
  // Same, with the key made by MakeDuplicateKey() with this index's options.
  std::optional<std::string> Add(const std::string& id, const DuplicateKey& key);
  // Same, with the exact hash and signature computed by the caller.
  std::optional<std::string> Add(const std::string& id, uint64_t exact_hash,
                                 const dedupe::Signature& sig);

  size_t size() const { return size_; }
  size_t MemoryBytes() const;

 private:
  // What is recorded of each document, in records_ at doc * sizeof(Record).
  struct Record {
    uint64_t exact;     // normalised text hash
    uint64_t id_at;     // where the canonical copy's id is in ids_
    uint32_t id_size;
    uint32_t unused;
  };
  Record RecordOf(uint32_t doc) const;
  std::string IdOf(const Record& r) const;
  // The document of the best verified near copy among the candidates, or -1.
  int64_t BestNear(const dedupe::Signature& sig);

  DedupeOptions options_;
  size_t size_ = 0;
  dedupe::RunTable exact_;      // upper 32 bits of the exact hash -> doc
  dedupe::AppendFile records_;  // doc -> Record
  dedupe::AppendFile ids_;      // the canonical documents' ids, one after another
  dedupe::LshIndex lsh_;        // signatures; value: the doc
  std::vector<uint32_t> scratch_;
};

}  // namespace dateline

#endif  // DATELINE_DEDUPE_DEDUPE_H_
