// Foundation pass-through: this layer is not built yet and adds nothing.
// (See docs/architecture.md for the issue that fills it.)
#include "annotate/events.h"

namespace dateline {

Result<std::unique_ptr<EventExtractor>> EventExtractor::Load(const std::string& data_dir) {
  return std::make_unique<EventExtractor>();
}

void EventExtractor::Annotate(const std::vector<Token>& tokens, Document* doc) const {}

}  // namespace dateline
