// Internal to stories/timeline*: collecting a document's event mentions
// (timeline::Mention, timeline.h) and the keys the merge compares. Not part
// of the public interface.
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

// The mentions of doc's events that can be timeline entries (happened or
// planned), dated from their text or context where possible, into
// out->mentions (their doc unset) and their sentences into out->sentences
// and out->words.
void CollectMentions(const Document& doc, const TimelineOptions& options, TimelineDoc* out);

// "Vladimir Putin" -> "putin"; spelling variants share a key ("Zelenskyy" and
// "Zelensky" -> "zelens"). "" for an empty name.
std::string NameKey(const std::string& name);

bool IsDay(const std::string& date);
// Same day, or one date contains the other ("2025-04" and "2025-04-21").
bool DatesCompatible(const std::string& a, const std::string& b);

}  // namespace dateline::timeline

#endif  // DATELINE_STORIES_TIMELINE_MENTION_H_
