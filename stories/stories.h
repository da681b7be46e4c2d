// Stories and storylines: online grouping of documents.
//
// Foundation pass-through (documented, not a result): every canonical
// document is its own story and its own storyline; a duplicate joins the
// story of its canonical copy. The stories issue replaces Assign() with
// incremental clustering; the interface stays.
// Not thread-safe: call Assign() from one thread, in ingest order.
#ifndef DATELINE_STORIES_STORIES_H_
#define DATELINE_STORIES_STORIES_H_

#include <map>
#include <string>
#include <vector>

#include "base/document.h"

namespace dateline {

struct StoryAssignment {
  std::string story;
  std::string storyline;
};

struct StorySummary {
  std::string id, storyline, title;
  std::optional<std::string> first_date, last_date;
  std::vector<std::string> documents;  // ids, canonical copies first
  std::vector<std::string> outlets;
};

struct StorylineSummary {
  std::string id, title;
  std::optional<std::string> first_date, last_date;
  std::vector<std::string> stories;
  std::vector<std::string> outlets;
  int64_t documents = 0;
};

class StoryClusterer {
 public:
  // Remembers an assignment made in an earlier run (loaded from the store).
  void Restore(const Document& doc);
  StoryAssignment Assign(const Document& doc);

 private:
  std::map<std::string, StoryAssignment> by_doc_;
};

// Summaries of the stories and storylines that the documents belong to.
void Summarize(const std::vector<Document>& docs, std::vector<StorySummary>* stories,
               std::vector<StorylineSummary>* storylines);

}  // namespace dateline

#endif  // DATELINE_STORIES_STORIES_H_
