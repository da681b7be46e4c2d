// NerModel: the frozen weights of the averaged-perceptron NER tagger plus the
// gazetteer its features were trained with, and greedy BILOU decoding.
//
// File format (gzip): "DLNER002", tag count, feature count, weight scale,
// then per feature a 32-bit key (delta-varint, sorted) and its non-zero
// weights as (tag, int16) pairs; then the gazetteer (phrase hash, type mask).
// Built once (Load or the trainer), then read-only: Tag() is const and
// thread-safe. Memory: ~(12 + 4 * nnz) bytes per feature.
#ifndef DATELINE_ANNOTATE_NER_MODEL_H_
#define DATELINE_ANNOTATE_NER_MODEL_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "annotate/ner_features.h"
#include "base/status.h"

namespace dateline::ner {

inline uint32_t Key32(uint64_t k) {
  uint32_t r = static_cast<uint32_t>(k ^ (k >> 32));
  return r == 0 ? 1 : r;
}

// Greedy left-to-right decoding of a document. pick(features, prev_tag,
// is_last, sentence, index) returns the tag to take; it sees the static plus
// dynamic features. Returns tags per sentence per token.
template <typename Pick>
std::vector<std::vector<int>> DecodeGreedy(const DocFeatures& d, Pick pick) {
  std::vector<std::vector<int>> out(d.feats.size());
  std::unordered_map<uint64_t, int> history;  // word -> last type (4 = O)
  std::vector<uint64_t> feats;
  for (size_t s = 0; s < d.feats.size(); ++s) {
    int prev1 = -1, prev2 = -1;
    size_t n = d.feats[s].size();
    out[s].resize(n);
    for (size_t i = 0; i < n; ++i) {
      feats = d.feats[s][i];
      int hist = -1;
      uint64_t w = d.word_key[s][i];
      bool cap = d.capitalised[s][i];
      if (cap) {
        auto it = history.find(w);
        if (it != history.end()) hist = it->second;
      }
      DynamicFeatures(w, d.shape_key[s][i], prev1, prev2, hist, &feats);
      int tag = pick(feats, prev1, i + 1 == n, s, i);
      out[s][i] = tag;
      if (cap) history[w] = tag == 0 ? 4 : TagType(tag);
      prev2 = prev1;
      prev1 = tag;
    }
  }
  return out;
}

// Best tag allowed after `prev` given per-tag scores.
int BestAllowed(const float* scores, int prev, bool last);

class NerModel {
 public:
  // Adds (or sums into) the weights of a feature; rows have kNumTags floats.
  void Add(uint32_t key, const float* row);
  // Builds the lookup table; call after the last Add() and before Tag().
  void Finish();
  Gazetteer& gazetteer() { return gaz_; }
  const Gazetteer& gazetteer() const { return gaz_; }
  size_t num_features() const { return keys_.size(); }

  // Scores of every tag for a token's features (out: kNumTags floats).
  void Score(const std::vector<uint64_t>& feats, float* out) const;
  std::vector<std::vector<int>> Tag(const DocFeatures& d) const;

  Status Save(const std::string& path) const;
  static Result<NerModel> Load(const std::string& path);

 private:
  void BuildTable();
  std::vector<uint32_t> keys_;   // sorted feature keys (for Save)
  std::vector<uint32_t> start_;  // keys_.size()+1 offsets into entries_
  std::vector<std::pair<uint8_t, float>> entries_;  // (tag, weight)
  // Open addressing, one 8-byte slot per probe: the key and its row's entries
  // (start << 5 | count), so that a feature costs two cache misses at most.
  struct Slot {
    uint32_t key = 0;
    uint32_t entries = 0;
  };
  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  std::unordered_map<uint32_t, std::vector<float>> building_;
  Gazetteer gaz_;
};

}  // namespace dateline::ner

#endif  // DATELINE_ANNOTATE_NER_MODEL_H_
