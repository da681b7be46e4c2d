// Content-end chooser: the rules' end stays without a model or when no
// candidate beats it by the margin; a model that prefers a joint moves the
// end there.
#include "annotate/quote_ends.h"

#include <gtest/gtest.h>

#include <iomanip>
#include <sstream>

#include "annotate/quote_cue_model.h"
#include "annotate/quote_lexicon.h"
#include "annotate/quote_test_util.h"
#include "annotate/quotes.h"
#include "annotate/sentences.h"

namespace dateline::quotes {
namespace {

constexpr char kText[] = "Trump said the deal is off, and talks will resume in May.";

std::string Hex(uint64_t h) {
  std::ostringstream s;
  s << std::hex << std::setw(16) << std::setfill('0') << h;
  return s.str();
}

std::string ContentWith(const std::vector<std::string>& model) {
  QuoteLexicon lx = QuoteLexicon::FromLines({"said\tspeech"}, {}, {}, {}, {});
  if (!model.empty()) lx.SetEndModel(CueModel::FromLines(model));
  QuoteExtractor x(std::move(lx));
  Document d;
  d.text = kText;
  std::vector<Token> tokens = Tokenize(d.text);
  d.sentences = SplitSentences(d.text, tokens);
  x.Annotate(tokens, &d);
  if (d.quotes.size() != 1) return "<" + std::to_string(d.quotes.size()) + " quotes>";
  return quotes_test::Content(d, d.quotes[0]);
}

TEST(QuoteEnds, RulesEndWithoutModel) {
  EXPECT_EQ(ContentWith({}), "the deal is off, and talks will resume in May");
}

TEST(QuoteEnds, ModelMovesTheEndToAJoint) {
  const std::string comma = Hex(FeatureHash("j=", ","));
  EXPECT_EQ(ContentWith({"threshold\t0.5", comma + "\t2.0"}), "the deal is off");
  // "in May": a preposition joint.
  const std::string in = Hex(FeatureHash("j=", "in"));
  EXPECT_EQ(ContentWith({"threshold\t0.5", in + "\t2.0"}), "the deal is off, and talks will resume");
}

TEST(QuoteEnds, MarginKeepsTheRulesEnd) {
  const std::string comma = Hex(FeatureHash("j=", ","));
  EXPECT_EQ(ContentWith({"threshold\t3", comma + "\t2.0"}), "the deal is off, and talks will resume in May");
}

}  // namespace
}  // namespace dateline::quotes
