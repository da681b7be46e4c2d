// CueModel: the C++ features must hash exactly like eval/train_quote_cues.py
// (the expected values below were printed by its features() and fnv()), and
// a model that scores a word as a cue makes the indirect rules use it.
#include "annotate/quote_cue_model.h"

#include <gtest/gtest.h>

#include "annotate/quote_lexicon.h"
#include "annotate/quote_test_util.h"
#include "annotate/quotes.h"
#include "annotate/sentences.h"

namespace dateline::quotes {
namespace {

constexpr char kText[] = "Trump dismissed the idea that he would lose.";
constexpr char kNounText[] = "Trump dismissed the report as a hoax.";

TEST(QuoteCueModel, FeaturesMatchTheTrainer) {
  std::vector<Token> tokens = Tokenize(kText);
  QuoteText q = MakeQuoteText(kText, tokens, SplitSentences(kText, tokens));
  // b, w=dismissed, s=dismiss, x3=sed, p1=trump, p2=<p>, n1=the, n2=idea,
  // p1w=trump|dismissed, wn1=dismissed|the, sn1=dismiss|the, ps=C, ns=l,
  // that5, sub=N
  const std::vector<uint64_t> want = {
      0xaf63df4c8601f1a5ULL, 0xd7175a9dbc212686ULL, 0xe57abe6d025e87bbULL, 0xb8750bbef1440a61ULL,
      0x679af9f128bf5517ULL, 0x65149933d36ddf64ULL, 0x6f5576626d890902ULL, 0xe8fbc1ece1a59777ULL,
      0xe2ce74d4b853f233ULL, 0x72977b2032f99190ULL, 0x0aa7d430b4d4f1b9ULL, 0x7d7a720e30e6e7b8ULL,
      0x4ab974ba49112d57ULL, 0xca02c6724b8a35dbULL, 0x6ca5ceb466cd19e2ULL};
  EXPECT_EQ(CueFeatures(q, 1), want);
}

TEST(QuoteCueModel, LoadsAndScores) {
  CueModel m = CueModel::FromLines({"# comment", "threshold\t0.5", "d7175a9dbc212686\t1.25", "bad line"});
  std::vector<Token> tokens = Tokenize(kText);
  QuoteText q = MakeQuoteText(kText, tokens, SplitSentences(kText, tokens));
  EXPECT_DOUBLE_EQ(m.threshold(), 0.5);
  EXPECT_DOUBLE_EQ(m.Score(q, 1), 1.25);
  EXPECT_TRUE(m.IsCue(q, 1));
  EXPECT_FALSE(m.IsCue(q, 0));  // "Trump": capitalised, never a candidate
  EXPECT_FALSE(m.IsCue(q, 2));  // "the": no weight
  EXPECT_TRUE(CueModel::Load("/nonexistent/cue_model.tsv").empty());
}

TEST(QuoteCueModel, LearnedCueFeedsTheIndirectRules) {
  QuoteLexicon lx = QuoteLexicon::FromLines({"said\tspeech"}, {}, {}, {}, {});
  QuoteExtractor without(lx);
  lx.SetCueModel(CueModel::FromLines({"threshold\t0.5", "d7175a9dbc212686\t1.25"}));
  QuoteExtractor with(std::move(lx));
  Document d;
  d.text = kNounText;
  std::vector<Token> tokens = Tokenize(d.text);
  d.sentences = SplitSentences(d.text, tokens);
  without.Annotate(tokens, &d);
  EXPECT_TRUE(d.quotes.empty());
  with.Annotate(tokens, &d);
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(quotes_test::Content(d, d.quotes[0]), "the report as a hoax");
  EXPECT_EQ(d.quotes[0].kind, "indirect");
}

}  // namespace
}  // namespace dateline::quotes
