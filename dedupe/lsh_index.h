// LshIndex: MinHash signatures banded for candidate lookup (locality-
// sensitive hashing). The signature's first kBands * kRows minimums form
// kBands bands; two documents become candidates when any band is equal, which
// for kBands = 21, kRows = 3 happens with probability 1 - (1 - J^3)^21:
// 0.75 at Jaccard 0.4, 0.94 at 0.5, 0.99 at 0.6, < 0.001 at 0.05.
//
// Memory per document: one 4-byte chain link per band and one 8-byte
// open-addressing slot per band at load <= 0.75, ~0.3 KB in all. Links are
// kept in blocks of 1024 documents, so they grow without slack or copying.
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
  size_t Find(uint32_t key) const;  // slot holding key, or the empty slot where it goes
  void Grow();

  struct Entry {
    uint32_t next[kBands];  // per band: the previous doc with the same band key
  };
  static constexpr int kBlockBits = 10;
  static constexpr uint32_t kBlockMask = (1u << kBlockBits) - 1;
  const Entry& At(uint32_t i) const { return blocks_[i >> kBlockBits][i & kBlockMask]; }
  Entry& At(uint32_t i) { return blocks_[i >> kBlockBits][i & kBlockMask]; }
  // Writes the full signature block k to the file and frees it; keeps it
  // (and stops spilling) when that fails.
  void Spill(size_t k);

  std::vector<std::unique_ptr<Entry[]>> blocks_;  // entries of docs [k << kBlockBits, (k + 1) << kBlockBits)
  std::vector<std::unique_ptr<Signature[]>> sigs_;  // signature blocks; null once in the file
  bool spill_;
  int fd_ = -1;  // the temporary file, once made
  size_t size_ = 0;
  std::vector<uint32_t> keys_;  // 0 = empty slot
  std::vector<uint32_t> heads_;
  size_t used_ = 0;
};

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_LSH_INDEX_H_
