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

// The corpus step holds each document reduced to its quotes (QuoteDoc) and
// drops the document: the groups, wording differences included, must come
// out the same from the reduced form alone.
TEST(QuoteGroupsTest, ReducedDocumentsGiveTheSameGroups) {
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  std::vector<QuoteDoc> reduced;
  std::vector<QuoteGroup> whole;
  {
    std::vector<Document> docs = {
        Doc("a", "Intro.\n\"When the president said it, the president had in mind negotiations and discussions "
                 "with the Ukrainian side,\" Dmitry Peskov told Interfax."),
        Doc("b", "Intro.\n\u201cWhen the president said it, he had in mind negotiations with the Ukrainian side,\u201d "
                 "Kremlin spokesperson Dmitry Peskov clarified."),
    };
    docs.push_back(docs[1]);
    docs.back().id = "c";
    docs.back().duplicate_of = "b";
    whole = GroupQuotes(docs);
    for (const Document& d : docs) reduced.push_back(ReduceForQuotes(d));
  }
  EXPECT_TRUE(reduced[2].quotes.empty()) << "a copy keeps no quotes";
  ASSERT_EQ(reduced[0].texts.size(), reduced[0].quotes.size());
  std::vector<QuoteGroup> groups = GroupQuotes(reduced);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(QuoteGroupToJson(groups[0]).dump(), QuoteGroupToJson(whole[0]).dump());
  EXPECT_FALSE(groups[0].wording_differences.empty());
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
  EXPECT_TRUE(GroupQuotes(std::vector<Document>{}).empty());
  ASSERT_TRUE(quotes_test::ExtractorLoaded());
  Document a = Doc("a", "Intro.\n\"We are ready to move forward to a lasting peace,\" Zelensky said.");
  Document b = a;
  b.id = "b";
  b.duplicate_of = "a";
  EXPECT_TRUE(GroupQuotes({a, b}).empty());
}

}  // namespace
}  // namespace dateline
