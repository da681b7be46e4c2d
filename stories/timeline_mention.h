// Internal to stories/timeline*: one event mention of one document, with the
// keys the merge compares. Not part of the public interface.
#ifndef DATELINE_STORIES_TIMELINE_MENTION_H_
#define DATELINE_STORIES_TIMELINE_MENTION_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/document.h"
#include "stories/timeline.h"

namespace dateline::timeline {

struct Mention {
  const Document* doc = nullptr;
  size_t order = 0;  // position in the document's events
  std::string type, status;
  std::optional<std::string> date;
  std::string basis;  // text | context | "" (undated)
  std::string actor_key, actor_name, target_name, place_key, place_name;
  std::vector<uint64_t> word_keys;  // hashes of the sentence's content words, sorted
  std::string sentence;
  int64_t sentence_index = -1;
  std::optional<std::string> quote;
  std::map<std::string, int64_t> counts;
};

// The mentions of doc's events that can be timeline entries (happened or
// planned), dated from their text or context where possible.
std::vector<Mention> CollectMentions(const Document& doc, const TimelineOptions& options);

// "Vladimir Putin" -> "putin"; spelling variants share a key ("Zelenskyy" and
// "Zelensky" -> "zelens"). "" for an empty name.
std::string NameKey(const std::string& name);

bool IsDay(const std::string& date);
// Same day, or one date contains the other ("2025-04" and "2025-04-21").
bool DatesCompatible(const std::string& a, const std::string& b);

}  // namespace dateline::timeline

#endif  // DATELINE_STORIES_TIMELINE_MENTION_H_
