// Annotator: runs every per-document layer in order — tokens, sentences,
// entities, time, quotes, events — on a cleaned Document.
// Build once with Create() (loads the frozen models), then Annotate() from
// any number of threads.
#ifndef DATELINE_ANNOTATE_ANNOTATOR_H_
#define DATELINE_ANNOTATE_ANNOTATOR_H_

#include <memory>
#include <string>

#include "annotate/entities.h"
#include "annotate/events.h"
#include "annotate/quotes.h"
#include "annotate/time.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

class Annotator {
 public:
  static Result<std::unique_ptr<Annotator>> Create(const std::string& data_dir);
  void Annotate(Document* doc) const;

 private:
  std::unique_ptr<EntityRecognizer> entities_;
  std::unique_ptr<TimeTagger> time_;
  std::unique_ptr<QuoteExtractor> quotes_;
  std::unique_ptr<EventExtractor> events_;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_ANNOTATOR_H_
