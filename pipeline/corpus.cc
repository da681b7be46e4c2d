// Corpus-level step after ingest: results that depend on all documents.
#include "annotate/entity_linker.h"
#include "annotate/quote_groups.h"
#include "pipeline/pipeline.h"
#include "stories/stories.h"
#include "stories/timeline.h"

namespace dateline {
// Every corpus-level result is rebuilt from one pass over the stored documents:
// story and storyline summaries (stories/), cross-document entities
// (annotate/entity_linker.h), quote groups (annotate/quote_groups.h) and the
// sourced timeline (stories/timeline.h), each replaced whole.
Status Pipeline::UpdateCorpus(Store* store) {
  std::vector<Document> docs;
  Status st = store->ForEachDocument([&](Document&& d) {
    docs.push_back(std::move(d));
    return true;
  });
  if (!st.ok()) return st;
  std::vector<StorySummary> stories;
  std::vector<StorylineSummary> storylines;
  Summarize(docs, &stories, &storylines);
  st = store->ReplaceStories(stories, storylines);
  if (!st.ok()) return st;
  st = store->ReplaceRecords("entities", EntityRecords(docs));
  if (!st.ok()) return st;
  std::vector<std::pair<std::string, nlohmann::json>> rows;
  for (const TimelineEntry& e : BuildTimeline(docs)) rows.emplace_back(e.id, TimelineEntryToJson(e));
  st = store->ReplaceRecords("timeline", rows);
  if (!st.ok()) return st;
  rows.clear();
  for (const QuoteGroup& g : GroupQuotes(docs)) rows.emplace_back(g.id, QuoteGroupToJson(g));
  return store->ReplaceRecords("quotes", rows);
}

}  // namespace dateline
