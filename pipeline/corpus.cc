// Corpus-level step after ingest: results that depend on all documents.
#include "pipeline/pipeline.h"
#include "stories/stories.h"

namespace dateline {

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
  return store->ReplaceStories(stories, storylines);
}

}  // namespace dateline
