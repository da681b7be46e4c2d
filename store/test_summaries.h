// Test helper: the reference story and storyline summaries of a store,
// Summarize() over its documents read in the corpus step's order (by
// storyline), and those documents when `read` is given. Header-only; for tests.
#ifndef DATELINE_STORE_TEST_SUMMARIES_H_
#define DATELINE_STORE_TEST_SUMMARIES_H_

#include <utility>
#include <vector>

#include "stories/stories.h"
#include "store/store.h"

namespace dateline::testing_docs {

inline bool SummarizeStored(Store* store, std::vector<StorySummary>* stories,
                            std::vector<StorylineSummary>* storylines, std::vector<Document>* read = nullptr) {
  std::vector<Document> docs;
  bool parsed = true;
  Status st = store->ForEachDocumentRowByStoryline([&](Store::DocumentRow&& row) {
    auto d = Store::FromRow(row);
    parsed &= d.ok();
    if (d.ok()) docs.push_back(std::move(d.value()));
    return true;
  });
  if (!st.ok() || !parsed) return false;
  Summarize(docs, stories, storylines);
  if (read) *read = std::move(docs);
  return true;
}

}  // namespace dateline::testing_docs

#endif  // DATELINE_STORE_TEST_SUMMARIES_H_
