// Story and storyline summaries built one story (storyline) at a time from
// the few columns they read, so that a corpus step can stream them from the
// store instead of holding every story of the corpus (StorySummarizer).
// Given the rows of a group in the order documented below, the result equals
// what StorySummarizer / Summarize() give for the same documents added in
// (storyline, input) order, which is how the corpus step reads them.
// Pure functions; thread-safe.
#ifndef DATELINE_STORIES_SUMMARY_H_
#define DATELINE_STORIES_SUMMARY_H_

#include <optional>
#include <string>
#include <vector>

#include "stories/stories.h"

namespace dateline {

// What a summary reads of a document (absent = null; "" is kept as "").
struct SummaryRow {
  std::string id, story, storyline;
  std::optional<std::string> outlet, title, published, duplicate_of;
};

// The row of a document (story and storyline must be set to count).
SummaryRow SummaryRowOf(const Document& d);

// The summary of one story from all its rows, ordered by storyline, then
// input order. rows must not be empty and share one story.
StorySummary SummarizeStory(const std::vector<SummaryRow>& rows);

// The summary of one storyline from all its rows, in input order. rows must
// not be empty and share one storyline.
StorylineSummary SummarizeStoryline(const std::vector<SummaryRow>& rows);

}  // namespace dateline

#endif  // DATELINE_STORIES_SUMMARY_H_
