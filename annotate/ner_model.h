// NerModel: the frozen weights of the averaged-perceptron NER tagger plus the
// gazetteer its features were trained with, and greedy BILOU decoding.
//
// File format (gzip): "DLNER002", tag count, feature count, weight scale,
// then per feature a 32-bit key (delta-varint, sorted) and its non-zero
// weights as (tag, int16) pairs; then the gazetteer (phrase hash, type mask).
// Built once (Load or the trainer), then read-only: Tag() is const and
// thread-safe. Memory: ~(30 + 8 * nnz) bytes per feature (table, rows, filter).
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

// Greedy left-to-right decoding of a document, the core: for each token t
// (sentence s, index i), pick(t, dynamic, prev_tag, is_last, s, i) returns the
// tag to take, where `dynamic` holds the token's dynamic features (its static
// ones are d.keys[d.key_begin[t], d.key_begin[t + 1])). Returns tags per
// sentence per token.
template <typename Pick>
std::vector<std::vector<int>> DecodeGreedyDynamic(const DocFeatures& d, Pick pick) {
  std::vector<std::vector<int>> out(d.num_sentences());
  std::vector<int> history(d.num_words, -1);  // word id -> last type (4 = O), -1 = none
  std::vector<uint64_t> dynamic;
  dynamic.reserve(8);
  for (size_t s = 0; s < out.size(); ++s) {
    int prev1 = -1, prev2 = -1;
    size_t b = d.sentence_begin[s], n = d.sentence_begin[s + 1] - b;
    out[s].resize(n);
    for (size_t i = 0; i < n; ++i) {
      size_t t = b + i;
      bool cap = d.capitalised[t];
      int hist = cap ? history[d.word_id[t]] : -1;
      dynamic.clear();
      DynamicFeatures(d.word_key[t], d.shape_key[t], prev1, prev2, hist, &dynamic);
      int tag = pick(t, static_cast<const std::vector<uint64_t>&>(dynamic), prev1, i + 1 == n, s, i);
      out[s][i] = tag;
      if (cap) history[d.word_id[t]] = tag == 0 ? 4 : TagType(tag);
      prev2 = prev1;
      prev1 = tag;
    }
  }
  return out;
}

// Greedy decoding where pick(features, prev_tag, is_last, sentence, index)
// sees each token's static then dynamic features in one vector.
template <typename Pick>
std::vector<std::vector<int>> DecodeGreedy(const DocFeatures& d, Pick pick) {
  std::vector<uint64_t> feats;
  return DecodeGreedyDynamic(
      d, [&](size_t t, const std::vector<uint64_t>& dynamic, int prev, bool last, size_t s, size_t i) {
        feats.assign(d.keys.begin() + d.key_begin[t], d.keys.begin() + d.key_begin[t + 1]);
        feats.insert(feats.end(), dynamic.begin(), dynamic.end());
        return pick(static_cast<const std::vector<uint64_t>&>(feats), prev, last, s, i);
      });
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
  // Greedy decoding with these weights. The static features of the whole
  // document are scored first, in one pipelined pass over the table, then
  // each token adds its dynamic ones; the float sums are added in the same
  // order as Score() over static-then-dynamic features, so tags are identical.
  std::vector<std::vector<int>> Tag(const DocFeatures& d) const;

  Status Save(const std::string& path) const;
  static Result<NerModel> Load(const std::string& path);

 private:
  void BuildTable();
  uint32_t Home(uint32_t key) const { return (key * 2654435761u) & mask_; }
  // False when the key is surely absent: one bit per key in a filter ~8x
  // smaller than the table, so that most misses never touch the table.
  bool MayHave(uint32_t key) const { return filter_[(key >> 6) & filter_mask_] >> (key & 63) & 1; }
  // The row of a feature key as start << 5 | count (0 when absent).
  uint32_t Find(uint32_t key) const {
    uint32_t h = Home(key);
    while (slots_[h].key != 0 && slots_[h].key != key) h = (h + 1) & mask_;
    return slots_[h].key == 0 ? 0 : slots_[h].entries;
  }
  void AddRow(uint32_t row, float* out) const {
    for (uint32_t e = row >> 5, end = e + (row & 31); e < end; ++e) out[entries_[e].first] += entries_[e].second;
  }
  // Per token, kNumTags sums of its static features' weights.
  void StaticScores(const DocFeatures& d, std::vector<float>* out) const;
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
  std::vector<uint64_t> filter_;
  uint32_t filter_mask_ = 0;
  std::unordered_map<uint32_t, std::vector<float>> building_;
  Gazetteer gaz_;
};

}  // namespace dateline::ner

#endif  // DATELINE_ANNOTATE_NER_MODEL_H_
