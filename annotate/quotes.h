// QuoteExtractor: direct and indirect quotes with speakers.
// fills Document::quotes (reads entities).
// Loaded once from the data directory, then frozen: Annotate() is const and
// thread-safe.
#ifndef DATELINE_ANNOTATE_QUOTES_H_
#define DATELINE_ANNOTATE_QUOTES_H_

#include <memory>
#include <string>
#include <vector>

#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

class QuoteExtractor {
 public:
  static Result<std::unique_ptr<QuoteExtractor>> Load(const std::string& data_dir);
  // Requires doc->sentences filled; tokens are Tokenize(doc->text).
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_QUOTES_H_
