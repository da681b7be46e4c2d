// EntityRecognizer: named entities (NER) and within-document entity linking.
// fills Document::entities.
// Loaded once from the data directory, then frozen: Annotate() is const and
// thread-safe.
#ifndef DATELINE_ANNOTATE_ENTITIES_H_
#define DATELINE_ANNOTATE_ENTITIES_H_

#include <memory>
#include <string>
#include <vector>

#include "annotate/tokenizer.h"
#include "base/document.h"
#include "base/status.h"

namespace dateline {

class EntityRecognizer {
 public:
  static Result<std::unique_ptr<EntityRecognizer>> Load(const std::string& data_dir);
  // Requires doc->sentences filled; tokens are Tokenize(doc->text).
  void Annotate(const std::vector<Token>& tokens, Document* doc) const;
};

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_ENTITIES_H_
