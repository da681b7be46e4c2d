// PairModel: how likely a document reports the event of a story, from a few
// similarity features of the (document, story) pair — a logistic regression
// whose weights are data (data/stories/pair_model.tsv, trained by
// eval/train_pairs.py on ECB+ with cross-validation over topics; design notes
// in docs/stories.md).
//
// The features separate two events of the same kind (two earthquakes, two
// arrests) that share most words: besides the TF-IDF cosines of words, names
// and numbers they compare the years of the dates, the people and the places
// named, and flag conflicting years. Immutable after Load(); thread-safe.
#ifndef DATELINE_STORIES_PAIR_MODEL_H_
#define DATELINE_STORIES_PAIR_MODEL_H_

#include <array>
#include <string>
#include <vector>

#include "base/status.h"
#include "stories/features.h"

namespace dateline::stories {

// Channel cosines compare the document's TF-IDF vectors with the story
// centroid's ("word_cos") and, averaged, with each kept member's
// ("member_word_cos"); the facts are averaged over the kept members.
enum PairFeature : int {
  kBias = 0,
  kWordCos,        // TF-IDF cosine of the word channel, document vs centroid
  kNameCos,        // ... of the name channel
  kNumberCos,      // ... of the number channel
  kLeadCos,        // ... of the lead channel
  kMemberWordCos,  // mean over members of the word-channel cosine
  kMemberNameCos,
  kMemberNumberCos,
  kMemberLeadCos,
  kMaxMemberWordCos,  // max over members of the word-channel cosine
  kMaxMemberNameCos,  // ... of the name-channel cosine
  kYearCos,           // cosine of the year distributions (0 when either has none)
  kYearsBoth,         // 1 when both name years
  kYearConflict,      // 1 when neither's main year is among the other's years
  kPersonCos,         // cosine of the person-name token distributions
  kPersonsBoth,       // 1 when both name people
  kPersonConflict,    // 1 when neither's main person is among the other's people
  kPlaceCos,          // cosine of the place-name token distributions
  kPlacesBoth,        // 1 when both name places
  kPlaceConflict,     // 1 when neither's main place is among the other's places
  kOrgCos,            // cosine of the organisation-name token distributions
  kOrgsBoth,          // 1 when both name organisations
  kOrgConflict,       // 1 when neither's main organisation is among the other's
  kLogStorySize,      // ln(1 + documents in the story)
  kPairFeatures
};
const char* PairFeatureName(int f);
using PairVector = std::array<double, kPairFeatures>;

// Adds scale x the fact features (years, people, places) of a document and
// another document (each fact sorted by key) to x.
void AddFactFeatures(const std::vector<Feature> (&doc)[kFacts], const std::vector<Feature> (&other)[kFacts],
                     double scale, PairVector* x);

// Per-channel cosines of two vectors whose channels have unit length.
void ChannelCosines(const std::vector<Feature>& a, const std::vector<Feature>& b, double cos[kChannels]);

// Cosine of two sparse vectors sorted by key (0 when either is empty).
double Cosine(const std::vector<Feature>& a, const std::vector<Feature>& b);

class PairModel {
 public:
  // Reads "name weight" lines ('#' comments); names are PairFeatureName()s,
  // absent ones weigh 0. Fails on an unknown name or a malformed line.
  static Result<PairModel> Load(const std::string& path);
  // Log-odds that the document belongs to the story.
  double Score(const PairVector& x) const;
  const PairVector& weights() const { return w_; }

 private:
  PairVector w_{};
};

}  // namespace dateline::stories

#endif  // DATELINE_STORIES_PAIR_MODEL_H_
