// Extraction filter: without a model every indirect quote is kept; a model
// that scores an extraction at or below its threshold drops it.
#include "annotate/quote_filter.h"

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

constexpr char kText[] = "Trump said the deal is off. The plan has support among voters.";

std::string Hex(uint64_t h) {
  std::ostringstream s;
  s << std::hex << std::setw(16) << std::setfill('0') << h;
  return s.str();
}

std::vector<std::string> Contents(const std::vector<std::string>& model) {
  QuoteLexicon lx = QuoteLexicon::FromLines({"said\tspeech", "support\tbelief"}, {}, {}, {}, {});
  if (!model.empty()) lx.SetFilterModel(CueModel::FromLines(model));
  QuoteExtractor x(std::move(lx));
  Document d;
  d.text = kText;
  std::vector<Token> tokens = Tokenize(d.text);
  d.sentences = SplitSentences(d.text, tokens);
  x.Annotate(tokens, &d);
  std::vector<std::string> out;
  for (const Quote& q : d.quotes) out.push_back(quotes_test::Content(d, q));
  return out;
}

TEST(QuoteFilter, KeepsEverythingWithoutModel) {
  EXPECT_EQ(Contents({}), (std::vector<std::string>{"the deal is off", "among voters"}));
}

TEST(QuoteFilter, DropsLowScoringExtractions) {
  // "support" followed by "among": a weak cue; "said": a strong one.
  const std::string weak = Hex(FeatureHash("nc=", "support", "|", "among"));
  const std::string bias = Hex(FeatureHash("bias"));
  EXPECT_EQ(Contents({"threshold\t0", bias + "\t1.0", weak + "\t-2.0"}),
            (std::vector<std::string>{"the deal is off"}));
  // Everything scores 1.0 - 2.0 or 1.0, above a threshold of -2.
  EXPECT_EQ(Contents({"threshold\t-2", bias + "\t1.0", weak + "\t-2.0"}),
            (std::vector<std::string>{"the deal is off", "among voters"}));
}

}  // namespace
}  // namespace dateline::quotes
