#include "stories/summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "stories/summary_test_docs.h"

namespace dateline {
namespace {

std::string Opt(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "null"; }
std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + ",";
  return out;
}

std::string Show(const StorySummary& s) {
  std::string out = s.id + "|" + s.storyline + "|" + s.title + "|" + Opt(s.first_date) + "|" + Opt(s.last_date) +
                    "|" + Join(s.documents) + "|" + Join(s.outlets) + "|";
  for (const auto& [k, v] : s.copies) out += k + ":" + Join(v) + ";";
  return out;
}
std::string Show(const StorylineSummary& s) {
  return s.id + "|" + s.title + "|" + Opt(s.first_date) + "|" + Opt(s.last_date) + "|" + Join(s.stories) + "|" +
         Join(s.outlets) + "|" + std::to_string(s.documents);
}

// The documents in the order the corpus step gives them to Summarize():
// by storyline, then input order.
std::vector<Document> ByStoryline(std::vector<Document> docs) {
  std::stable_sort(docs.begin(), docs.end(), [](const Document& a, const Document& b) {
    return a.storyline.value_or("") < b.storyline.value_or("");
  });
  return docs;
}

// Rows of the documents that count, grouped by story (or storyline), each
// group in the order the store reads it.
std::map<std::string, std::vector<SummaryRow>> Groups(const std::vector<Document>& docs, bool by_story) {
  std::map<std::string, std::vector<SummaryRow>> out;
  for (const Document& d : by_story ? ByStoryline(docs) : docs)
    if (d.story.value_or("") != "" && d.storyline.value_or("") != "")
      out[by_story ? *d.story : *d.storyline].push_back(SummaryRowOf(d));
  return out;
}

TEST(StoriesSummary, OneGroupAtATimeEqualsSummarize) {
  const std::vector<Document> docs = testing_docs::SummaryTestDocs(400);
  std::vector<StorySummary> want_stories;
  std::vector<StorylineSummary> want_lines;
  Summarize(ByStoryline(docs), &want_stories, &want_lines);
  ASSERT_GE(want_stories.size(), 8u);
  ASSERT_EQ(want_lines.size(), 3u);

  std::vector<StorySummary> stories;
  for (const auto& [id, rows] : Groups(docs, true)) stories.push_back(SummarizeStory(rows));
  ASSERT_EQ(stories.size(), want_stories.size());
  for (size_t i = 0; i < stories.size(); ++i) EXPECT_EQ(Show(stories[i]), Show(want_stories[i]));

  std::vector<StorylineSummary> lines;
  for (const auto& [id, rows] : Groups(docs, false)) lines.push_back(SummarizeStoryline(rows));
  ASSERT_EQ(lines.size(), want_lines.size());
  for (size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(Show(lines[i]), Show(want_lines[i]));
}

TEST(StoriesSummary, CanonicalLatestFirstThenCopiesAndTheLastStoryline) {
  auto row = [](const char* id, const char* line, std::optional<std::string> dup, std::optional<std::string> title,
                std::optional<std::string> outlet, std::optional<std::string> date) {
    return SummaryRow{id, "s", line, outlet, title, date, dup};
  };
  StorySummary s = SummarizeStory({row("a", "l1", std::nullopt, "", "y", "2025-04-21T10:00:00Z"),
                                   row("b", "l1", "a", "Copy title", std::nullopt, std::nullopt),
                                   row("c", "l2", std::nullopt, "Title", "", "2025-04-08"),
                                   row("d", "l2", "a", std::nullopt, "x", "2025-04-30")});
  EXPECT_EQ(s.storyline, "l2");
  EXPECT_EQ(s.title, "Title");  // the first canonical one with a title
  EXPECT_EQ(s.documents, (std::vector<std::string>{"c", "a", "b", "d"}));
  EXPECT_EQ(s.copies.at("a"), (std::vector<std::string>{"b", "d"}));
  EXPECT_EQ(s.outlets, (std::vector<std::string>{"", "x", "y"}));
  EXPECT_EQ(Opt(s.first_date), "'2025-04-08'");
  EXPECT_EQ(Opt(s.last_date), "'2025-04-30'");
}

}  // namespace
}  // namespace dateline
