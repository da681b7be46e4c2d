// Sentence boundaries as code point spans into the text. Thread-safe.
#ifndef DATELINE_ANNOTATE_SENTENCES_H_
#define DATELINE_ANNOTATE_SENTENCES_H_

#include <string_view>
#include <vector>

#include "annotate/tokenizer.h"

namespace dateline {

std::vector<Span> SplitSentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_SENTENCES_H_
