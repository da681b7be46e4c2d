// LshIndex: MinHash signatures banded for candidate lookup (locality-
// sensitive hashing). The signature's first kBands * kRows minimums form
// kBands bands; two documents become candidates when any band is equal, which
// for kBands = 21, kRows = 3 happens with probability 1 - (1 - J^3)^21:
// 0.75 at Jaccard 0.4, 0.94 at 0.5, 0.99 at 0.6, < 0.001 at 0.05.
//
// Memory per document: one 8-byte slot per band (band key -> the newest
// document with it) in a FlatMap about 73 % full, ~0.23 KB in all; a
// document whose band key was already held also links to the document
// before it (12 bytes a link, only for such repeats: copies and chance).
// Signatures (260 bytes each) are only read to verify candidates, so full
// blocks of them go to an unlinked temporary file in $TMPDIR (or /tmp), read
// back with pread(); the operating system caches that file as memory allows.
// When no file can be made or written, they stay in memory (~0.6 KB per
// document then). Band keys are 32-bit hashes, so a lookup can return
// unrelated documents: callers verify candidates with Signature().
// Not thread-safe.
#ifndef DATELINE_DEDUPE_LSH_INDEX_H_
#define DATELINE_DEDUPE_LSH_INDEX_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "base/flat_map.h"
#include "dedupe/minhash.h"

namespace dateline::dedupe {

class LshIndex {
 public:
  static constexpr int kBands = 21;
  static constexpr int kRows = 3;

  // spill = false keeps every signature in memory.
  explicit LshIndex(bool spill = true);
  ~LshIndex();
  LshIndex(const LshIndex&) = delete;
  LshIndex& operator=(const LshIndex&) = delete;

  // Adds a signature; returns its index (0, 1, 2, ... in insertion order).
  uint32_t Insert(const Signature& sig);
  // Indexes of stored signatures sharing at least one band with `sig`, each
  // once, at most max_per_band per band (most recent first).
  void Candidates(const Signature& sig, std::vector<uint32_t>* out, int max_per_band = 64) const;
  // The signature of document i (< size()).
  Signature signature(uint32_t i) const;
  size_t size() const { return size_; }
  size_t MemoryBytes() const;      // what is held in memory
  bool spilled() const { return fd_ >= 0; }  // full blocks of signatures are in the file

 private:
  static uint32_t BandKey(const Signature& sig, int band);
  // The key of the link from (doc, band) to the previous document with the
  // same band key; never 0.
  static uint64_t LinkKey(uint32_t doc, int band) { return (uint64_t{doc} << 5 | band) + 1; }

  static constexpr int kBlockBits = 10;
  static constexpr uint32_t kBlockMask = (1u << kBlockBits) - 1;
  // Writes the full signature block k to the file and frees it; keeps it
  // (and stops spilling) when that fails.
  void Spill(size_t k);

  std::vector<std::unique_ptr<Signature[]>> sigs_;  // signature blocks; null once in the file
  bool spill_;
  int fd_ = -1;  // the temporary file, once made
  size_t size_ = 0;
  FlatMap<uint32_t, uint32_t> heads_;  // band key -> newest document with it
  FlatMap<uint64_t, uint32_t> links_;  // LinkKey(doc, band) -> the previous document with its key
};

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_LSH_INDEX_H_
