// Tokens: words, numbers, punctuation, with code point and byte offsets into
// the text. Thread-safe, no state.
#ifndef DATELINE_ANNOTATE_TOKENIZER_H_
#define DATELINE_ANNOTATE_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/document.h"

namespace dateline {

struct Token {
  Span span;                  // code point offsets into the text
  size_t byte_begin = 0, byte_end = 0;
  std::string_view text;      // view into the tokenized text
};

std::vector<Token> Tokenize(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_TOKENIZER_H_
