// Quotation-mark pairing: finds the stretches of text between quotation
// marks. Pure functions over a QuoteText; no state, thread-safe.
//
// Rules (docs/quotes.md):
//  - curly marks pair “ … ”; straight " opens after a space (or at a
//    paragraph start) and closes before a space or punctuation;
//  - a quote still open at the end of a paragraph continues into the next
//    paragraph when that one opens with a quotation mark (the news
//    convention for quotes over several paragraphs), else it ends there;
//  - single marks ‘ … ’ / ' … ' count only in headline-like paragraphs
//    (no final full stop, short), where outlets use them for quotes;
//  - marks nested inside an open quote are part of its content.
#ifndef DATELINE_ANNOTATE_QUOTE_MARKS_H_
#define DATELINE_ANNOTATE_QUOTE_MARKS_H_

#include <cstddef>
#include <vector>

#include "annotate/quote_lexicon.h"
#include "base/document.h"

namespace dateline::quotes {

struct QuoteSegment {
  size_t open = 0;    // token index of the opening mark
  size_t last = 0;    // token index of the closing mark, or the last token when unclosed
  bool closed = false;
  bool single = false;      // single quotation marks
  std::vector<Span> spans;  // one span per paragraph, marks included
};

// All quoted segments, in text order.
std::vector<QuoteSegment> FindQuoteSegments(const QuoteText& q);

}  // namespace dateline::quotes

#endif  // DATELINE_ANNOTATE_QUOTE_MARKS_H_
