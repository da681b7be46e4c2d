// Tokens: words, numbers, punctuation, URLs and handles, with code point and
// byte offsets into the text. Unicode-aware (utf8proc categories).
//
// Rules (docs/entities.md has the full list):
//  - words are runs of letters, digits and marks; a hyphen or an apostrophe
//    between letters stays inside ("full-scale", "O'Brien"), except English
//    clitics, which split off ("Kyiv", "’s"; "do", "n't");
//  - numbers keep their separators ("1,000", "3.5", "10:30", "22/04/2025");
//  - abbreviations keep their final period: dotted letters ("U.S.", "a.m."),
//    single-letter initials ("J."), and the words in data/ner/abbreviations.txt
//    ("Sept.", "Gov.");
//  - URLs (scheme:// or www.), e-mail addresses, @handles and #hashtags are one
//    token; "...", "…", "--", dashes and each quote character are one token.
// Thread-safe; the abbreviation list is loaded once on first use (built-in
// fallback when the data file is missing).
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
  bool newline_before = false;  // a "\n" lies between the previous token and this one
};

std::vector<Token> Tokenize(std::string_view text);

// True for a word that is an abbreviation when followed by "." ("Sept", "Gov",
// "Mr"; case-sensitive as listed in the data file).
bool IsKnownAbbreviation(std::string_view word);
// True for abbreviations that, ending in ".", never end a sentence
// (titles such as "Mr." and "Gov."; months such as "Sept." are not in it).
bool IsTitleAbbreviation(std::string_view word);

}  // namespace dateline

#endif  // DATELINE_ANNOTATE_TOKENIZER_H_
