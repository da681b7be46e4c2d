// Foundation sentence splitter: a paragraph ("\n") always ends a sentence;
// inside one, ". ! ?" followed by a token starting with an upper-case letter
// or a quote does. (The language-core issue refines this.)
#include "annotate/sentences.h"

#include <cctype>

namespace dateline {

std::vector<Span> SplitSentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Span> out;
  if (tokens.empty()) return out;
  int64_t start = tokens[0].span.begin;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    bool last = k + 1 == tokens.size();
    bool end = last;
    if (!last) {
      const Token& n = tokens[k + 1];
      bool newline = text.substr(t.byte_end, n.byte_begin - t.byte_end).find('\n') != std::string_view::npos;
      bool stop = t.text == "." || t.text == "!" || t.text == "?";
      unsigned char f = n.text.empty() ? 0 : n.text[0];
      end = newline || (stop && (std::isupper(f) || f == '"' || f >= 0x80));
    }
    if (end) {
      out.push_back({start, t.span.end});
      if (!last) start = tokens[k + 1].span.begin;
    }
  }
  return out;
}

}  // namespace dateline
