// The seed pages (samples/): every direct quotation in the article bodies
// with its speaker's full name, and the Kremlin spokesperson's statement
// that two outlets word differently as one group with two sources.
// Runs the quote layer on the raw page text (no cleaning needed for quotes).
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "annotate/quote_groups.h"
#include "annotate/quote_test_util.h"

namespace dateline {
namespace {

std::string ReadSample(const std::string& name) {
  std::ifstream in(DataDir() + "/../samples/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The direct quote whose content contains `words`, or nullptr.
const Quote* DirectWith(const Document& d, const std::string& words) {
  for (const Quote& q : d.quotes)
    if (q.kind == "direct" && quotes_test::Content(d, q).find(words) != std::string::npos) return &q;
  return nullptr;
}

struct SeedQuote {
  const char* sample;
  const char* words;
  const char* speaker;
};

TEST(QuoteSeedsTest, DirectQuotesWithFullNames) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  const std::vector<SeedQuote> cases = {
      {"000_b033e49237c5a107.txt", "We have always talked about this", "Vladimir Putin"},
      {"000_b033e49237c5a107.txt", "the president had in mind negotiations", "Dmitry Peskov"},
      {"000_b033e49237c5a107.txt", "I will be giving you full details", "Donald Trump"},
      {"000_b033e49237c5a107.txt", "There is a very good chance (to reach a ceasefire)", "Donald Trump"},
      {"001_a2b3e08d42126023.txt", "Ceasefire will be met with ceasefire", "Volodymyr Zelenskyy"},
      {"002_d3393c5b4bbd686f.txt", "he had in mind negotiations", "Dmitry Peskov"},
      {"002_d3393c5b4bbd686f.txt", "we are ready to move forward constructively", "Volodymyr Zelenskiy"},
      {"004_53c6bf09d89474f2.txt", "So we are thinking very strongly", "Donald Trump"},
      {"004_53c6bf09d89474f2.txt", "But they have to get to the table", "Donald Trump"},
  };
  for (const SeedQuote& c : cases) {
    std::string text = ReadSample(c.sample);
    ASSERT_FALSE(text.empty()) << c.sample;
    Document d = quotes_test::Run(text);
    const Quote* q = DirectWith(d, c.words);
    ASSERT_NE(q, nullptr) << c.sample << ": " << c.words;
    EXPECT_EQ(q->speaker_name.value_or(""), c.speaker) << c.sample << ": " << c.words;
  }
}

TEST(QuoteSeedsTest, PeskovStatementIsOneGroupWithTwoSources) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  std::vector<Document> docs;
  for (const char* name : {"000_b033e49237c5a107.txt", "001_a2b3e08d42126023.txt", "002_d3393c5b4bbd686f.txt",
                           "003_646501f04d5823af.txt", "004_53c6bf09d89474f2.txt"}) {
    docs.push_back(quotes_test::Run(ReadSample(name)));
    docs.back().id = name;
  }
  const std::vector<QuoteGroup> groups = GroupQuotes(docs);
  const QuoteGroup* peskov = nullptr;
  for (const QuoteGroup& g : groups)
    if (g.text.find("had in mind negotiations") != std::string::npos) peskov = &g;
  ASSERT_NE(peskov, nullptr);
  ASSERT_EQ(peskov->sources.size(), 2u);
  EXPECT_EQ(peskov->sources[0].document, "000_b033e49237c5a107.txt");
  EXPECT_EQ(peskov->sources[1].document, "002_d3393c5b4bbd686f.txt");
  EXPECT_EQ(peskov->speaker_name.value_or(""), "Dmitry Peskov");
  EXPECT_FALSE(peskov->wording_differences.empty());
}

}  // namespace
}  // namespace dateline
