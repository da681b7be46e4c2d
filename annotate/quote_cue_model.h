// CueModel: a learned scorer for attribution cues that are in no word list
// ("dismissed the idea that …", "his attacks on …"). Logistic regression over
// hashed context features of one token (its word, stem, suffix, the words
// around it, whether "that" or a quotation mark follows, what kind of subject
// precedes it), trained on PolNeAR train/ by eval/train_quote_cues.py and
// shipped as data/quotes/cue_model.tsv. The features here and in the trainer
// must stay identical (CueFeatures).
//
// Loaded once, then frozen: const methods only, thread-safe. A missing model
// file gives an empty model that scores nothing as a cue. Cost: ~16 hash
// lookups per lower-case word outside quotes.
#ifndef DATELINE_ANNOTATE_QUOTE_CUE_MODEL_H_
#define DATELINE_ANNOTATE_QUOTE_CUE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::quotes {

struct QuoteText;

class CueModel {
 public:
  // Reads "threshold<TAB>T", "filter<TAB>F" and "<hex feature hash><TAB>weight" lines ("#"
  // comments). A missing or unreadable file leaves the model empty.
  static CueModel Load(const std::string& path);
  // From in-memory lines of the same format (tests).
  static CueModel FromLines(const std::vector<std::string>& lines);

  bool empty() const { return size_ == 0; }
  double threshold() const { return threshold_; }
  // Listed belief and noun cues scoring at or below this are skipped
  // ("filter<TAB>F" line; none when absent).
  double filter() const { return filter_; }
  // Whether token k may be a cue at all: a lower-case word of 2+ letters.
  static bool Candidate(const QuoteText& q, size_t k);
  // The logit that token k is the cue word of an attribution whose content
  // follows it. Requires k < q.tok.size().
  double Score(const QuoteText& q, size_t k) const;
  // The sum of the weights of hashed features.
  double Score(const std::vector<uint64_t>& features) const;
  double Score(const uint64_t* features, size_t n) const;
  // Candidate and Score above the threshold.
  bool IsCue(const QuoteText& q, size_t k) const {
    return !empty() && Candidate(q, k) && Score(q, k) > threshold_;
  }

 private:
  void Put(uint64_t key, float weight);
  void Grow();
  // Open addressing, linear probing, a power-of-two size at most half full;
  // key 0 marks an empty slot (a feature hashing to 0 is kept apart).
  struct Slot {
    uint64_t key = 0;
    float weight = 0;
  };
  std::vector<Slot> slots_;
  size_t size_ = 0;
  float zero_weight_ = 0;
  double threshold_ = 1e9;
  double filter_ = -1e9;
};

// The hashed features of token k (64-bit FNV-1a of each feature string).
std::vector<uint64_t> CueFeatures(const QuoteText& q, size_t k);
// The same into f[0, n) without allocating; returns n (<= kMaxCueFeatures).
constexpr size_t kMaxCueFeatures = 16;
size_t CueFeatures(const QuoteText& q, size_t k, uint64_t* f);

// 64-bit FNV-1a of the concatenated parts: the feature hash of both models.
uint64_t FeatureHash(std::string_view a, std::string_view b = {}, std::string_view c = {},
                     std::string_view d = {});

// A count as a coarse feature value ("1", "2", "3", "4-5", ... "31+"), shared
// by the end chooser and the extraction filter (and their trainers' dumps).
const char* LengthBucket(size_t n);

}  // namespace dateline::quotes

#endif  // DATELINE_ANNOTATE_QUOTE_CUE_MODEL_H_
