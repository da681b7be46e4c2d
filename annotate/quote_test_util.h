// Test helpers for the quote layer: run the extractor on a text and read
// quotes back as strings. Header-only, tests only.
#ifndef DATELINE_ANNOTATE_QUOTE_TEST_UTIL_H_
#define DATELINE_ANNOTATE_QUOTE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "annotate/quotes.h"
#include "annotate/sentences.h"
#include "annotate/tokenizer.h"
#include "base/data_dir.h"
#include "base/document.h"
#include "base/utf8.h"

namespace dateline::quotes_test {

inline const QuoteExtractor& Extractor() {
  static const QuoteExtractor* x = [] {
    auto r = QuoteExtractor::Load(DataDir());
    return r.ok() ? r.value().release() : nullptr;
  }();
  return *x;
}

inline bool ExtractorLoaded() {
  auto r = QuoteExtractor::Load(DataDir());
  return r.ok();
}

// Annotates `text` (with optional entities) and returns the document.
inline Document Run(const std::string& text, std::vector<Entity> entities = {}) {
  Document d;
  d.id = "t";
  d.text = text;
  d.entities = std::move(entities);
  std::vector<Token> tokens = Tokenize(d.text);
  d.sentences = SplitSentences(d.text, tokens);
  Extractor().Annotate(tokens, &d);
  return d;
}

inline std::string Cut(const std::string& text, const Span& s) {
  utf8::OffsetMap m(text);
  size_t b = m.ToByte(s.begin), e = m.ToByte(s.end);
  return text.substr(b, e - b);
}

// Content pieces joined by " | ".
inline std::string Content(const Document& d, const Quote& q) {
  std::string out;
  for (const Span& s : q.spans) {
    if (!out.empty()) out += " | ";
    out += Cut(d.text, s);
  }
  return out;
}

// Code point span of the first occurrence of `needle` in `text`.
inline Span Find(const std::string& text, const std::string& needle) {
  size_t b = text.find(needle);
  if (b == std::string::npos) return {};
  return {utf8::Length(text.substr(0, b)), utf8::Length(text.substr(0, b + needle.size()))};
}

}  // namespace dateline::quotes_test

#endif  // DATELINE_ANNOTATE_QUOTE_TEST_UTIL_H_
