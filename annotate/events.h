// EventExtractor: PLOVER events with actors, targets, dates, places, counts.
// fills Document::events (reads entities, timexes, quotes).
// Loaded once from the data directory, then frozen: Annotate() is const and
// thread-safe.
#ifndef DATELINE_ANNOTATE_EVENTS_H_
#define DATELINE_ANNOTATE_EVENTS_H_

#include <memory>
#include <string>
#include <vector>

#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

class EventExtractor {
 public:
  static Result<std::unique_ptr<EventExtractor>> Load(const std::string& data_dir);
  // Requires doc->sentences filled; tokens are Tokenize(doc->text).
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_EVENTS_H_
