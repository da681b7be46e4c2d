// LshIndex: MinHash signatures banded for candidate lookup (locality-
// sensitive hashing). The signature's first kBands * kRows minimums form
// kBands bands; two documents become candidates when any band is equal, which
// for kBands = 21, kRows = 3 happens with probability 1 - (1 - J^3)^21:
// 0.75 at Jaccard 0.4, 0.94 at 0.5, 0.99 at 0.6, < 0.001 at 0.05.
//
// Memory per document: its signature (260 bytes), one 4-byte chain link per
// band, and one 8-byte open-addressing slot per band at load <= 0.75, about
// 0.7 KB in all (~0.7 GB per million documents). Signatures and links are
// kept in blocks of 1024 documents, so they grow without slack or copying
// (a doubling vector would hold up to twice that, and both copies while it
// grows). Band keys are 32-bit hashes,
// so a lookup can return unrelated documents: callers verify candidates with
// the signatures (Signature()). Not thread-safe.
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

  // Adds a signature; returns its index (0, 1, 2, ... in insertion order).
  uint32_t Insert(const Signature& sig);
  // Indexes of stored signatures sharing at least one band with `sig`, each
  // once, at most max_per_band per band (most recent first).
  void Candidates(const Signature& sig, std::vector<uint32_t>* out, int max_per_band = 64) const;
  const Signature& signature(uint32_t i) const { return At(i).sig; }
  size_t size() const { return size_; }
  size_t MemoryBytes() const;

 private:
  static uint32_t BandKey(const Signature& sig, int band);
  size_t Find(uint32_t key) const;  // slot holding key, or the empty slot where it goes
  void Grow();

  struct Entry {
    Signature sig;
    uint32_t next[kBands];  // per band: the previous doc with the same band key
  };
  static constexpr int kBlockBits = 10;
  static constexpr uint32_t kBlockMask = (1u << kBlockBits) - 1;
  const Entry& At(uint32_t i) const { return blocks_[i >> kBlockBits][i & kBlockMask]; }
  Entry& At(uint32_t i) { return blocks_[i >> kBlockBits][i & kBlockMask]; }

  std::vector<std::unique_ptr<Entry[]>> blocks_;  // entries of docs [k << kBlockBits, (k + 1) << kBlockBits)
  size_t size_ = 0;
  std::vector<uint32_t> keys_;  // 0 = empty slot
  std::vector<uint32_t> heads_;
  size_t used_ = 0;
};

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_LSH_INDEX_H_
