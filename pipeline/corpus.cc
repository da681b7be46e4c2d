// Corpus-level step after ingest: results that depend on all documents.
#include "annotate/entity_linker.h"
#include "annotate/quote_groups.h"
#include "pipeline/pipeline.h"
#include "stories/stories.h"
#include "stories/timeline.h"

namespace dateline {
namespace {

// The sourced timeline of every storyline (stories/timeline.h), stored whole
// as "timeline" records. Reads the documents again with their text.
Status UpdateTimeline(Store* store) {
  std::vector<Document> docs;
  Status st = store->ForEachDocument([&](Document&& d) {
    docs.push_back(std::move(d));
    return true;
  });
  if (!st.ok()) return st;
  std::vector<std::pair<std::string, nlohmann::json>> rows;
  for (const TimelineEntry& e : BuildTimeline(docs)) rows.emplace_back(e.id, TimelineEntryToJson(e));
  return store->ReplaceRecords("timeline", rows);
}

// Quote groups across documents (annotate/quote_groups.h), stored as
// "quotes" records. Reads the documents again with their text.
Status UpdateQuotes(Store* store) {
  std::vector<Document> docs;
  Status st = store->ForEachDocument([&](Document&& d) {
    docs.push_back(std::move(d));
    return true;
  });
  if (!st.ok()) return st;
  std::vector<std::pair<std::string, nlohmann::json>> rows;
  for (const QuoteGroup& g : GroupQuotes(docs)) rows.emplace_back(g.id, QuoteGroupToJson(g));
  return store->ReplaceRecords("quotes", rows);
}

}  // namespace

Status Pipeline::UpdateCorpus(Store* store) {
  std::vector<Document> docs;
  Status st = store->ForEachDocument([&](Document&& d) {
    d.text.clear();  // summaries need metadata only
    docs.push_back(std::move(d));
    return true;
  });
  if (!st.ok()) return st;
  std::vector<StorySummary> stories;
  std::vector<StorylineSummary> storylines;
  Summarize(docs, &stories, &storylines);
  st = store->ReplaceStories(stories, storylines);
  if (!st.ok()) return st;
  st = store->ReplaceRecords("entities", EntityRecords(docs));  // annotate/entity_linker.h
  if (!st.ok()) return st;
  st = UpdateTimeline(store);
  if (!st.ok()) return st;
  return UpdateQuotes(store);
}

}  // namespace dateline
