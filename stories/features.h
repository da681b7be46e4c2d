// Story features: what a document contributes to story clustering — a sparse
// bag of weighted features of three kinds, plus the day it was published.
//
//   word   stemmed lower-case content word (stop words dropped)
//   name   a capitalised word used as a name (capitalised in mid-sentence and
//          never written in lower case in the document), or a token of an
//          entity found by the NER layer (doc->entities) when present
//   number a numeral ("7.3", "2013", "1,000")
//   lead   a word or name among the first lead_tokens of title and text
//          (where a news report says what happened)
//
// Besides, a few facts from the annotation layers (years of timexes, people
// and places named by the NER layer) that differ between two events of one
// kind; the clusterer compares them separately (DocFeatures::facts).
//
// Term frequencies are damped (1 + ln tf); IDF is applied later by the
// clusterer, which learns it incrementally. Features are 64-bit hashes of kind
// + text whose low two bits hold the channel (ChannelOf): words, names
// (including entity tokens), numbers and the lead are compared separately.
//
// A FeatureExtractor is built once (stop words from data/stories/) and is NOT
// thread-safe (the Snowball stemmer keeps state): use one per thread.
#ifndef DATELINE_STORIES_FEATURES_H_
#define DATELINE_STORIES_FEATURES_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/document.h"
#include "base/status.h"

struct sb_stemmer;

namespace dateline::stories {

enum Channel : int { kWordChannel = 0, kNameChannel = 1, kNumberChannel = 2, kLeadChannel = 3 };
inline constexpr int kChannels = 4;

struct FeatureOptions {
  double entity_weight = 1.0;      // an entity token, relative to a capitalised-word name
  size_t lead_tokens = 60;         // words and names counted in the lead channel
  size_t max_text_bytes = 200000;  // only the first bytes of a long text are read
};

inline int ChannelOf(uint64_t key) { return static_cast<int>(key & 3); }

// 12 bytes (packed to 4-byte alignment): story centroids and members are
// long arrays of these, and the clusterer's cost is mostly reading them.
struct __attribute__((packed, aligned(4))) Feature {
  uint64_t key = 0;
  float weight = 0;
  bool operator<(const Feature& o) const { return key < o.key; }
};
static_assert(sizeof(Feature) == 12);

// Calls fn(a_i, b_j) for every key the two sorted feature lists share, in
// key order. Branch-free steps: which side advances is data, not a branch
// the processor must guess (the keys are hashes, so it cannot).
template <typename Fn>
void ForEachShared(const std::vector<Feature>& a, const std::vector<Feature>& b, Fn fn) {
  const Feature *x = a.data(), *x_end = x + a.size(), *y = b.data(), *y_end = y + b.size();
  while (x < x_end && y < y_end) {
    const uint64_t kx = x->key, ky = y->key;
    if (kx == ky) fn(*x, *y);
    x += kx <= ky;
    y += ky <= kx;
  }
}

// Facts that tell apart two events of the same kind (two earthquakes, two
// arrests), compared as distributions rather than TF-IDF vectors.
enum Fact : int { kYearFact = 0, kPersonFact = 1, kPlaceFact = 2, kOrgFact = 3 };
inline constexpr int kFacts = 4;

struct DocFeatures {
  std::vector<Feature> features;  // sorted by key, keys unique
  std::optional<int32_t> day;     // days since 1970-01-01 of doc->published
  // Per fact, sorted by key, weight = mentions:
  //   years    key = the year of a DATE/TIME timex or of a published date
  //            that was not inferred from the text
  //   persons  key = hash of a token of a PERSON entity's name
  //   places   key = hash of a token of a PLACE entity's name
  //   orgs     key = hash of a token of an ORG entity's name
  std::vector<Feature> facts[kFacts];
};

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD..." (nullopt if malformed).
std::optional<int32_t> ParseDay(std::string_view iso);

class FeatureExtractor {
 public:
  // Reads data_dir/stories/stopwords.txt.
  static Result<std::unique_ptr<FeatureExtractor>> Load(const std::string& data_dir,
                                                        const FeatureOptions& options = {});
  ~FeatureExtractor();

  DocFeatures Extract(const Document& doc);

 private:
  FeatureExtractor() = default;
  std::string Stem(const std::string& lower);
  void ExtractFacts(const Document& doc, DocFeatures* out) const;

  FeatureOptions options_;
  std::unordered_set<std::string> stopwords_;
  sb_stemmer* stemmer_ = nullptr;
};

}  // namespace dateline::stories

#endif  // DATELINE_STORIES_FEATURES_H_
