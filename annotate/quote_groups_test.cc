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

// A reduced document with one quote per text (no extractor needed).
QuoteDoc Reduced(const std::string& id, const std::vector<std::pair<std::string, std::string>>& quotes) {
  QuoteDoc d;
  d.id = id;
  d.outlet = "Outlet " + id;
  for (const auto& [text, speaker] : quotes) {
    Quote q;
    q.spans = {{0, static_cast<int64_t>(text.size())}};
    q.kind = "direct";
    q.speaker_name = speaker;
    d.quotes.push_back(q);
    d.texts.push_back(text);
  }
  return d;
}

std::vector<std::string> Sources(const QuoteGroup& g) {
  std::vector<std::string> out;
  for (const QuoteSource& s : g.sources) out.push_back(s.document);
  return out;
}

// A storyline too large to hold is grouped a segment at a time: a quote links
// with its own and the previous segment, a group grows for as long as each
// segment adds to it, and only the open groups and two segments are held.
TEST(QuoteGroupsTest, SegmentsLinkNeighboursAndHoldOnlyOpenGroups) {
  const std::string peace = "We are ready to move forward to a lasting peace", plan = "Nothing about this plan is acceptable to anyone at all";
  auto docs = [&] {
    std::vector<QuoteDoc> d;
    for (int i = 0; i < 7; ++i) {
      const std::string n = std::to_string(i);
      std::vector<std::pair<std::string, std::string>> q = {{"a" + n + " b" + n + " c" + n + " d" + n + " e" + n + " f" + n, "Someone"}};
      if (i % 2 == 0) q.push_back({peace, "Volodymyr Zelensky"});
      if (i == 0 || i == 5) q.push_back({plan, "Vladimir Putin"});
      d.push_back(Reduced("d" + std::to_string(i), q));
    }
    return d;
  };
  std::vector<QuoteGroup> whole = GroupQuotes(docs());
  ASSERT_EQ(whole.size(), 2u);
  EXPECT_EQ(Sources(whole[0]), (std::vector<std::string>{"d0", "d2", "d4", "d6"}));
  EXPECT_EQ(Sources(whole[1]), (std::vector<std::string>{"d0", "d5"}));

  QuoteGrouper one;
  one.Add(docs());
  std::vector<QuoteGroup> at_once = one.Finish();
  ASSERT_EQ(at_once.size(), whole.size());
  for (size_t i = 0; i < whole.size(); ++i) EXPECT_EQ(QuoteGroupToJson(at_once[i]).dump(), QuoteGroupToJson(whole[i]).dump());

  QuoteGrouper segments;
  std::vector<QuoteDoc> all = docs();
  for (size_t i = 0; i < all.size(); i += 2) {
    std::vector<QuoteDoc> segment(all.begin() + i, all.begin() + std::min(all.size(), i + 2));
    segments.Add(std::move(segment));
    EXPECT_LE(segments.HeldDocuments(), 5u) << "two segments and the open group's documents";
  }
  std::vector<QuoteGroup> grouped = segments.Finish();
  ASSERT_EQ(grouped.size(), 1u) << "d0 and d5 are two segments apart";
  EXPECT_EQ(QuoteGroupToJson(grouped[0]).dump(), QuoteGroupToJson(whole[0]).dump()) << "the chain d0-d2-d4-d6";
  EXPECT_EQ(segments.HeldDocuments(), 0u);
}

TEST(QuoteGroupsTest, SegmentsHoldBoundedDocuments) {
  QuoteGrouper g;
  for (int s = 0; s < 50; ++s) {
    std::vector<QuoteDoc> segment;
    for (int i = 0; i < 10; ++i) {
      std::string n = std::to_string(s * 10 + i);
      segment.push_back(Reduced("d" + n, {{"quote number " + n + " of a long stream of words", "Speaker " + n}}));
    }
    g.Add(std::move(segment));
    EXPECT_LE(g.HeldDocuments(), 20u);
  }
  EXPECT_TRUE(g.Finish().empty());
}

}  // namespace
}  // namespace dateline
