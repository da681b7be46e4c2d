// TimeTagger: time expressions resolved to TIMEX3 values; infers missing publication dates.
// fills Document::timexes (and published when absent).
// Loaded once from the data directory, then frozen: Annotate() is const and
// thread-safe.
#ifndef DATELINE_ANNOTATE_TIME_H_
#define DATELINE_ANNOTATE_TIME_H_

#include <memory>
#include <string>
#include <vector>

#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

class TimeTagger {
 public:
  static Result<std::unique_ptr<TimeTagger>> Load(const std::string& data_dir);
  // Requires doc->sentences filled; tokens are Tokenize(doc->text).
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_TIME_H_
