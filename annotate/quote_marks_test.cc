// Quotation-mark pairing: tables of {text, expected quoted stretches}.
#include "annotate/quote_marks.h"

#include <gtest/gtest.h>

#include "annotate/quote_test_util.h"

namespace dateline::quotes {
namespace {

std::vector<std::string> Segments(const std::string& text, bool double_apostrophe = false) {
  std::vector<Token> tokens = Tokenize(text);
  QuoteText q = MakeQuoteText(text, tokens, {}, double_apostrophe);
  std::vector<std::string> out;
  for (const QuoteSegment& s : FindQuoteSegments(q)) {
    std::string piece;
    for (const Span& sp : s.spans) piece += (piece.empty() ? "" : " | ") + quotes_test::Cut(text, sp);
    out.push_back(piece);
  }
  return out;
}

TEST(QuoteMarksTest, PairsMarks) {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"He said \u201cyes\u201d and left.", {"\u201cyes\u201d"}},
      {"He said \"yes\" and \"no\".", {"\"yes\"", "\"no\""}},
      {"\u201cA,\u201d he said, \u201cB.\u201d", {"\u201cA,\u201d", "\u201cB.\u201d"}},
      // An open quote continues when the next paragraph opens with a mark.
      {"\u201cOne.\n\u201cTwo.\u201d", {"\u201cOne. | \u201cTwo.\u201d"}},
      // ... and ends at the paragraph end when it does not.
      {"\u201cOne.\nPlain text.", {"\u201cOne."}},
      // Single marks only in headline-like paragraphs; apostrophes are not marks.
      {"Trump says 'nobody is asking' Ukraine", {"'nobody is asking'"}},
      {"It isn't 'quoted' in a sentence that ends.", {}},
      {"The leaders' views differ.", {}},
      // Marks nested in an open quote belong to it.
      {"\u201cHe said \u2018no\u2019 twice,\u201d she said.", {"\u201cHe said \u2018no\u2019 twice,\u201d"}},
      {"", {}},
      {"\"", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Segments(c.text), c.want) << c.text;
}

TEST(QuoteMarksTest, DoubleApostropheIsAnOption) {
  const std::string text = "''It is over,'' he said.";
  EXPECT_TRUE(Segments(text).empty());
  EXPECT_EQ(Segments(text, true), std::vector<std::string>{"''It is over,''"});
}

}  // namespace
}  // namespace dateline::quotes
