// Foundation tokenizer: runs of letters/digits, and single other characters.
// (The language-core issue replaces this with a Unicode-aware tokenizer.)
#include "annotate/tokenizer.h"

#include "base/utf8.h"

namespace dateline {
namespace {
bool IsWordChar(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
}
bool IsSpace(char32_t c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0; }
}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  int64_t cp = 0;
  while (i < text.size()) {
    size_t start = i;
    int64_t cp_start = cp;
    char32_t c = utf8::Next(text, &i);
    ++cp;
    if (IsSpace(c)) continue;
    if (IsWordChar(c)) {
      while (i < text.size()) {
        size_t j = i;
        char32_t d = utf8::Next(text, &j);
        if (!IsWordChar(d)) break;
        i = j;
        ++cp;
      }
    }
    out.push_back({{cp_start, cp}, start, i, text.substr(start, i - start)});
  }
  return out;
}

}  // namespace dateline
