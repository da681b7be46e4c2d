// LshIndex: MinHash signatures banded for candidate lookup (locality-
// sensitive hashing). The signature's first kBands * kRows minimums form
// kBands bands; two documents become candidates when any band is equal, which
// for kBands = 21, kRows = 3 happens with probability 1 - (1 - J^3)^21:
// 0.75 at Jaccard 0.4, 0.94 at 0.5, 0.99 at 0.6, < 0.001 at 0.05.
//
// Memory per document: its signature (260 bytes), one 4-byte chain link per
// band, and one 8-byte open-addressing slot per band at load <= 0.75, about
// 0.7 KB in all (~0.7 GB per million documents). Band keys are 32-bit hashes,
// so a lookup can return unrelated documents: callers verify candidates with
// the signatures (Signature()). Not thread-safe.
#ifndef DATELINE_DEDUPE_LSH_INDEX_H_
#define DATELINE_DEDUPE_LSH_INDEX_H_

#include <cstdint>
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
  const Signature& signature(uint32_t i) const { return sigs_[i]; }
  size_t size() const { return sigs_.size(); }
  size_t MemoryBytes() const;

 private:
  static uint32_t BandKey(const Signature& sig, int band);
  size_t Find(uint32_t key) const;  // slot holding key, or the empty slot where it goes
  void Grow();

  std::vector<Signature> sigs_;
  std::vector<uint32_t> next_;  // [doc * kBands + band]: previous doc with the same band key
  std::vector<uint32_t> keys_;  // 0 = empty slot
  std::vector<uint32_t> heads_;
  size_t used_ = 0;
};

}  // namespace dateline::dedupe

#endif  // DATELINE_DEDUPE_LSH_INDEX_H_
