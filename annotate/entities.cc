// Foundation pass-through: this layer is not built yet and adds nothing.
// (See docs/architecture.md for the issue that fills it.)
#include "annotate/entities.h"

namespace dateline {

Result<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Load(const std::string& data_dir) {
  return std::make_unique<EntityRecognizer>();
}

void EntityRecognizer::Annotate(const std::vector<Token>& tokens, Document* doc) const {}

}  // namespace dateline
