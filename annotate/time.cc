// Foundation pass-through: this layer is not built yet and adds nothing.
// (See docs/architecture.md for the issue that fills it.)
#include "annotate/time.h"

namespace dateline {

Result<std::unique_ptr<TimeTagger>> TimeTagger::Load(const std::string& data_dir) {
  return std::make_unique<TimeTagger>();
}

void TimeTagger::Annotate(const std::vector<Token>& tokens, Document* doc) const {}

}  // namespace dateline
