// Private to stories/: the state StoryClusterer keeps per story and per recent
// document, shared by clusterer.cc (assignment) and reassign.cc (moving recent
// documents between stories). Not a public interface.
#ifndef DATELINE_STORIES_STORY_STATE_H_
#define DATELINE_STORIES_STORY_STATE_H_

#include <optional>
#include <string>
#include <vector>

#include "stories/stories.h"

namespace dateline {

struct StoryClusterer::Story {
  std::string id;
  uint32_t storyline = 0;
  std::vector<stories::Feature> terms;  // summed member weights (no IDF), sorted by key
  // The most recent members (at most max_story_members): their strongest
  // TF-IDF features (channels of unit length) and their facts.
  struct Member {
    uint64_t doc = 0;  // Hash64 of the document id
    std::vector<stories::Feature> terms;
    std::vector<stories::Feature> facts[stories::kFacts];
  };
  std::vector<Member> members;
  // Hashes of all member documents while the story has at most
  // split_max_docs (empty and untracked past that).
  std::vector<uint64_t> docs;
  bool docs_tracked = true;
  uint32_t documents = 0;
  std::optional<int32_t> first_day, last_day;
  uint64_t updated = 0;  // clock_ at last change
  bool active = true;
  // Cached channel norms of the IDF-weighted centroid, recomputed when the
  // story changes or the IDF has moved on (norm_documents: df size then).
  mutable double norm[stories::kChannels] = {};
  mutable int64_t norm_documents = -1;
};

// A recently assigned document that may still move: its features, its
// current story and its copies (which move with it).
struct StoryClusterer::Recent {
  std::string id;
  uint64_t hash = 0;
  uint32_t story = 0;
  stories::DocFeatures features;
  std::vector<stories::Feature> weighed;  // Weigh(features), redone as the IDF moves on
  int64_t weighed_at = 0;                 // documents counted in the IDF then
  std::vector<std::string> copies;
  std::string new_story_id;  // the id of a story this document would start
  bool movable = true;  // false once it has too many copies to track
};

// A candidate story with the document's pair features and score.
struct StoryClusterer::Scored {
  uint32_t story;
  stories::PairVector x;
  double score;
};

namespace stories {

// Sorted-merge sum of two sparse vectors.
void MergeAdd(const std::vector<Feature>& add, std::vector<Feature>* into);
// Scales each channel of v to unit length.
void NormalizeChannels(std::vector<Feature>* v);

}  // namespace stories
}  // namespace dateline

#endif  // DATELINE_STORIES_STORY_STATE_H_
