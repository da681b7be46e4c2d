// Quote groups across documents.
#include "annotate/quote_groups.h"

#include <gtest/gtest.h>

#include "annotate/quote_test_util.h"

namespace dateline {
namespace {

Document Doc(const std::string& id, const std::string& text) {
  Document d = quotes_test::Run(text);
  d.id = id;
  return d;
}

TEST(QuoteGroupsTest, SameStatementInDifferentWordsIsOneGroup) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  std::vector<Document> docs = {
      Doc("a", "Intro.\n\"When the president said it, the president had in mind negotiations and discussions "
               "with the Ukrainian side,\" Dmitry Peskov told Interfax."),
      Doc("b", "Intro.\n\u201cWhen the president said it, he had in mind negotiations with the Ukrainian side,\u201d "
               "Kremlin spokesperson Dmitry Peskov clarified."),
      Doc("c", "Intro.\n\"We have always talked about this,\" Putin said."),
  };
  std::vector<QuoteGroup> groups = GroupQuotes(docs);
  ASSERT_EQ(groups.size(), 1u);
  const QuoteGroup& g = groups[0];
  ASSERT_EQ(g.sources.size(), 2u);
  EXPECT_EQ(g.sources[0].document, "a");
  EXPECT_EQ(g.sources[1].document, "b");
  EXPECT_EQ(g.kind, "direct");
  EXPECT_EQ(g.speaker_name.value_or(""), "Dmitry Peskov");
  bool president_to_he = false, dropped = false;
  for (const WordingDifference& w : g.wording_differences) {
    president_to_he |= w.from == "the president" && w.to == "he";
    dropped |= w.from == "and discussions" && w.to.empty();
  }
  EXPECT_TRUE(president_to_he);
  EXPECT_TRUE(dropped);
  nlohmann::json j = QuoteGroupToJson(g);
  EXPECT_EQ(j["sources"].size(), 2u);
  EXPECT_EQ(j["id"], g.id);
}

TEST(QuoteGroupsTest, DifferentSpeakersOrWordsStayApart) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  std::vector<Document> docs = {
      Doc("a", "Intro.\n\"We are ready to move forward to a lasting peace,\" Zelensky said."),
      Doc("b", "Intro.\n\"We are ready to move forward to a lasting peace,\" Putin said."),
      Doc("c", "Intro.\n\"Nothing about this plan is acceptable to anyone,\" Zelensky said."),
  };
  EXPECT_TRUE(GroupQuotes(docs).empty());
  QuoteGroupOptions all;
  all.singletons = true;
  EXPECT_EQ(GroupQuotes(docs, all).size(), 3u);
}

TEST(QuoteGroupsTest, DuplicatesAndEmptyInputs) {
  EXPECT_TRUE(GroupQuotes({}).empty());
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  Document a = Doc("a", "Intro.\n\"We are ready to move forward to a lasting peace,\" Zelensky said.");
  Document b = a;
  b.id = "b";
  b.duplicate_of = "a";
  EXPECT_TRUE(GroupQuotes({a, b}).empty());
}

}  // namespace
}  // namespace dateline
