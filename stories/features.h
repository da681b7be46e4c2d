// Story features: what a document contributes to story clustering — a sparse
// bag of weighted features of three kinds, plus the day it was published.
//
//   word   stemmed lower-case content word (stop words dropped)
//   name   a capitalised word used as a name (capitalised in mid-sentence and
//          never written in lower case in the document), or a token of an
//          entity found by the NER layer (doc->entities) when present
//   number a numeral ("7.3", "2013", "1,000")
//
// Term frequencies are damped (1 + ln tf); IDF is applied later by the
// clusterer, which learns it incrementally. Features are 64-bit hashes of kind
// + text whose low two bits hold the channel (ChannelOf): words, names
// (including entity tokens) and numbers are compared separately.
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

enum Channel : int { kWordChannel = 0, kNameChannel = 1, kNumberChannel = 2 };
inline constexpr int kChannels = 3;

struct FeatureOptions {
  double entity_weight = 1.0;      // an entity token, relative to a capitalised-word name
  size_t max_text_bytes = 200000;  // only the first bytes of a long text are read
};

inline int ChannelOf(uint64_t key) { return static_cast<int>(key & 3); }

struct Feature {
  uint64_t key = 0;
  float weight = 0;
  bool operator<(const Feature& o) const { return key < o.key; }
};

struct DocFeatures {
  std::vector<Feature> features;  // sorted by key, keys unique
  std::optional<int32_t> day;     // days since 1970-01-01 of doc->published
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

  FeatureOptions options_;
  std::unordered_set<std::string> stopwords_;
  sb_stemmer* stemmer_ = nullptr;
};

}  // namespace dateline::stories

#endif  // DATELINE_STORIES_FEATURES_H_
