// Sentence boundaries as code point spans into the text. Thread-safe.
//
// A "\n" between two tokens always ends a sentence (headlines and list items
// have no final punctuation). Otherwise a sentence ends after ". ! ? …" plus
// any closing quotes and brackets, when the next token opens a sentence (an
// upper-case letter, a digit, an opening quote or bracket). Inside a
// quotation closed by "," or followed by a lower-case word ("Stop!" he said)
// there is no boundary. Title abbreviations ("Mr.", "Gov.") and initials
// ("J.") never end a sentence; other abbreviations ("U.S.", "Sept.") end one
// only before a common sentence opener ("The", "He", ...).
#ifndef DATELINE_ANNOTATE_SENTENCES_H_
#define DATELINE_ANNOTATE_SENTENCES_H_

#include <string_view>
#include <vector>

#include "annotate/tokenizer.h"

namespace dateline {

std::vector<Span> SplitSentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_SENTENCES_H_
