// Foundation pass-through: this layer is not built yet and adds nothing.
// (See docs/architecture.md for the issue that fills it.)
#include "annotate/quotes.h"

namespace dateline {

Result<std::unique_ptr<QuoteExtractor>> QuoteExtractor::Load(const std::string& data_dir) {
  return std::make_unique<QuoteExtractor>();
}

void QuoteExtractor::Annotate(const std::vector<Token>& tokens, Document* doc) const {}

}  // namespace dateline
