// DocumentFrequency: document frequencies learned incrementally, in fixed
// memory, for IDF weights. A count-min sketch (depth 2) of 2^log2_width
// 32-bit counters per row: collisions can only raise a count, so a rare
// feature may look slightly commoner, never rarer. Not thread-safe (not even
// const calls: Idf() fills a memo).
//
// Idf() is asked for the same features many times between two Add() calls
// (a story's terms for each candidate document, a document's for each
// story), and each answer costs two cache misses in the sketch and a log: a
// small direct-mapped memo, valid until the next Add(), returns the same
// value without them.
#ifndef DATELINE_STORIES_IDF_H_
#define DATELINE_STORIES_IDF_H_

#include <cmath>
#include <cstdint>
#include <vector>

#include "stories/features.h"

namespace dateline::stories {

class DocumentFrequency {
 public:
  explicit DocumentFrequency(int log2_width = 20)
      : mask_((uint64_t{1} << log2_width) - 1), rows_(2, std::vector<uint32_t>(mask_ + 1, 0)), memo_(kMemoSize) {}

  // Counts each feature of one document once.
  void Add(const std::vector<Feature>& features) {
    ++documents_;
    for (const Feature& f : features) {
      ++rows_[0][f.key & mask_];
      ++rows_[1][(f.key >> 32) & mask_];
    }
  }
  uint32_t Count(uint64_t key) const {
    return std::min(rows_[0][key & mask_], rows_[1][(key >> 32) & mask_]);
  }
  // Smoothed IDF, >= 1 for features in fewer than all documents.
  double Idf(uint64_t key) const {
    Memo& m = memo_[(key * 0x9E3779B97F4A7C15ULL) >> (64 - kMemoLog2)];
    if (m.documents != documents_ || m.key != key) {
      m.key = key;
      m.documents = documents_;
      m.idf = 1.0 + std::log((documents_ + 1.0) / (Count(key) + 1.0));
    }
    return m.idf;
  }
  // Starts loading a feature's counters, some calls ahead of Idf() on a run
  // of features (the sketch is larger than the caches).
  void Prefetch(uint64_t key) const {
    __builtin_prefetch(&rows_[0][key & mask_]);
    __builtin_prefetch(&rows_[1][(key >> 32) & mask_]);
  }
  int64_t documents() const { return documents_; }
  size_t MemoryBytes() const { return 2 * (mask_ + 1) * sizeof(uint32_t) + kMemoSize * sizeof(Memo); }

 private:
  static constexpr int kMemoLog2 = 13;
  static constexpr size_t kMemoSize = size_t{1} << kMemoLog2;
  struct Memo {
    uint64_t key = 0;
    int64_t documents = -1;  // documents_ when idf was computed
    double idf = 0;
  };
  uint64_t mask_;
  std::vector<std::vector<uint32_t>> rows_;
  int64_t documents_ = 0;
  mutable std::vector<Memo> memo_;
};

}  // namespace dateline::stories

#endif  // DATELINE_STORIES_IDF_H_
